using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Simulator.State;

namespace Homelab.Dashboard.Simulator.QBittorrent;

/// <summary>
/// The WebUI's sessions as qBittorrent keeps them: a cookie session from <c>auth/login</c> (idle for an hour and it is
/// gone, and a restart of the container ends them all), the Bearer API key on 5.2, and the ban: five failed logins from
/// an address and it is refused for an hour.
/// </summary>
internal sealed class QBittorrentSimAuth(SimulatedHomelab homelab, SimulatorOptions options, QBittorrentSimVersion version)
{
    public const int MaxFailures = 5;

    public const string BannedMessage = "Your IP address has been banned after too many failed authentication attempts.";

    public static readonly TimeSpan BanDuration = TimeSpan.FromHours(1);

    public static readonly TimeSpan SessionTimeout = TimeSpan.FromHours(1);

    private const string ApiKeySessionId = "api-key";

    private readonly ConcurrentDictionary<string, QBittorrentSimSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<IPAddress, FailedLogins> _failures = new();

    /// <summary>Whether the request uses the Bearer scheme (then the CSRF check is skipped and auth/* is refused, as on 5.2).</summary>
    public bool UsesApiKey(HttpRequest request) =>
        version.ModernAuth && request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>The request's live session, if any: the API key's, or the one its cookie names.</summary>
    public QBittorrentSimSession? Find(HttpContext context)
    {
        var now = homelab.Now;
        var boot = homelab.QBittorrentStartedAt;
        if (UsesApiKey(context.Request))
        {
            var key = context.Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
            if (string.IsNullOrEmpty(options.QBittorrentApiKey) || !SecretEquals(key, options.QBittorrentApiKey))
            {
                return null;
            }

            var keySession = _sessions.AddOrUpdate(
                ApiKeySessionId,
                _ => new QBittorrentSimSession(ApiKeySessionId, boot, now),
                (_, existing) => existing.Boot == boot ? existing : new QBittorrentSimSession(ApiKeySessionId, boot, now));
            keySession.LastSeen = now;
            return keySession;
        }

        var id = context.Request.Cookies[version.CookieName(context.Connection.LocalPort)];
        if (string.IsNullOrEmpty(id) || id == ApiKeySessionId || !_sessions.TryGetValue(id, out var session))
        {
            return null;
        }

        if (session.Boot != boot || now - session.LastSeen > SessionTimeout)
        {
            _sessions.TryRemove(id, out _);
            return null;
        }

        session.LastSeen = now;
        return session;
    }

    /// <summary><c>POST auth/login</c>: by version, <c>Ok.</c>/<c>Fails.</c> (200) or 204/401; 403 while the address is banned.</summary>
    public async Task LoginAsync(HttpContext context, QBittorrentSimSession? current)
    {
        var now = homelab.Now;
        var address = context.Connection.RemoteIpAddress ?? IPAddress.Loopback;
        if (_failures.TryGetValue(address, out var failed) && failed.BannedUntil is { } until)
        {
            if (now < until)
            {
                await QBittorrentSimulatorApi.TextAsync(context, StatusCodes.Status403Forbidden, BannedMessage);
                return;
            }

            _failures.TryRemove(address, out _);
        }

        if (current is not null)
        {
            await SucceededAsync(context);
            return;
        }

        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        var username = form?["username"].ToString() ?? "";
        var password = form?["password"].ToString() ?? "";
        if (SecretEquals(username, options.QBittorrentUsername) && SecretEquals(password, options.QBittorrentPassword))
        {
            _failures.TryRemove(address, out _);
            var session = new QBittorrentSimSession(NewSessionId(), homelab.QBittorrentStartedAt, now);
            _sessions[session.Id] = session;
            PruneExpired(now);
            context.Response.Headers.Append("Set-Cookie", Cookie(context, session.Id, now + SessionTimeout));
            await SucceededAsync(context);
            return;
        }

        var count = _failures.AddOrUpdate(address, _ => new FailedLogins(1, null), (_, f) => f with { Count = f.Count + 1 });
        if (count.Count >= MaxFailures)
        {
            _failures[address] = count with { BannedUntil = now + BanDuration };
        }

        if (version.ModernAuth)
        {
            await QBittorrentSimulatorApi.TextAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized");
        }
        else
        {
            await QBittorrentSimulatorApi.TextAsync(context, StatusCodes.Status200OK, "Fails.");
        }
    }

    /// <summary><c>POST auth/logout</c>: the session ends and its cookie is expired.</summary>
    public Task LogoutAsync(HttpContext context, QBittorrentSimSession session)
    {
        _sessions.TryRemove(session.Id, out _);
        context.Response.Headers.Append("Set-Cookie", Cookie(context, "", homelab.Now - TimeSpan.FromDays(1)));
        return QBittorrentSimulatorApi.EmptyAsync(context, version);
    }

    private Task SucceededAsync(HttpContext context) =>
        version.ModernAuth ? QBittorrentSimulatorApi.EmptyAsync(context, version) : QBittorrentSimulatorApi.TextAsync(context, StatusCodes.Status200OK, "Ok.");

    private string Cookie(HttpContext context, string value, DateTimeOffset expires)
    {
        var name = version.CookieName(context.Connection.LocalPort);
        var sameSite = version.StopStart ? "Lax" : "Strict";
        var expiry = version.ModernAuth || value.Length == 0 ? $"; expires={expires.UtcDateTime.ToString("ddd, dd-MMM-yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture)}" : "";
        return $"{name}={value}{expiry}; HttpOnly; path=/; SameSite={sameSite}";
    }

    private void PruneExpired(DateTimeOffset now)
    {
        foreach (var (id, session) in _sessions)
        {
            if (now - session.LastSeen > SessionTimeout)
            {
                _sessions.TryRemove(id, out _);
            }
        }
    }

    /// <summary>Like qBittorrent's: 24 random bytes in base64 (no padding at that length).</summary>
    private static string NewSessionId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    private static bool SecretEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private sealed record FailedLogins(int Count, DateTimeOffset? BannedUntil);
}

/// <summary>One WebUI session: when it was last used, and what its <c>sync/maindata</c> was last sent.</summary>
internal sealed class QBittorrentSimSession(string id, DateTimeOffset? boot, DateTimeOffset now)
{
    private long _lastSeenTicks = now.UtcTicks;

    public string Id { get; } = id;

    /// <summary>The qbittorrent container start this session belongs to; a restart ends it.</summary>
    public DateTimeOffset? Boot { get; } = boot;

    /// <summary>Updated by every request of the session, possibly at once.</summary>
    public DateTimeOffset LastSeen
    {
        get => new(Interlocked.Read(ref _lastSeenTicks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _lastSeenTicks, value.UtcTicks);
    }

    /// <summary>Serialises this session's maindata reads: a diff is against exactly one earlier answer.</summary>
    public Lock Gate { get; } = new();

    /// <summary>The rid of the last maindata answer (0 before the first).</summary>
    public int Rid { get; set; }

    public Dictionary<string, SimTorrentView>? SentTorrents { get; set; }

    public SimTransferView? SentServerState { get; set; }

    public HashSet<string>? SentCategories { get; set; }
}
