using System.Globalization;
using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Simulator.State;
using Homelab.Domain.Downloads;
using Microsoft.Extensions.Primitives;

namespace Homelab.Dashboard.Simulator.QBittorrent;

/// <summary>
/// The qBittorrent WebUI API v2, served from the simulated homelab as the configured version answers it (4.5/4.6:
/// pause/resume and <c>pausedUP</c>; 5.0/5.1: stop/start and <c>stoppedUP</c>, the old verbs 404; 5.2: also login
/// 204/401, the <c>QBT_SID_&lt;port&gt;</c> cookie and the Bearer API key).
/// </summary>
/// <remarks>
/// Requests go through qBittorrent's own checks in its order: the CSRF check (an <c>Origin</c> or <c>Referer</c> naming
/// another host:port is a 401), the session (none: 403 <c>Forbidden</c>), the method (state changes are POST-only:
/// 405). While the gluetun or qbittorrent container is down, connections are dropped: the WebUI lives in gluetun's
/// network namespace.
/// </remarks>
internal static class QBittorrentSimulatorApi
{
    private const string ApiPrefix = "/api/v2/";

    public static void Map(WebApplication app, SimulatedHomelab homelab, SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(homelab);
        ArgumentNullException.ThrowIfNull(options);
        var version = QBittorrentSimVersion.For(options.QBittorrentVersion);
        var auth = new QBittorrentSimAuth(homelab, options, version);
        var endpoints = Endpoints(homelab, auth, version);
        app.Run(context => HandleAsync(context, homelab, auth, version, endpoints));
    }

