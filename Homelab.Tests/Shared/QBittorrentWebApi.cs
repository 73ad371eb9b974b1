using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Homelab.Tests.Shared;

/// <summary>
/// The test's own view of a real qBittorrent, straight over its WebUI API and independent of the dashboard's adapter:
/// it sets the stage (torrents, peers) and checks what really happened.
/// </summary>
public sealed class QBittorrentWebApi : IDisposable
{
    private readonly HttpClient _http;

    public QBittorrentWebApi(Uri webUi)
    {
        ArgumentNullException.ThrowIfNull(webUi);

        // No Referer or Origin is ever sent, so qBittorrent's CSRF check has nothing to object to.
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), UseProxy = false })
        {
            BaseAddress = new Uri(webUi, "api/v2/"),
            Timeout = TimeSpan.FromSeconds(10),
        };
    }

    /// <summary><c>auth/login</c>; returns qBittorrent's answer (<c>Ok.</c> or <c>Fails.</c> in 4.x–5.1).</summary>
    public async Task<string> LoginAsync(string username, string password, CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsync("auth/login", Form(("username", username), ("password", password)), cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>Any answer at all, even 403, means the WebUI is up.</summary>
    public async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync("app/version", cancellationToken);
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public async Task<string> GetStringAsync(string path, CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        await EnsureSuccessAsync(response, $"GET {path}", cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public async Task PostAsync(string path, params (string Name, string Value)[] fields) => await PostAsync(path, Form(fields), CancellationToken.None);

    /// <summary><c>torrents/info</c> for one hash: null once qBittorrent no longer has it.</summary>
    public async Task<QBittorrentTorrentInfo?> GetTorrentAsync(string hash, CancellationToken cancellationToken = default)
    {
        var json = await GetStringAsync($"torrents/info?hashes={hash}", cancellationToken);
        return JsonSerializer.Deserialize<QBittorrentTorrentInfo[]>(json)?.SingleOrDefault();
    }

    /// <summary>Adds a .torrent, to download into <paramref name="savePath"/> or, with the file already there, to seed it.</summary>
    /// <param name="downloadLimit">This torrent's own rate limit in bytes/s, so a transfer takes long enough to watch.</param>
    /// <param name="skipChecking">Trust that the file under <paramref name="savePath"/> is complete, and seed it at once.</param>
    public async Task AddTorrentAsync(TestTorrent torrent, string savePath, long? downloadLimit = null, bool skipChecking = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(torrent);
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(torrent.TorrentFile), "torrents", torrent.Name + ".torrent" },
            { new StringContent(savePath), "savepath" },
            { new StringContent("false"), "paused" },
            { new StringContent("Original"), "contentLayout" },
            { new StringContent(skipChecking ? "true" : "false"), "skip_checking" },
        };
        if (downloadLimit is { } limit)
        {
            content.Add(new StringContent(limit.ToString(CultureInfo.InvariantCulture)), "dlLimit");
        }

        await PostAsync("torrents/add", content, cancellationToken);
    }

    /// <summary><c>torrents/addPeers</c>: no tracker, no DHT; this is how the downloader learns where the seeder is.</summary>
    public Task AddPeerAsync(string hash, string peer) => PostAsync("torrents/addPeers", ("hashes", hash), ("peers", peer));

    /// <summary>qBittorrent's own log (<c>log/main</c>), the lines its log file gets, as they happen.</summary>
    public async Task<IReadOnlyList<string>> ReadLogAsync(CancellationToken cancellationToken = default)
    {
        var entries = await _http.GetFromJsonAsync<LogEntry[]>("log/main?normal=true&info=true&warning=true&critical=true&last_known_id=-1", cancellationToken);
        return [.. (entries ?? []).Select(e => e.Message)];
    }

    public void Dispose() => _http.Dispose();

    private async Task PostAsync(string path, HttpContent content, CancellationToken cancellationToken)
    {
        using (content)
        {
            using var response = await _http.PostAsync(path, content, cancellationToken);
            await EnsureSuccessAsync(response, $"POST {path}", cancellationToken);
        }
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"qBittorrent answered {what} with HTTP {(int)response.StatusCode}: {body}");
        }
    }

    private sealed record LogEntry([property: JsonPropertyName("message")] string Message);
}

/// <summary>The fields of a <c>torrents/info</c> entry the tests look at.</summary>
public sealed record QBittorrentTorrentInfo(
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("progress")] double Progress,
    [property: JsonPropertyName("amount_left")] long AmountLeft,
    [property: JsonPropertyName("dlspeed")] long DownloadSpeed,
    [property: JsonPropertyName("save_path")] string SavePath,
    [property: JsonPropertyName("content_path")] string ContentPath)
{
    /// <summary>4.x says paused, 5.x says stopped.</summary>
    public bool IsPaused => State is "pausedDL" or "pausedUP" or "stoppedDL" or "stoppedUP";

    /// <summary>Complete and offering it to others (or ready to).</summary>
    public bool IsSeeding => Progress >= 1 && State is "uploading" or "stalledUP" or "forcedUP" or "queuedUP";
}
