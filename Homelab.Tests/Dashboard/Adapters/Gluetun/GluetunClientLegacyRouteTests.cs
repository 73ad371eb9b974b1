using System.Net;
using Homelab.Dashboard.Adapters.Gluetun;
using Homelab.Domain.Downloads;
using Homelab.Domain.Sources;
using Homelab.Tests.Dashboard.Adapters.Proxmox;
using Microsoft.Extensions.Logging;
using static Homelab.Tests.Dashboard.Adapters.Gluetun.GluetunTestServer;

namespace Homelab.Tests.Dashboard.Adapters.Gluetun;

/// <summary>Older gluetun releases: the legacy routes, and redirects, which the adapter handles itself.</summary>
public sealed class GluetunClientLegacyRouteTests : IDisposable
{
    private readonly GluetunTestServer _server = new();
    private readonly TestLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggerFactory;

    public GluetunClientLegacyRouteTests() => _loggerFactory = _logs.CreateFactory();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _loggerFactory.Dispose();

    private GluetunClient CreateClient() => _server.CreateClient(logger: _loggerFactory.CreateLogger<GluetunClient>());

    /// <summary>A release from before <c>/v1/vpn</c> and <c>/v1/portforward</c>: OpenVPN only.</summary>
    private void PlayOldRelease(Func<HttpResponseMessage> unknownRoute)
    {
        _server.Routes["/v1/vpn/status"] = Answer(unknownRoute);
        _server.Routes["/v1/portforward"] = Answer(unknownRoute);
        _server.Routes["/v1/openvpn/status"] = Answer(() => Body("""{"status":"running"}"""));
        _server.Routes["/v1/openvpn/portforwarded"] = Answer(() => Body("""{"port":1234}"""));
    }

    public static TheoryData<string, int, string> UnknownRouteAnswers => new()
    {
        // Current releases, and the v1 router of old ones ("GET /vpn/status not found" with 400).
        { "404", 404, "404 page not found" },
        { "400 not found", 400, "GET /vpn/status not found" },
        { "400 not supported", 400, "route /status not supported" },
    };

    [Theory]
    [MemberData(nameof(UnknownRouteAnswers))]
    public async Task GetStatus_OldRelease_ReadsTheLegacyStatusAndPortRoutes(string name, int status, string text)
    {
        _ = name;
        PlayOldRelease(() => Text(text, (HttpStatusCode)status));
        using var client = CreateClient();

        var vpn = (await client.GetStatusAsync(Cancel)).Value;

        Assert.Equal((VpnState.Running, "203.0.113.7", 1234), (vpn.State, vpn.PublicIp, vpn.ForwardedPort));
        Assert.Equal(
            ["/v1/openvpn/portforwarded", "/v1/openvpn/status", "/v1/portforward", "/v1/publicip/ip", "/v1/vpn/status"],
            _server.Paths.Order());
    }

    [Fact]
    public async Task GetStatus_OldRelease_LogsTheLegacyRoutesOnceAndTheUpgrade()
    {
        PlayOldRelease(() => Text("404 page not found", HttpStatusCode.NotFound));
        using var client = CreateClient();
        await client.GetStatusAsync(Cancel);
        await client.GetStatusAsync(Cancel);

        Assert.Equal(2, _logs.Entries.Count(e => e.EventId.Id == 9002));
        Assert.Contains(_logs.Messages, m => m.Contains("no /v1/vpn/status; reading the older /v1/openvpn/status", StringComparison.Ordinal));
        Assert.Contains(_logs.Messages, m => m.Contains("no /v1/portforward; reading the older /v1/openvpn/portforwarded", StringComparison.Ordinal));

        // gluetun is upgraded under the dashboard: the current routes answer again.
        _server.Routes["/v1/vpn/status"] = Answer(() => Body("""{"status":"running"}"""));
        _server.Routes["/v1/portforward"] = Answer(() => Body("""{"port":51413}"""));
        var upgraded = (await client.GetStatusAsync(Cancel)).Value;

        Assert.Equal(51413, upgraded.ForwardedPort);
        Assert.Equal(2, _logs.Entries.Count(e => e.EventId.Id == 9005));
    }

