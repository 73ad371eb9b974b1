using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Homelab.Dashboard.Adapters.Http;
using Homelab.Domain.Ports;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Adapters.Docker;

/// <summary>
/// The Docker Engine API over a Unix socket or TCP (usually a socket proxy), as an <see cref="IContainerSource"/>.
/// </summary>
/// <remarks>
/// Thread-safe and long-lived: one per Docker host, sharing one <see cref="HttpClient"/> whose own timeout is
/// infinite so log and event streams can stay open; every call gets its own deadline instead. The API version is
/// negotiated on first use and pinned in every path, capped at <see cref="MaxApiVersion"/>. Owns the client it is given.
/// </remarks>
internal sealed partial class DockerClient : IContainerSource, IDisposable
{
    /// <summary>The newest API this adapter knows; from 1.52 the container list carries health.</summary>
    public static readonly Version MaxApiVersion = new(1, 52);

    /// <summary>How long an unknown API version is kept before asking again.</summary>
    private static readonly TimeSpan s_unknownVersionRetry = TimeSpan.FromMinutes(5);

    private readonly HttpClient _http;
    private readonly TimeSpan _requestTimeout;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _negotiation = new(1, 1);
    private volatile Negotiated? _negotiated;

    public DockerClient(HttpClient http, string host, TimeSpan requestTimeout, ILogger logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrEmpty(host);
        _http = http;
        Host = host;
        _requestTimeout = requestTimeout;
        _logger = logger;
        _timeProvider = timeProvider;
    }

    public string Host { get; }

    /// <summary>The API version in use once negotiated; null before, or when the daemon did not say.</summary>
    internal Version? ApiVersion => _negotiated?.Version;

    /// <summary>Releases the HTTP client handed over at construction.</summary>
    public void Dispose()
    {
        _http.Dispose();
        _negotiation.Dispose();
    }

