using System.Net;
using Homelab.Dashboard.Adapters.QBittorrent;
using Homelab.Dashboard.Configuration;
using Homelab.Tests.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Homelab.Tests.Dashboard.Adapters.QBittorrent;

/// <summary>
/// A <see cref="QBittorrentClient"/> over <see cref="TestHttpMessageHandler"/> (below the real session handler), with a
/// scripted qBittorrent: a login answer, the two version texts, and whatever else a test routes.
/// </summary>
internal sealed class QBittorrentTestClient
{
    public const string Username = "admin";

    public const string Password = "s3cret-Pa55word";

    public const string ApiKey = "qbt_0123456789abcdefghijklmnopqrstuv";

    public static readonly Uri BaseUrl = new("http://gluetun:8080");

    private readonly Dictionary<string, Func<HttpRequestMessage, HttpResponseMessage>> _routes = new(StringComparer.Ordinal);

    public QBittorrentTestClient(string? username = Username, string? password = Password, string? apiKey = null, TimeProvider? timeProvider = null, ILogger? logger = null, TimeSpan? requestTimeout = null)
    {
        Handler = new TestHttpMessageHandler((request, cancellationToken) => AnswerAsync(request, cancellationToken));
        Session = new QBittorrentSessionHandler(Handler);
        Http = new HttpClient(Session) { BaseAddress = QBittorrentAdapterFactory.ApiBase(BaseUrl), Timeout = Timeout.InfiniteTimeSpan };
        var connection = new QBittorrentConnection(BaseUrl, username, password, apiKey, Simulated: false);
        Client = new QBittorrentClient(Http, Session, connection, requestTimeout ?? TimeSpan.FromSeconds(10), logger ?? NullLogger.Instance, timeProvider ?? TimeProvider.System);
    }

    public QBittorrentClient Client { get; }

    public TestHttpMessageHandler Handler { get; }

    /// <summary>The client's <see cref="HttpClient"/> (owned by <see cref="Client"/>).</summary>
    public HttpClient Http { get; }

    public QBittorrentSessionHandler Session { get; }

    /// <summary>What <c>auth/login</c> answers; a 4.x success with an <c>SID</c> cookie by default.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage> Login { get; set; } = _ => LoginOk();

    public string Version { get; set; } = "v4.5.2";

    public string WebApiVersion { get; set; } = "2.8.19";

    /// <summary>Delays or fails every answer, e.g. for timeouts; runs before routing.</summary>
    public Func<HttpRequestMessage, CancellationToken, Task>? Before { get; set; }

    /// <summary>Answers <paramref name="path"/> (relative to <c>/api/v2/</c>, without the query).</summary>
    public QBittorrentTestClient Route(string path, Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        _routes[path] = answer;
        return this;
    }

    public QBittorrentTestClient Route(string path, string json) => Route(path, _ => TestHttpMessageHandler.Json(json));

    /// <summary>The requests to one path (without the query), in order.</summary>
    public List<RecordedRequest> RequestsTo(string path) => [.. Requests.Where(r => PathOf(r.Uri) == path)];

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (Handler.Requests)
            {
                return [.. Handler.Requests];
            }
        }
    }

    public static HttpResponseMessage LoginOk(string cookieName = "SID", string sessionId = "sid-1")
    {
        var response = TestHttpMessageHandler.Text("Ok.");
        response.Headers.Add("Set-Cookie", $"{cookieName}={sessionId}; HttpOnly; path=/; SameSite=Strict");
        return response;
    }

    /// <summary>5.2's login success: 204, no body, the cookie named after the port.</summary>
    public static HttpResponseMessage LoginNoContent(string sessionId = "sid-52")
    {
        var response = new HttpResponseMessage(HttpStatusCode.NoContent);
        response.Headers.Add("Set-Cookie", $"QBT_SID_8080={sessionId}; HttpOnly; path=/; SameSite=Lax");
        return response;
    }

    public static HttpResponseMessage Forbidden() => TestHttpMessageHandler.Text("Forbidden", HttpStatusCode.Forbidden);

    public static string PathOf(Uri uri) => uri.AbsolutePath.StartsWith("/api/v2/", StringComparison.Ordinal) ? uri.AbsolutePath["/api/v2/".Length..] : uri.AbsolutePath;

    private async Task<HttpResponseMessage> AnswerAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Before is not null)
        {
            await Before(request, cancellationToken);
        }

        var path = PathOf(request.RequestUri!);
        if (_routes.TryGetValue(path, out var route))
        {
            return route(request);
        }

        return path switch
        {
            "auth/login" => Login(request),
            "app/version" => TestHttpMessageHandler.Text(Version),
            "app/webapiVersion" => TestHttpMessageHandler.Text(WebApiVersion),
            _ => TestHttpMessageHandler.Text("Not Found", HttpStatusCode.NotFound),
        };
    }
}