    [Fact]
    public async Task GetStatus_NeitherStatusRoute_IsNotFoundNamingBoth()
    {
        _server.Routes.Remove("/v1/vpn/status");
        using var client = CreateClient();

        var result = await client.GetStatusAsync(Cancel);

        Assert.Equal(SourceErrorKind.NotFound, result.Error?.Kind);
        Assert.Contains("neither GET /v1/vpn/status nor GET /v1/openvpn/status", result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("http://gluetun:8000/", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatus_LegacyPortRouteRedirectsBack_NoPortAndNoLoop()
    {
        // /v1/portforward is missing (a proxy that only passes some routes), and the legacy route points right back at it.
        _server.Routes.Remove("/v1/portforward");
        using var client = CreateClient();

        var vpn = (await client.GetStatusAsync(Cancel)).Value;
        await client.GetStatusAsync(Cancel);

        Assert.Equal(VpnState.Running, vpn.State);
        Assert.Equal("203.0.113.7", vpn.PublicIp);
        Assert.Null(vpn.ForwardedPort);
        Assert.Equal(2, _server.Paths.Count(p => p == "/v1/portforward"));
        Assert.Equal(2, _server.Paths.Count(p => p == "/v1/openvpn/portforwarded"));
        var missing = Assert.Single(_logs.Entries, e => e.EventId.Id == 9003);
        Assert.Equal(LogLevel.Information, missing.Level);
        Assert.Contains("forwarded port", missing.Text, StringComparison.Ordinal);
        Assert.Contains("/v1/openvpn/portforwarded redirects to http://gluetun:8000/v1/portforward", missing.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatus_RedirectToAnotherRouteOnTheSameServer_FollowedOnceWithTheKey()
    {
        _server.Routes.Remove("/v1/portforward");
        _server.Routes["/v1/openvpn/portforwarded"] = Answer(() => Redirect("/v2/portforward"));
        _server.Routes["/v2/portforward"] = Answer(() => Body("""{"port":1234}"""));
        using var client = CreateClient();

        var vpn = (await client.GetStatusAsync(Cancel)).Value;

        Assert.Equal(1234, vpn.ForwardedPort);
        var followed = Assert.Single(_server.Handler!.Requests, r => r.Uri.AbsolutePath == "/v2/portforward");
        Assert.Equal(ApiKey, followed.Headers["X-API-Key"]);
    }

    [Fact]
    public async Task GetStatus_RedirectChain_FollowsOnlyOneHop()
    {
        _server.Routes.Remove("/v1/portforward");
        _server.Routes["/v1/openvpn/portforwarded"] = Answer(() => Redirect("/hop1"));
        _server.Routes["/hop1"] = Answer(() => Redirect("/hop2"));
        _server.Routes["/hop2"] = Answer(() => Body("""{"port":1234}"""));
        using var client = CreateClient();

        var vpn = (await client.GetStatusAsync(Cancel)).Value;

        Assert.Null(vpn.ForwardedPort);
        Assert.DoesNotContain("/hop2", _server.Paths);
    }

    [Fact]
    public async Task GetStatus_StatusRedirectsToAnotherServer_NotFollowedAndTheKeyStaysHome()
    {
        _server.Routes["/v1/vpn/status"] = Answer(() => Redirect("https://login.example.net/?rd=gluetun", HttpStatusCode.Found));
        using var client = CreateClient();

        var result = await client.GetStatusAsync(Cancel);

        Assert.Equal(SourceErrorKind.InvalidResponse, result.Error?.Kind);
        Assert.Contains("redirected (HTTP 302) to https://login.example.net/", result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("reverse proxy or login page", result.Error.Message, StringComparison.Ordinal);
        Assert.All(_server.Handler!.Requests, r => Assert.Equal("gluetun", r.Uri.Host));
    }

    [Fact]
    public async Task GetStatus_LegacyPortRouteRedirectsToAnotherServer_NoPortAndNotFollowed()
    {
        _server.Routes.Remove("/v1/portforward");
        _server.Routes["/v1/openvpn/portforwarded"] = Answer(() => Redirect("http://elsewhere:8000/v2/portforward"));
        _server.Routes["/v2/portforward"] = Answer(() => Body("""{"port":1234}"""));
        using var client = CreateClient();

        var vpn = (await client.GetStatusAsync(Cancel)).Value;

        Assert.Null(vpn.ForwardedPort);
        Assert.DoesNotContain("/v2/portforward", _server.Paths);
        Assert.All(_server.Handler!.Requests, r => Assert.Equal("gluetun", r.Uri.Host));
    }
}
