using System.Globalization;
using System.Text.Json;
using Homelab.Dashboard.Adapters.Http;
using Homelab.Dashboard.Configuration;
using Homelab.Domain.Common;
using Homelab.Domain.Downloads;
using Homelab.Domain.Ports;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Adapters.QBittorrent;

/// <summary>
/// qBittorrent's WebUI API v2 (4.5 to 5.2) as an <see cref="ITorrentSource"/>: the session, the version-dependent
/// verbs, <c>sync/maindata</c> and torrent commands.
/// </summary>
/// <remarks>
/// Thread-safe and long-lived: one per qBittorrent, owning its <see cref="HttpClient"/>. It owns the session too
/// (see <c>QBittorrentClient.Session.cs</c>): it logs in when it has none, logs in once more when a session expires,
/// and after a refused login answers every call with that refusal, without asking qBittorrent, for
/// <see cref="BackoffPolicy.AuthenticationFailureDelay"/>. Never throws for upstream problems.
/// </remarks>
internal sealed partial class QBittorrentClient : ITorrentSource, IDisposable
{
    private readonly HttpClient _http;
    private readonly QBittorrentSessionHandler _sessionHandler;
    private readonly Uri _baseUrl;
    private readonly string? _username;
    private readonly string? _password;
    private readonly string? _apiKey;
    private readonly TimeSpan _requestTimeout;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    /// <summary>The session the last maindata answer belongs to: rids only mean something within one session.</summary>
    private long _mainDataGeneration = -1;

    /// <summary>The versions, read once per session.</summary>
    private volatile KnownInfo? _info;

    /// <param name="http">Its base address is the API root (<c>…/api/v2/</c>); its own timeout should be infinite.</param>
    /// <param name="sessionHandler">The handler in <paramref name="http"/>'s chain that keeps the session cookie.</param>
    public QBittorrentClient(HttpClient http, QBittorrentSessionHandler sessionHandler, QBittorrentConnection connection, TimeSpan requestTimeout, ILogger logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(sessionHandler);
        ArgumentNullException.ThrowIfNull(connection);
        _http = http;
        _sessionHandler = sessionHandler;
        _baseUrl = connection.BaseUrl;
        _apiKey = string.IsNullOrWhiteSpace(connection.ApiKey) ? null : connection.ApiKey.Trim();
        _username = _apiKey is null && !string.IsNullOrEmpty(connection.Username) ? connection.Username : null;
        _password = _username is null ? null : connection.Password ?? "";
        _requestTimeout = requestTimeout > TimeSpan.Zero ? requestTimeout : TimeSpan.FromSeconds(10);
        _logger = logger;
        _timeProvider = timeProvider;
    }

    public void Dispose()
    {
        _http.Dispose();
        _login.Dispose();
    }

    public async Task<SourceResult<TorrentClientInfo>> GetClientInfoAsync(CancellationToken cancellationToken)
    {
        var session = await EnsureSessionAsync(cancellationToken);
        if (!session.IsSuccess)
        {
            return session.Error;
        }

        if (_info is { } known && known.Generation == session.Value.Generation)
        {
            return SourceResult<TorrentClientInfo>.Ok(known.Info);
        }

        var version = await CallAsync(HttpMethod.Get, _ => "app/version", form: null, cancellationToken);
        if (!version.IsSuccess)
        {
            return version.Error;
        }

        var api = await CallAsync(HttpMethod.Get, _ => "app/webapiVersion", form: null, cancellationToken);
        if (!api.IsSuccess)
        {
            return api.Error;
        }

        if (QBittorrentWire.VersionText(api.Value.Body) is not { } webApiVersion)
        {
            return Failed(HttpMethod.Get, "app/webapiVersion", UpstreamFailures.InvalidResponse($"expected a Web API version such as 2.11.2 from app/webapiVersion but got {Describe(api.Value)}: is this qBittorrent?"));
        }

        // The application version is only shown; an odd one (a fork, a build suffix) is kept as qBittorrent said it.
        var versionText = version.Value.Body?.Trim() is { Length: > 0 and <= 40 } text ? text : "unknown";
        var info = new TorrentClientInfo(versionText, webApiVersion);
        _info = new KnownInfo(api.Value.Generation, info);
        QBittorrentLog.VersionDetected(_logger, _baseUrl, info.Version, info.WebApiVersion, Verb(TorrentCommand.Pause, info), Verb(TorrentCommand.Resume, info));
        return SourceResult<TorrentClientInfo>.Ok(info);
    }

