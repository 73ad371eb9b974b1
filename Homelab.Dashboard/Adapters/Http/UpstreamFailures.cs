using System.Net.Sockets;
using System.Security.Authentication;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Adapters.Http;

/// <summary>
/// Turns what can go wrong on the way to an upstream into a <see cref="SourceError"/>: refused connections, DNS,
/// TLS, timeouts, and HTTP status codes. Every adapter uses it, so the same failure reads the same everywhere.
/// </summary>
internal static class UpstreamFailures
{
    /// <summary>Maps an exception from sending a request. Returns null when the caller cancelled (rethrow that).</summary>
    /// <param name="certificateProblem">What the TLS check found, when a certificate was refused.</param>
    public static SourceError? FromException(Exception exception, CancellationToken callerToken, string? certificateProblem = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is OperationCanceledException && callerToken.IsCancellationRequested)
        {
            return null;
        }

        return exception switch
        {
            // HttpClient reports its own timeout as a cancellation the caller did not ask for.
            OperationCanceledException or TimeoutException => new SourceError(SourceErrorKind.Timeout, "no answer in time"),
            HttpRequestException { InnerException: AuthenticationException auth } =>
                new SourceError(SourceErrorKind.UntrustedCertificate, certificateProblem ?? $"TLS handshake failed: {auth.Message}"),
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } =>
                new SourceError(SourceErrorKind.UntrustedCertificate, certificateProblem ?? "TLS handshake failed"),
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } http =>
                new SourceError(SourceErrorKind.Unreachable, $"name not found: {Innermost(http)}"),
            HttpRequestException { InnerException: SocketException socket } =>
                new SourceError(SourceErrorKind.Unreachable, SocketMessage(socket)),
            HttpRequestException http => new SourceError(SourceErrorKind.Unreachable, Innermost(http)),
            IOException io => new SourceError(SourceErrorKind.Unreachable, $"connection dropped: {io.Message}"),
            _ => new SourceError(SourceErrorKind.UpstreamError, exception.Message),
        };
    }

    /// <summary>Maps an HTTP status to an error kind, with the upstream's own message.</summary>
    public static SourceError FromStatus(int status, string message) => new(KindFor(status), message, status);

    public static SourceErrorKind KindFor(int status) => status switch
    {
        400 => SourceErrorKind.BadRequest,
        401 => SourceErrorKind.Unauthorized,
        403 => SourceErrorKind.Forbidden,
        404 or 501 => SourceErrorKind.NotFound,
        408 or 504 => SourceErrorKind.Timeout,
        409 => SourceErrorKind.Conflict,
        502 or 503 => SourceErrorKind.Unreachable,
        // Proxmox passes on its proxy's synthetic errors when another cluster node cannot be reached.
        595 or 596 or 599 => SourceErrorKind.NodeUnreachable,
        >= 500 => SourceErrorKind.UpstreamError,
        _ => SourceErrorKind.UpstreamError,
    };

    /// <summary>An answer that is not what the protocol promises (HTML from a proxy, truncated JSON…).</summary>
    public static SourceError InvalidResponse(string what) => new(SourceErrorKind.InvalidResponse, what);

    private static string SocketMessage(SocketException socket) => socket.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => "no route to host",
        SocketError.TimedOut => "connection timed out",
        SocketError.ConnectionReset => "connection reset",
        SocketError.AddressNotAvailable => "address not available",
        _ => socket.Message,
    };

    private static string Innermost(Exception exception)
    {
        var inner = exception;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return inner is SocketException socket ? SocketMessage(socket) : inner.Message;
    }
}