    /// <summary>A plain-text answer, as qBittorrent gives for its errors and short results.</summary>
    public static Task TextAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=UTF-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }

    /// <summary>An empty result: 200 with no body up to 5.1, 204 from 5.2.</summary>
    public static Task EmptyAsync(HttpContext context, QBittorrentSimVersion version)
    {
        context.Response.StatusCode = version.EmptyStatus;
        if (version.EmptyStatus == StatusCodes.Status200OK)
        {
            context.Response.ContentType = "text/plain; charset=UTF-8";
            context.Response.ContentLength = 0;
        }

        return Task.CompletedTask;
    }

    private static async Task HandleAsync(HttpContext context, SimulatedHomelab homelab, QBittorrentSimAuth auth, QBittorrentSimVersion version, Dictionary<string, Endpoint> endpoints)
    {
        if (!homelab.QBittorrentUp)
        {
            context.Abort();
            return;
        }

        var headers = context.Response.Headers;
        headers["X-Frame-Options"] = "SAMEORIGIN";
        headers["X-Content-Type-Options"] = "nosniff";
        headers["X-XSS-Protection"] = "1; mode=block";
        headers["Referrer-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; script-src 'self' 'unsafe-inline'; object-src 'none'; form-action 'self'; frame-ancestors 'self';";

        var usesKey = auth.UsesApiKey(context.Request);
        if (!usesKey && IsCrossSite(context.Request))
        {
            await TextAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized");
            return;
        }

        var path = context.Request.Path.Value ?? "/";
        if (!path.StartsWith(ApiPrefix, StringComparison.Ordinal))
        {
            await WebRootAsync(context, path);
            return;
        }

        var endpoint = path[ApiPrefix.Length..];
        if (usesKey && endpoint.StartsWith("auth/", StringComparison.Ordinal))
        {
            await TextAsync(context, StatusCodes.Status403Forbidden, "Forbidden");
            return;
        }

        if (endpoint.Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
        {
            await TextAsync(context, StatusCodes.Status404NotFound, "Not Found");
            return;
        }

        var session = auth.Find(context);
        if (session is null && endpoint != "auth/login")
        {
            await TextAsync(context, StatusCodes.Status403Forbidden, "Forbidden");
            return;
        }

        if (!endpoints.TryGetValue(endpoint, out var handler))
        {
            await TextAsync(context, StatusCodes.Status404NotFound, "Not Found");
            return;
        }

        var method = context.Request.Method;
        var allowed = handler.PostOnly ? HttpMethods.IsPost(method) : HttpMethods.IsGet(method) || HttpMethods.IsPost(method) || HttpMethods.IsHead(method);
        if (!allowed)
        {
            await TextAsync(context, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed");
            return;
        }

        var parameters = HttpMethods.IsPost(method) && context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync(context.RequestAborted)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
            : context.Request.Query.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        await handler.Handle(context, session, parameters);
    }

    /// <summary>
    /// qBittorrent's CSRF check: a request carrying <c>Origin</c> (or else <c>Referer</c>) must name the host:port it
    /// was sent to. Neither header is fine: scripts send neither.
    /// </summary>
    private static bool IsCrossSite(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        var source = origin.Length > 0 ? origin : request.Headers.Referer.ToString();
        if (source.Length == 0)
        {
            return false;
        }

        return !Uri.TryCreate(source, UriKind.Absolute, out var from)
            || !Uri.TryCreate("http://" + request.Host.Value, UriKind.Absolute, out var target)
            || !string.Equals(from.Host, target.Host, StringComparison.OrdinalIgnoreCase)
            || from.Port != target.Port;
    }

    private static Task WebRootAsync(HttpContext context, string path)
    {
        if (path is not ("/" or "/index.html"))
        {
            return TextAsync(context, StatusCodes.Status404NotFound, "Not Found");
        }

        context.Response.ContentType = "text/html";
        return context.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>qBittorrent WebUI</title></head><body><noscript>JavaScript is required.</noscript></body></html>",
            context.RequestAborted);
    }

    private static Dictionary<string, Endpoint> Endpoints(SimulatedHomelab homelab, QBittorrentSimAuth auth, QBittorrentSimVersion version)
    {
        var map = new Dictionary<string, Endpoint>(StringComparer.Ordinal)
        {
            ["auth/login"] = new(PostOnly: true, (context, session, _) => auth.LoginAsync(context, session)),
            ["auth/logout"] = new(PostOnly: true, (context, session, _) => auth.LogoutAsync(context, session!)),
            ["app/version"] = new(PostOnly: false, (context, _, _) => TextAsync(context, StatusCodes.Status200OK, version.Version)),
            ["app/webapiVersion"] = new(PostOnly: false, (context, _, _) => TextAsync(context, StatusCodes.Status200OK, version.WebApiVersion)),
            ["app/preferences"] = new(PostOnly: false, (context, _, _) => JsonAsync(context, QBittorrentSimJson.Preferences(context.Connection.LocalPort))),
            ["transfer/info"] = new(PostOnly: false, (context, _, _) => JsonAsync(context, QBittorrentSimJson.TransferInfo(homelab.ReadTransfer(), version))),
            ["sync/maindata"] = new(PostOnly: false, (context, session, p) =>
                JsonAsync(context, QBittorrentSimSync.MainData(session!, int.TryParse(Value(p, "rid"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var rid) ? rid : 0, homelab, version))),
            ["torrents/info"] = new(PostOnly: false, (context, _, p) => JsonAsync(context, QBittorrentSimJson.Torrents(Filter(homelab.ReadTorrents(), p, version), version))),
            ["torrents/categories"] = new(PostOnly: false, (context, _, _) => JsonAsync(context, QBittorrentSimJson.Categories(SimulatorTorrents.Categories))),
            [$"torrents/{version.PauseVerb}"] = Command(version, "hashes", (hashes, _) => homelab.PauseTorrents(hashes)),
            [$"torrents/{version.ResumeVerb}"] = Command(version, "hashes", (hashes, _) => homelab.ResumeTorrents(hashes)),
            ["torrents/recheck"] = Command(version, "hashes", (hashes, _) => homelab.RecheckTorrents(hashes)),
            ["torrents/delete"] = Command(version, "deleteFiles", (hashes, p) => homelab.DeleteTorrents(hashes, string.Equals(Value(p, "deleteFiles"), "true", StringComparison.OrdinalIgnoreCase))),
        };
        return map;
    }

    /// <summary>A state-changing method: POST-only, <c>hashes</c> (and <paramref name="required"/>) must be given; answers an empty result.</summary>
    private static Endpoint Command(QBittorrentSimVersion version, string required, Action<IReadOnlyCollection<string>?, IReadOnlyDictionary<string, StringValues>> run) =>
        new(PostOnly: true, (context, _, p) =>
        {
            if (Value(p, "hashes") is not { } hashes || Value(p, required) is null)
            {
                return TextAsync(context, StatusCodes.Status400BadRequest, "Bad Request");
            }

            run(Hashes(hashes), p);
            return EmptyAsync(context, version);
        });

    /// <summary><c>torrents/info</c>'s <c>hashes</c>, <c>filter</c> (in the version's words) and <c>category</c>.</summary>
    private static IEnumerable<SimTorrentView> Filter(IReadOnlyList<SimTorrentView> torrents, IReadOnlyDictionary<string, StringValues> p, QBittorrentSimVersion version)
    {
        IEnumerable<SimTorrentView> selected = torrents;
        if (Value(p, "hashes") is { } hashText && Hashes(hashText) is { } hashes)
        {
            var wanted = hashes.ToHashSet(StringComparer.OrdinalIgnoreCase);
            selected = selected.Where(t => wanted.Contains(t.Hash));
        }

        if (Value(p, "category") is { } category)
        {
            selected = selected.Where(t => t.Category == category);
        }

        if (Value(p, "filter") is { Length: > 0 } filter)
        {
            selected = selected.Where(t => MatchesFilter(t, filter, version));
        }

        return selected;
    }

    private static bool MatchesFilter(SimTorrentView view, string filter, QBittorrentSimVersion version)
    {
        var torrent = new Torrent { Hash = view.Hash, State = view.State, DownloadSpeed = view.DownloadSpeed, UploadSpeed = view.UploadSpeed };
        return filter switch
        {
            "downloading" => torrent.Matches(TorrentFilter.Downloading),
            "seeding" => torrent.Matches(TorrentFilter.Seeding),
            "completed" => torrent.Matches(TorrentFilter.Completed),
            "paused" when !version.StopStart => torrent.Matches(TorrentFilter.Stopped),
            "stopped" when version.StopStart => torrent.Matches(TorrentFilter.Stopped),
            "resumed" when !version.StopStart => !torrent.Matches(TorrentFilter.Stopped),
            "running" when version.StopStart => !torrent.Matches(TorrentFilter.Stopped),
            "active" => torrent.Matches(TorrentFilter.Active),
            "inactive" => !torrent.Matches(TorrentFilter.Active),
            "stalled" => torrent.Matches(TorrentFilter.Stalled),
            "stalled_uploading" => view.State == TorrentState.StalledUp,
            "stalled_downloading" => view.State == TorrentState.StalledDown,
            "checking" => torrent.Matches(TorrentFilter.Checking),
            "moving" => view.State == TorrentState.Moving,
            "errored" => torrent.Matches(TorrentFilter.Errored),

            // qBittorrent treats a filter it does not know as "all".
            _ => true,
        };
    }

    /// <summary><c>h1|h2</c>, or null for <c>all</c>.</summary>
    private static string[]? Hashes(string text) =>
        text.Equals("all", StringComparison.OrdinalIgnoreCase) ? null : text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Value(IReadOnlyDictionary<string, StringValues> parameters, string name) =>
        parameters.TryGetValue(name, out var value) && value.Count > 0 ? value.ToString() : null;

    private static Task JsonAsync(HttpContext context, byte[] json)
    {
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = json.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.Body.WriteAsync(json, context.RequestAborted).AsTask();
    }

    private sealed record Endpoint(bool PostOnly, Func<HttpContext, QBittorrentSimSession?, IReadOnlyDictionary<string, StringValues>, Task> Handle);
}