    public async Task<SourceResult<MainDataUpdate>> GetMainDataAsync(long rid, CancellationToken cancellationToken)
    {
        long asked = 0;
        var answer = await CallAsync(
            HttpMethod.Get,
            generation =>
            {
                // A rid belongs to the session that produced it; in a new session only 0 makes sense.
                asked = generation == Interlocked.Read(ref _mainDataGeneration) ? Math.Max(rid, 0) : 0;
                return string.Create(CultureInfo.InvariantCulture, $"sync/maindata?rid={asked}");
            },
            form: null,
            cancellationToken);
        if (!answer.IsSuccess)
        {
            return answer.Error;
        }

        var parsed = ParseJson<MainDataUpdate>(answer.Value, "sync/maindata", "a maindata object with a rid", QBittorrentWire.TryParseMainData);
        if (!parsed.IsSuccess)
        {
            return parsed.Error;
        }

        Interlocked.Exchange(ref _mainDataGeneration, answer.Value.Generation);
        if (parsed.Value.FullUpdate && asked > 0)
        {
            // qBittorrent forgot our rid without a new session: it restarted (the versions may have changed with it).
            _info = null;
        }

        return parsed;
    }

    public async Task<SourceResult<EquatableArray<Torrent>>> GetTorrentsAsync(IReadOnlyCollection<string>? hashes, CancellationToken cancellationToken)
    {
        var path = hashes is { Count: > 0 } ? "torrents/info?hashes=" + Uri.EscapeDataString(string.Join('|', hashes)) : "torrents/info";
        var answer = await CallAsync(HttpMethod.Get, _ => path, form: null, cancellationToken);
        if (!answer.IsSuccess)
        {
            return answer.Error;
        }

        return ParseJson<EquatableArray<Torrent>>(answer.Value, "torrents/info", "a list of torrents", QBittorrentWire.TryParseTorrents);
    }

    public async Task<SourceResult<bool>> SendCommandAsync(TorrentCommand command, IReadOnlyCollection<string> hashes, bool deleteFiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hashes);

        // pause/resume or stop/start depends on the version qBittorrent reports; it is never guessed.
        var info = await GetClientInfoAsync(cancellationToken);
        if (!info.IsSuccess)
        {
            return info.Error;
        }

        var path = Verb(command, info.Value);
        var form = new List<KeyValuePair<string, string>> { new("hashes", hashes.Count == 0 ? "all" : string.Join('|', hashes)) };
        if (command == TorrentCommand.Delete)
        {
            form.Add(new("deleteFiles", deleteFiles ? "true" : "false"));
        }

        var answer = await CallAsync(HttpMethod.Post, _ => path, form, cancellationToken);
        if (!answer.IsSuccess)
        {
            if (answer.Error.Kind == SourceErrorKind.NotFound && command is TorrentCommand.Pause or TorrentCommand.Resume)
            {
                // Upgraded or downgraded behind our back: read the version again before the next command.
                _info = null;
                QBittorrentLog.VerbMissing(_logger, _baseUrl, path);
            }

            return answer.Error;
        }

        return SourceResult<bool>.Ok(true);
    }

    /// <summary>The API path for a command in this version: 5.x (Web API 2.11+) says stop/start where 4.x said pause/resume.</summary>
    internal static string Verb(TorrentCommand command, TorrentClientInfo info) => command switch
    {
        TorrentCommand.Pause => info.UsesStopStart ? "torrents/stop" : "torrents/pause",
        TorrentCommand.Resume => info.UsesStopStart ? "torrents/start" : "torrents/resume",
        TorrentCommand.Recheck => "torrents/recheck",
        TorrentCommand.Delete => "torrents/delete",
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown torrent command."),
    };

    private SourceResult<T> ParseJson<T>(Answer answer, string path, string expected, QBittorrentWire.Reader<T> read)
    {
        if (answer.Body is null)
        {
            return Failed(HttpMethod.Get, path, UpstreamFailures.InvalidResponse($"the answer to {path} is larger than {BoundedContent.DefaultMaxBytes / (1024 * 1024)} MiB"));
        }

        try
        {
            using var document = JsonDocument.Parse(answer.Body);
            if (read(document.RootElement, out var value))
            {
                return SourceResult<T>.Ok(value);
            }
        }
        catch (JsonException)
        {
        }

        return Failed(HttpMethod.Get, path, UpstreamFailures.InvalidResponse($"expected {expected} from {path} but got {Describe(answer)}: is this qBittorrent's WebUI?"));
    }

    /// <summary>The versions as read in one session.</summary>
    private sealed record KnownInfo(long Generation, TorrentClientInfo Info);
}
