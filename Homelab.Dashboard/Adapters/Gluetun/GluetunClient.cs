using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text.Json;
using Homelab.Dashboard.Adapters.Http;
using Homelab.Dashboard.Configuration;
using Homelab.Domain.Downloads;
using Homelab.Domain.Ports;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Adapters.Gluetun;

/// <summary>gluetun's HTTP control server as an <see cref="IVpnSource"/>.</summary>
/// <remarks>
/// <para>
/// One read asks for the tunnel's status, the public address and the forwarded port at once. The status is the
/// essential part: when it fails, the read fails. A missing or failing address or port only leaves that part unknown,
/// and says why in the log, once per change rather than on every poll.
/// </para>
/// <para>
/// Redirects are never followed by the handler (it would carry the API key anywhere). The adapter follows one itself
/// only to another route on the same control server that it has not asked for yet in that read; the legacy
/// port route's 301 back to <c>/v1/portforward</c> is therefore recognised rather than chased.
/// </para>
/// <para>Thread-safe and long-lived; owns the <see cref="HttpClient"/> it is given. Never throws for upstream failures.</para>
/// </remarks>
internal sealed class GluetunClient : IVpnSource, IDisposable
{
    private const string ApiKeyHeader = "X-API-Key";

    /// <summary>gluetun's answers are a few hundred bytes; anything near this is not gluetun.</summary>
    private const int MaxBodyBytes = 64 * 1024;

    private const string AddressPart = "public address";
    private const string PortPart = "forwarded port";

    private readonly HttpClient _http;
    private readonly Uri _base;
    private readonly string? _apiKey;
    private readonly string _apiKeySetting;
    private readonly TimeSpan _requestTimeout;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    /// <summary>What was last logged about each part (a problem, or a legacy route in use), so it is logged once.</summary>
    private readonly ConcurrentDictionary<string, string> _notes = new(StringComparer.Ordinal);

    public GluetunClient(HttpClient http, GluetunConnection connection, TimeSpan requestTimeout, ILogger logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(connection);
        _http = http;
        _base = ControlBase(connection.BaseUrl);
        _apiKey = string.IsNullOrEmpty(connection.ApiKey) ? null : connection.ApiKey;
        _apiKeySetting = connection.Simulated ? "Homelab:Simulator:GluetunApiKey" : "Homelab:Gluetun:ApiKey";
        _requestTimeout = requestTimeout > TimeSpan.Zero ? requestTimeout : Timeout.InfiniteTimeSpan;
        _logger = logger;
        _timeProvider = timeProvider;
    }

    public void Dispose() => _http.Dispose();

