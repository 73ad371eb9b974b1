using System.Net;
using Homelab.Dashboard.Adapters.Gluetun;
using Homelab.Dashboard.Configuration;
using Homelab.Tests.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Homelab.Tests.Dashboard.Adapters.Gluetun;

/// <summary>
/// A gluetun control server made of canned wire answers, per path, behind <see cref="TestHttpMessageHandler"/>:
/// a current release by default, and any route can be replaced, removed or made to misbehave.
/// </summary>
internal sealed class GluetunTestServer
{
    public const string ApiKey = "vpn-key-7f3a9c21";

    public const string PublicIpJson = """
        {"public_ip":"203.0.113.7","region":"North Holland","country":"Netherlands","city":"Amsterdam","hostname":"nl-ams-wg-001","location":"52.3676,4.9041","organization":"AS39351 31173 Services AB","postal_code":"1012","timezone":"Europe/Amsterdam"}
        """;

    public static readonly Uri BaseUrl = new("http://gluetun:8000");

    /// <summary>What each path answers; a path that is not here answers like gluetun's router, 404.</summary>
    public Dictionary<string, Func<CancellationToken, Task<HttpResponseMessage>>> Routes { get; } = new(StringComparer.Ordinal)
    {
        ["/v1/vpn/status"] = Answer(() => Body("""{"status":"running"}""")),
        ["/v1/publicip/ip"] = Answer(() => Body(PublicIpJson)),
        ["/v1/portforward"] = Answer(() => Body("""{"port":51413}""")),
        ["/v1/openvpn/portforwarded"] = Answer(() => Redirect("/v1/portforward")),
    };

    public TestHttpMessageHandler? Handler { get; private set; }

    /// <summary>The paths asked for, in order.</summary>
    public List<string> Paths => [.. Handler!.Requests.Select(r => r.Uri.AbsolutePath)];

    /// <summary>The adapter over this server.</summary>
    public GluetunClient CreateClient(string? apiKey = ApiKey, TimeSpan? requestTimeout = null, ILogger? logger = null, TimeProvider? time = null, Uri? baseUrl = null, bool simulated = false)
    {
        Handler = new TestHttpMessageHandler((request, cancellationToken) =>
            Routes.TryGetValue(request.RequestUri!.AbsolutePath, out var answer)
                ? answer(cancellationToken)
                : Task.FromResult(Text("404 page not found", HttpStatusCode.NotFound)));
        var http = new HttpClient(Handler) { Timeout = Timeout.InfiniteTimeSpan };
        var connection = new GluetunConnection(baseUrl ?? BaseUrl, apiKey, simulated);
        return new GluetunClient(http, connection, requestTimeout ?? TimeSpan.FromSeconds(10), logger ?? NullLogger.Instance, time ?? TimeProvider.System);
    }

    public static Func<CancellationToken, Task<HttpResponseMessage>> Answer(Func<HttpResponseMessage> answer) => _ => Task.FromResult(answer());

    /// <summary>An answer that never comes: waits until the request is cancelled.</summary>
    public static Func<CancellationToken, Task<HttpResponseMessage>> Hang() => async cancellationToken =>
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    };

    /// <summary>A JSON answer the way gluetun sends it: Go's encoder, a newline, and a sniffed text/plain type.</summary>
    public static HttpResponseMessage Body(string json, HttpStatusCode status = HttpStatusCode.OK) => TestHttpMessageHandler.Text(json + "\n", status);

    /// <summary>Go's <c>http.Error</c>: the text and a newline.</summary>
    public static HttpResponseMessage Text(string text, HttpStatusCode status) => TestHttpMessageHandler.Text(text + "\n", status);

    public static HttpResponseMessage Redirect(string location, HttpStatusCode status = HttpStatusCode.MovedPermanently)
    {
        var response = TestHttpMessageHandler.Text($"<a href=\"{location}\">Moved Permanently</a>.\n\n", status);
        response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
        return response;
    }
}
