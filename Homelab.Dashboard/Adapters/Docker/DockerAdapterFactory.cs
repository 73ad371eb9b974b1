using System.Net.Sockets;
using Homelab.Dashboard.Configuration;
using Homelab.Domain.Ports;

namespace Homelab.Dashboard.Adapters.Docker;

/// <summary>Builds the Docker adapter for a Unix socket or TCP endpoint.</summary>
internal static class DockerAdapterFactory
{
    private const string UserAgent = "homelab-dashboard";

    public static IContainerSource Create(DockerConnection connection, DockerOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var http = new HttpClient(CreateHandler(connection.Endpoint, options.RequestTimeout), disposeHandler: true)
        {
            BaseAddress = connection.Endpoint.BaseAddress,

            // Log follows and the event stream stay open for hours; each call sets its own deadline instead.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        return new DockerClient(http, connection.Name, options.RequestTimeout, loggerFactory.CreateLogger<DockerClient>(), timeProvider);
    }

    /// <summary>
    /// One long-lived handler per host. A Unix socket is dialled through <see cref="SocketsHttpHandler.ConnectCallback"/>
    /// (the URL's host, <c>docker</c>, is never resolved); TCP is plain HTTP(S).
    /// </summary>
    internal static SocketsHttpHandler CreateHandler(DockerEndpoint endpoint, TimeSpan connectTimeout)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = connectTimeout,

            // The engine is on the LAN or this machine; an HTTP proxy from the environment has no business in between.
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,

            // Re-resolve a host name now and then, in case the Docker host moves.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };

        if (endpoint.SocketPath is { } path)
        {
            handler.ConnectCallback = (_, cancellationToken) => ConnectUnixSocketAsync(path, cancellationToken);
        }

        return handler;
    }

    internal static async ValueTask<Stream> ConnectUnixSocketAsync(string path, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.AddressNotAvailable or SocketError.AccessDenied)
        {
            socket.Dispose();

            // "Address not available" and "permission denied" say little about a socket file; say what to check.
            // No inner exception: the failure mapping reports the innermost message, which would be the vague one.
            var why = ex.SocketErrorCode == SocketError.AccessDenied
                ? $"permission denied on the Docker socket {path} (the dashboard's user needs access to it, e.g. the docker group)"
                : $"no Docker socket at {path}";
            throw new IOException(why);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