    /// <summary><c>http://gluetun:8000</c> and <c>http://gluetun:8000/</c> are the same; a path prefix (behind a proxy) is kept.</summary>
    internal static Uri ControlBase(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return new Uri(baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
    }

    public async Task<SourceResult<VpnStatus>> GetStatusAsync(CancellationToken cancellationToken)
    {
        // The address and port are read beside the status; if the status fails they are abandoned.
        using var others = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stateTask = ReadStateAsync(cancellationToken);
        var addressTask = ReadPublicAddressAsync(others.Token);
        var portTask = ReadForwardedPortAsync(others.Token);
        try
        {
            var state = await stateTask;
            if (!state.IsSuccess)
            {
                await others.CancelAsync();
                return state.Error;
            }

            var address = await addressTask;
            var port = await portTask;
            NotePart(AddressPart, address.Problem);
            NotePart(PortPart, port.Problem);
            var exit = address.Value ?? PublicAddress.Unknown;
            return SourceResult<VpnStatus>.Ok(new VpnStatus
            {
                State = state.Value,
                PublicIp = exit.Ip,
                Country = exit.Country,
                Region = exit.Region,
                City = exit.City,
                Organization = exit.Organization,
                ForwardedPort = port.Value,
                UpdatedAt = _timeProvider.GetUtcNow(),
            });
        }
        finally
        {
            // Never leave a request running past this call: its cancellation source is about to go.
            await Task.WhenAll(addressTask, portTask).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary><c>/v1/vpn/status</c>, or on releases without it the OpenVPN-only <c>/v1/openvpn/status</c>.</summary>
    private async Task<SourceResult<VpnState>> ReadStateAsync(CancellationToken cancellationToken)
    {
        var route = GluetunWire.StatusRoute;
        var answer = await GetAsync(route, [route], cancellationToken);
        if (answer.TryGetValue(out var current) && current.IsMissingRoute)
        {
            route = GluetunWire.LegacyStatusRoute;
            answer = await GetAsync(route, [GluetunWire.StatusRoute, route], cancellationToken);
            if (answer.TryGetValue(out var legacy) && legacy.IsMissingRoute)
            {
                return Failed(route, new SourceError(
                    SourceErrorKind.NotFound,
                    $"the server has neither GET {GluetunWire.StatusRoute} nor GET {GluetunWire.LegacyStatusRoute}: is {_base} gluetun's control server (port 8000)?",
                    legacy.Status));
            }
        }

        var state = Parse(route, answer, GluetunWire.ReadState);
        NoteRoute(GluetunWire.StatusRoute, GluetunWire.LegacyStatusRoute, answered: current is not null && !current.IsMissingRoute, legacyAnswered: route == GluetunWire.LegacyStatusRoute && state.IsSuccess);
        return state;
    }

    private async Task<Part<PublicAddress>> ReadPublicAddressAsync(CancellationToken cancellationToken)
    {
        const string Route = GluetunWire.PublicIpRoute;
        var answer = await GetAsync(Route, [Route], cancellationToken);
        if (answer.TryGetValue(out var reply) && reply.IsMissingRoute)
        {
            return new Part<PublicAddress>(null, new SourceError(SourceErrorKind.NotFound, $"the server has no GET {Route}", reply.Status));
        }

        var address = Parse(Route, answer, GluetunWire.ReadPublicAddress);
        return address.IsSuccess ? new Part<PublicAddress>(address.Value, null) : new Part<PublicAddress>(null, address.Error);
    }

    /// <summary><c>/v1/portforward</c>, or on releases without it <c>/v1/openvpn/portforwarded</c>.</summary>
    private async Task<Part<int?>> ReadForwardedPortAsync(CancellationToken cancellationToken)
    {
        var route = GluetunWire.PortForwardRoute;
        var answer = await GetAsync(route, [route], cancellationToken);
        if (answer.TryGetValue(out var current) && current.IsMissingRoute)
        {
            route = GluetunWire.LegacyPortForwardRoute;
            answer = await GetAsync(route, [GluetunWire.PortForwardRoute, route], cancellationToken);
            if (answer.TryGetValue(out var legacy) && (legacy.IsMissingRoute || legacy.IsRedirect))
            {
                // A redirect left here points back at /v1/portforward (or off the server): nothing more to ask.
                var why = legacy.IsRedirect
                    ? $"GET {GluetunWire.PortForwardRoute} is missing and GET {route} redirects to {legacy.Location?.ToString() ?? "nowhere"}"
                    : $"the server has neither GET {GluetunWire.PortForwardRoute} nor GET {route}";
                return new Part<int?>(null, new SourceError(SourceErrorKind.NotFound, why, legacy.Status));
            }
        }

        var port = Parse(route, answer, GluetunWire.ReadPort);
        NoteRoute(GluetunWire.PortForwardRoute, GluetunWire.LegacyPortForwardRoute, answered: current is not null && !current.IsMissingRoute, legacyAnswered: route == GluetunWire.LegacyPortForwardRoute && port.IsSuccess);
        return port.IsSuccess ? new Part<int?>(port.Value, null) : new Part<int?>(null, port.Error);
    }

    /// <summary>
    /// One GET with its own deadline. Follows at most one redirect, and only to a route on the same control server
    /// that is not in <paramref name="asked"/>; any other redirect is returned as it came.
    /// </summary>
    private async Task<SourceResult<Reply>> GetAsync(string route, IReadOnlyCollection<string> asked, CancellationToken cancellationToken)
    {
        var reply = await SendAsync(route, cancellationToken);
        if (reply.TryGetValue(out var first) && first.IsRedirect && RouteOf(first.Location) is { } next && !asked.Contains(next, StringComparer.Ordinal))
        {
            return await SendAsync(next, cancellationToken);
        }

        return reply;
    }

    private async Task<SourceResult<Reply>> SendAsync(string route, CancellationToken cancellationToken)
    {
        using var deadline = new RequestDeadline(_requestTimeout, _timeProvider, cancellationToken);
        var uri = new Uri(_base, route.TrimStart('/'));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.ParseAdd("application/json");
            if (_apiKey is not null)
            {
                request.Headers.TryAddWithoutValidation(ApiKeyHeader, _apiKey);
            }

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var body = await BoundedContent.ReadStringAsync(response.Content, deadline.Token, MaxBodyBytes);
            if (body is null)
            {
                return Failed(route, UpstreamFailures.InvalidResponse($"the answer to GET {route} is larger than {MaxBodyBytes / 1024} KiB: is this gluetun's control server?"));
            }

            var status = (int)response.StatusCode;
            var location = response.Headers.Location is { } target ? new Uri(uri, target) : null;
            var basic = response.Headers.WwwAuthenticate.Any(h => string.Equals(h.Scheme, "Basic", StringComparison.OrdinalIgnoreCase));
            return SourceResult<Reply>.Ok(new Reply(status, body, location, basic));
        }
        catch (Exception ex) when (IsTransportFailure(ex) && UpstreamFailures.FromException(ex, cancellationToken) is { } error)
        {
            return Failed(route, error.Kind == SourceErrorKind.Timeout ? error with { Message = $"no answer to GET {route} within {_requestTimeout.TotalSeconds:0.#} s" } : error);
        }
    }

    /// <summary>Maps a reply: a JSON object is read, anything else becomes the matching error.</summary>
    private SourceResult<T> Parse<T>(string route, SourceResult<Reply> answer, Func<JsonElement, T> read)
    {
        if (!answer.TryGetValue(out var reply))
        {
            return SourceResult<T>.Fail(answer.Error!);
        }

        if (reply.Status == 401)
        {
            return Failed(route, GluetunFailures.Unauthorized(route, _apiKey is not null, _apiKeySetting, reply.BasicChallenge));
        }

        if (reply.IsRedirect)
        {
            return Failed(route, GluetunFailures.Redirected(route, reply.Status, reply.Location));
        }

        if (reply.Status is < 200 or > 299)
        {
            return Failed(route, GluetunFailures.FromStatus(route, reply.Status, reply.Body));
        }

        try
        {
            using var document = JsonDocument.Parse(reply.Body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return SourceResult<T>.Ok(read(document.RootElement));
            }
        }
        catch (JsonException)
        {
        }

        return Failed(route, GluetunFailures.NotJson(route, reply.Body));
    }

    /// <summary>The route a same-server redirect points to, or null for anything that leaves the control server.</summary>
    private string? RouteOf(Uri? target)
    {
        if (target is null
            || !string.Equals(target.Scheme, _base.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(target.Host, _base.Host, StringComparison.OrdinalIgnoreCase)
            || target.Port != _base.Port
            || !target.AbsolutePath.StartsWith(_base.AbsolutePath, StringComparison.Ordinal))
        {
            return null;
        }

        return "/" + target.AbsolutePath[_base.AbsolutePath.Length..] + target.Query;
    }

    private SourceError Failed(string route, SourceError error)
    {
        // Belt and braces: gluetun never echoes the key, but a proxy's error page might echo request headers.
        if (_apiKey is { Length: >= 4 } key && error.Message.Contains(key, StringComparison.Ordinal))
        {
            error = error with { Message = error.Message.Replace(key, "***", StringComparison.Ordinal) };
        }

        var level = error.Kind is SourceErrorKind.InvalidResponse ? LogLevel.Warning : LogLevel.Debug;
        GluetunLog.RequestFailed(_logger, level, route, error.Kind, error.StatusCode, error.Message);
        return error;
    }

    /// <summary>Logs a part's problem when it differs from the last one logged, and its recovery.</summary>
    private void NotePart(string part, SourceError? problem)
    {
        if (problem is null)
        {
            if (_notes.TryRemove(part, out _))
            {
                GluetunLog.PartRecovered(_logger, part);
            }

            return;
        }

        var note = problem.ToString();
        if (_notes.TryGetValue(part, out var previous) && previous == note)
        {
            return;
        }

        _notes[part] = note;
        var level = problem.Kind switch
        {
            // Something to fix on the gluetun side (a role without this route, a proxy in between).
            SourceErrorKind.Unauthorized or SourceErrorKind.Forbidden or SourceErrorKind.InvalidResponse => LogLevel.Warning,
            SourceErrorKind.NotFound => LogLevel.Information,
            _ => LogLevel.Debug,
        };
        GluetunLog.PartMissing(_logger, level, part, problem.Message);
    }

    /// <summary>Logs when the legacy route comes into use, and when the current route answers again (gluetun was upgraded).</summary>
    /// <param name="answered">The current route exists (it answered with something other than "no such route").</param>
    /// <param name="legacyAnswered">The legacy route was read instead, successfully.</param>
    private void NoteRoute(string route, string legacyRoute, bool answered, bool legacyAnswered)
    {
        var key = "legacy " + route;
        if (legacyAnswered && _notes.TryAdd(key, legacyRoute))
        {
            GluetunLog.UsingLegacyRoute(_logger, route, legacyRoute);
        }
        else if (answered && _notes.TryRemove(key, out _))
        {
            GluetunLog.LegacyRouteDropped(_logger, route, legacyRoute);
        }
    }

    private static bool IsTransportFailure(Exception exception) =>
        exception is HttpRequestException or IOException or OperationCanceledException or TimeoutException or SocketException;

    /// <summary>One answer, read in full (they are small).</summary>
    private sealed record Reply(int Status, string Body, Uri? Location, bool BasicChallenge)
    {
        public bool IsRedirect => Status is >= 300 and <= 399;

        public bool IsMissingRoute => GluetunFailures.IsMissingRoute(Status, Body);
    }

    /// <summary>A part of the status that may be missing: its value, or why it is not there.</summary>
    private readonly record struct Part<T>(T? Value, SourceError? Problem);
}
