using System.Text.Json;

namespace Homelab.Tests.Dashboard.Simulator;

/// <summary>
/// A bare WebUI API client for the simulator: it keeps the session cookie itself (to see its name and value as the
/// server set them) and sends exactly the headers a test adds, nothing more.
/// </summary>
internal sealed class QBittorrentWebUi(Uri baseUrl, string cookieName) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        BaseAddress = new Uri(baseUrl, "/api/v2/"),
        Timeout = TimeSpan.FromSeconds(10),
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The session id from the last <c>Set-Cookie</c> for the version's cookie name; null before a login.</summary>
    public string? SessionId { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer …</c> when set (5.2's API key).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The raw <c>Set-Cookie</c> headers of the last answer.</summary>
    public IReadOnlyList<string> LastSetCookies { get; private set; } = [];

    public Task<HttpResponseMessage> LoginAsync(string username, string password) =>
        PostAsync("auth/login", ("username", username), ("password", password));

    public Task<HttpResponseMessage> GetAsync(string path, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Get, path, form: null, configure);

    public Task<HttpResponseMessage> PostAsync(string path, params (string Name, string Value)[] form) =>
        SendAsync(HttpMethod.Post, path, form, configure: null);

    /// <summary>GETs a path, asserts 200, and parses the JSON answer.</summary>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await GetAsync(path);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary><c>torrents/info</c> (with an optional query) keyed by hash.</summary>
    public async Task<Dictionary<string, JsonElement>> TorrentsAsync(string query = "")
    {
        var torrents = await GetJsonAsync("torrents/info" + query);
        return torrents.EnumerateArray().ToDictionary(t => t.GetProperty("hash").GetString()!, StringComparer.Ordinal);
    }

    public async Task<JsonElement> MainDataAsync(long rid) => await GetJsonAsync($"sync/maindata?rid={rid}");

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, (string Name, string Value)[]? form, Action<HttpRequestMessage>? configure)
    {
        using var request = new HttpRequestMessage(method, path);
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        }

        if (SessionId is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", $"{cookieName}={SessionId}");
        }

        if (ApiKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {ApiKey}");
        }

        configure?.Invoke(request);
        var response = await _http.SendAsync(request, Cancel);
        LastSetCookies = response.Headers.TryGetValues("Set-Cookie", out var cookies) ? [.. cookies] : [];
        foreach (var cookie in LastSetCookies)
        {
            var pair = cookie.Split(';', 2)[0].Split('=', 2);
            if (pair[0] == cookieName && pair.Length == 2)
            {
                SessionId = pair[1].Length > 0 ? pair[1] : null;
            }
        }

        return response;
    }

    public void Dispose() => _http.Dispose();
}