    /// <summary>Sends a GET for JSON and parses it; transport problems, error statuses and bad bodies become errors.</summary>
    private async Task<SourceResult<T>> GetJsonAsync<T>(string path, Func<JsonElement, T?> parse, string expected, CancellationToken cancellationToken)
        where T : class
    {
        var prefix = await VersionPrefixAsync(cancellationToken);
        if (!prefix.IsSuccess)
        {
            return prefix.Error;
        }

        using var deadline = new RequestDeadline(_requestTimeout, _timeProvider, cancellationToken);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, prefix.Value + "/" + path);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                return await FailureAsync(response, "GET", path, deadline.Token);
            }

            using var body = await BoundedContent.ReadAsync(response.Content, deadline.Token);
            if (body is null)
            {
                return Failed("GET", path, UpstreamFailures.InvalidResponse($"the answer to /{path} is larger than {BoundedContent.DefaultMaxBytes / (1024 * 1024)} MiB"));
            }

            try
            {
                using var document = JsonDocument.Parse(body.Utf8);
                if (parse(document.RootElement) is { } value)
                {
                    return SourceResult<T>.Ok(value);
                }
            }
            catch (JsonException)
            {
            }

            return Failed("GET", path, UpstreamFailures.InvalidResponse($"expected {expected} from /{path} but got {Describe(response, body.Text())}"));
        }
        catch (Exception ex) when (IsTransportFailure(ex) && UpstreamFailures.FromException(ex, cancellationToken) is { } error)
        {
            return Failed("GET", path, error);
        }
    }

    /// <summary>Reads an error answer and maps it; drops the negotiated version when the daemon refused it.</summary>
    private async Task<SourceError> FailureAsync(HttpResponseMessage response, string method, string path, CancellationToken cancellationToken)
    {
        string? body = null;
        try
        {
            body = await BoundedContent.ReadStringAsync(response.Content, cancellationToken, maxBytes: 64 * 1024);
        }
        catch (Exception ex) when (IsTransportFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            // The status alone still says what went wrong.
        }

        var error = DockerFailures.FromResponse(response.StatusCode, response.ReasonPhrase, body, method, path);
        if (DockerFailures.IsVersionRejection(error) && _negotiated is { } used)
        {
            // The daemon was replaced by an older or newer one since we asked; ask again next time.
            _negotiated = null;
            DockerLog.VersionRejected(_logger, Host, used.Prefix, error.Message);
        }

        return Failed(method, path, error);
    }

    private SourceError Failed(string method, string path, SourceError error)
    {
        DockerLog.RequestFailed(_logger, Host, method, "/" + path, error.ToString());
        return error;
    }

    /// <summary>
    /// The version prefix for every path, e.g. <c>/v1.52</c>: the daemon's version from <c>/_ping</c> (or
    /// <c>/version</c>), capped at <see cref="MaxApiVersion"/>. Asked once; a failed attempt is retried on the next
    /// call, and a daemon that does not say gets unprefixed paths (its newest API) for a while.
    /// </summary>
    private async Task<SourceResult<string>> VersionPrefixAsync(CancellationToken cancellationToken)
    {
        if (_negotiated is { } known && known.IsCurrent(_timeProvider))
        {
            return SourceResult<string>.Ok(known.Prefix);
        }

        await _negotiation.WaitAsync(cancellationToken);
        try
        {
            if (_negotiated is { } again && again.IsCurrent(_timeProvider))
            {
                return SourceResult<string>.Ok(again.Prefix);
            }

            var probed = await ProbeVersionAsync(cancellationToken);
            if (!probed.IsSuccess)
            {
                return probed.Error;
            }

            var (server, why) = probed.Value;
            if (server is null)
            {
                DockerLog.VersionUnknown(_logger, Host, why);
                _negotiated = new Negotiated(null, "", _timeProvider.GetUtcNow() + s_unknownVersionRetry);
                return SourceResult<string>.Ok("");
            }

            var used = server < MaxApiVersion ? server : MaxApiVersion;
            var prefix = string.Create(CultureInfo.InvariantCulture, $"/v{used.Major}.{used.Minor}");
            DockerLog.VersionNegotiated(_logger, Host, server.ToString(), used.ToString());
            _negotiated = new Negotiated(used, prefix, null);
            return SourceResult<string>.Ok(prefix);
        }
        finally
        {
            _negotiation.Release();
        }
    }

    /// <summary>The daemon's API version, or null with a reason when it answers but does not say.</summary>
    private async Task<SourceResult<(Version? Version, string Why)>> ProbeVersionAsync(CancellationToken cancellationToken)
    {
        using var deadline = new RequestDeadline(_requestTimeout, _timeProvider, cancellationToken);
        try
        {
            // Every daemon answer carries Api-Version; /_ping is the cheapest one and what the docker CLI asks.
            using (var ping = await _http.GetAsync("/_ping", HttpCompletionOption.ResponseHeadersRead, deadline.Token))
            {
                if (ping.Headers.TryGetValues("Api-Version", out var values) && ParseVersion(values.FirstOrDefault()) is { } fromPing)
                {
                    return SourceResult<(Version?, string)>.Ok((fromPing, ""));
                }
            }

            using var response = await _http.GetAsync("/version", HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                return SourceResult<(Version?, string)>.Ok((null, $"/version answered {(int)response.StatusCode}"));
            }

            var body = await BoundedContent.ReadStringAsync(response.Content, deadline.Token, maxBytes: 256 * 1024);
            try
            {
                using var document = body is null ? null : JsonDocument.Parse(body);
                if (document is not null && ParseVersion(document.RootElement.String("ApiVersion")) is { } fromVersion)
                {
                    return SourceResult<(Version?, string)>.Ok((fromVersion, ""));
                }
            }
            catch (JsonException)
            {
            }

            return SourceResult<(Version?, string)>.Ok((null, "/version has no ApiVersion"));
        }
        catch (Exception ex) when (IsTransportFailure(ex) && UpstreamFailures.FromException(ex, cancellationToken) is { } error)
        {
            return Failed("GET", "_ping", error);
        }
    }

    private static Version? ParseVersion(string? text) =>
        Version.TryParse(text, out var version) && version.Major >= 1 ? new Version(version.Major, Math.Max(0, version.Minor)) : null;

    private static bool IsTransportFailure(Exception exception) =>
        exception is HttpRequestException or IOException or OperationCanceledException or TimeoutException or SocketException;

    /// <summary>A short, safe description of an unexpected body for the error message.</summary>
    private static string Describe(HttpResponseMessage response, string body)
    {
        var type = response.Content.Headers.ContentType?.MediaType ?? "no content type";
        var text = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length == 0 ? $"an empty {type} body" : $"{type}: {(text.Length > 80 ? text[..80] + "…" : text)}";
    }

    private static string Escape(string containerId) => Uri.EscapeDataString(containerId);

    /// <summary>The negotiated version prefix; <see cref="RetryAt"/> is set when the version is unknown.</summary>
    private sealed record Negotiated(Version? Version, string Prefix, DateTimeOffset? RetryAt)
    {
        public bool IsCurrent(TimeProvider time) => RetryAt is not { } retry || time.GetUtcNow() < retry;
    }
}
