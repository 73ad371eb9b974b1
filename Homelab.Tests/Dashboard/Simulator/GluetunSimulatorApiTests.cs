using System.Net;
using System.Text;
using System.Text.Json;
using Homelab.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace Homelab.Tests.Dashboard.Simulator;

/// <summary>The simulated gluetun control server over real HTTP, as any client sees it.</summary>
public sealed class GluetunSimulatorApiTests(GluetunSimulatorFixture fixture) : IClassFixture<GluetunSimulatorFixture>, IDisposable
{
    private const string GoText = "text/plain; charset=utf-8";

    private readonly HttpClient _http = fixture.CreateHttpClient();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task VpnStatus_WithTheKey_IsGluetunsJson()
    {
        using var response = await _http.GetAsync("/v1/vpn/status", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GoText, response.Content.Headers.ContentType?.ToString());
        Assert.Equal("{\"status\":\"running\"}\n", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task PublicIp_TunnelRunning_HasTheAddressAndWhereItIs()
    {
        var body = await _http.GetStringAsync("/v1/publicip/ip", Cancel);
        using var json = JsonDocument.Parse(body);

        Assert.Equal(
            ["public_ip", "region", "country", "city", "hostname", "location", "organization", "timezone"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("185.65.135.73", json.RootElement.GetProperty("public_ip").GetString());
        Assert.Equal("Netherlands", json.RootElement.GetProperty("country").GetString());
        Assert.Equal("Amsterdam", json.RootElement.GetProperty("city").GetString());
        Assert.Equal("AS39351 31173 Services AB", json.RootElement.GetProperty("organization").GetString());
        Assert.EndsWith("}\n", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/portforward", "{\"port\":51413}\n")]
    [InlineData("/v1/dns/status", "{\"status\":\"running\"}\n")]
    [InlineData("/v1/updater/status", "{\"status\":\"completed\"}\n")]
    public async Task ReadOnlyRoutes_AnswerLikeGluetun(string path, string expected)
    {
        Assert.Equal(expected, await _http.GetStringAsync(path, Cancel));
    }

    [Theory]
    [InlineData("/v1/vpn/status", null)]
    [InlineData("/v1/vpn/status", "wrong-key")]
    [InlineData("/v1/publicip/ip", "HOMELAB-DEMO-VPN-KEY")]
    [InlineData("/v1/portforward", "")]
    [InlineData("/no/such/route", null)]
    public async Task AnyRoute_WithoutTheRightKey_Is401(string path, string? key)
    {
        using var http = fixture.CreateHttpClient(withKey: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add("X-API-Key", key);
        }

        using var response = await http.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthorized\n", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task ApiKeyQueryParameter_IsAcceptedLikeGluetun()
    {
        using var http = fixture.CreateHttpClient(withKey: false);

        using var response = await http.GetAsync($"/v1/vpn/status?api_key={Uri.EscapeDataString(fixture.ApiKey)}", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/v1/vpn")]
    [InlineData("/v1/vpn/status/")]
    [InlineData("/v1/VPN/status")]
    [InlineData("/v1/vpn/settings")]
    [InlineData("/v2/vpn/status")]
    public async Task UnknownRoute_Is404(string path)
    {
        using var response = await _http.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404 page not found\n", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Theory]
    [InlineData("POST", "/v1/vpn/status", "GET, PUT")]
    [InlineData("DELETE", "/v1/vpn/status", "GET, PUT")]
    [InlineData("PUT", "/v1/publicip/ip", "GET")]
    [InlineData("POST", "/v1/portforward", "GET")]
    [InlineData("PUT", "/v1/openvpn/status", "GET")]
    [InlineData("HEAD", "/v1/dns/status", "GET")]
    public async Task KnownRouteWrongMethod_Is405WithAllow(string method, string path, string allow)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method is "GET" or "HEAD" ? null : new StringContent("{}") };

        using var response = await _http.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
    }

    [Theory]
    [InlineData("", "EOF")]
    [InlineData("stop please", "invalid character")]
    [InlineData("[]", "json: cannot unmarshal array into Go value of type server.statusWrapper")]
    [InlineData("{\"status\":1}", "json: cannot unmarshal number into Go struct field statusWrapper.status of type string")]
    [InlineData("{}", "invalid status: : possible values are: stopped, running")]
    [InlineData("{\"status\":\"paused\"}", "invalid status: paused: possible values are: stopped, running")]
    [InlineData("{\"status\":\"Stopped\"}", "invalid status: Stopped: possible values are: stopped, running")]
    public async Task PutVpnStatus_BadBody_Is400AndChangesNothing(string body, string error)
    {
        using var response = await _http.PutAsync("/v1/vpn/status", new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(error, await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal("{\"status\":\"running\"}\n", await _http.GetStringAsync("/v1/vpn/status", Cancel));
    }

    [Fact]
    public async Task PutVpnStatus_StopThenStart_PassesThroughStoppingAndStarting()
    {
        // Its own simulator on a clock the test moves: the tunnel stays stopping (or starting) until the test moves it
        // on, so the state in between is seen however slowly this machine runs.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var simulator = await SimulatorFixture.StartAsync(timeProvider: time);
        using var http = GluetunSimulatorFixture.CreateHttpClient(simulator);

        Assert.Equal("{\"outcome\":\"stopped\"}\n", await PutThroughAsync(http, time, "stopped", "stopping"));
        Assert.Equal("{\"status\":\"stopped\"}\n", await http.GetStringAsync("/v1/vpn/status", Cancel));
        Assert.Equal("{\"public_ip\":\"\"}\n", await http.GetStringAsync("/v1/publicip/ip", Cancel));
        Assert.Equal("{\"port\":0}\n", await http.GetStringAsync("/v1/portforward", Cancel));
        Assert.Equal("{\"outcome\":\"already stopped\"}\n", await PutAsync(http, "stopped"));

        Assert.Equal("{\"outcome\":\"running\"}\n", await PutThroughAsync(http, time, "running", "starting"));
        Assert.Equal("{\"status\":\"running\"}\n", await http.GetStringAsync("/v1/vpn/status", Cancel));
        Assert.Contains("\"public_ip\":\"185.65.135.73\"", await http.GetStringAsync("/v1/publicip/ip", Cancel), StringComparison.Ordinal);
        Assert.Equal("{\"port\":51413}\n", await http.GetStringAsync("/v1/portforward", Cancel));
        Assert.Equal("{\"outcome\":\"already running\"}\n", await PutAsync(http, "running"));
    }

    [Fact]
    public async Task LegacyPortForwarded_Is301ToPortForward()
    {
        using var response = await _http.GetAsync("/v1/openvpn/portforwarded", Cancel);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/v1/portforward", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task LegacyPortForwarded_WithoutTheKey_Is401NotARedirect()
    {
        using var http = fixture.CreateHttpClient(withKey: false);

        using var response = await http.GetAsync("/v1/openvpn/portforwarded", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task LegacyOpenVpnStatus_WireGuardTunnel_ReportsStoppedLikeGluetun()
    {
        // gluetun's OpenVPN-only route says "stopped" whenever the VPN type is WireGuard, even with the tunnel up.
        Assert.Equal("{\"status\":\"running\"}\n", await _http.GetStringAsync("/v1/vpn/status", Cancel));
        Assert.Equal("{\"status\":\"stopped\"}\n", await _http.GetStringAsync("/v1/openvpn/status", Cancel));
    }

    [Fact]
    public async Task GluetunContainerStopped_EveryConnectionIsDroppedUntilItStartsAgain()
    {
        try
        {
            await fixture.SetContainerRunningAsync(running: false);
            Assert.False(fixture.Simulator.Homelab.GluetunUp);

            await Assert.ThrowsAsync<HttpRequestException>(() => _http.GetAsync("/v1/vpn/status", Cancel));
            using var anonymous = fixture.CreateHttpClient(withKey: false);
            await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.GetAsync("/no/such/route", Cancel));
        }
        finally
        {
            await fixture.SetContainerRunningAsync(running: true);
        }

        Assert.Equal("{\"status\":\"running\"}\n", await _http.GetStringAsync("/v1/vpn/status", Cancel));
    }

    /// <summary>Sends a PUT and reads the status over and over until it answers: what it saw on the way, and the outcome.</summary>
    /// <summary>
    /// Asks for <paramref name="status"/> and checks the request waits while the tunnel is <paramref name="between"/>;
    /// then moves the clock on and returns the answer.
    /// </summary>
    private static async Task<string> PutThroughAsync(HttpClient http, FakeTimeProvider time, string status, string between)
    {
        var put = PutAsync(http, status);
        while (await StatusAsync(http) != between)
        {
            Assert.False(put.IsCompleted, $"answered {(put.IsCompleted ? await put : "")} without passing through {between}");
            await Task.Delay(10, Cancel);
        }

        Assert.False(put.IsCompleted, $"answered while the tunnel was still {between}");
        time.Advance(TimeSpan.FromSeconds(5));
        return await put;
    }

    private static async Task<string> PutAsync(HttpClient http, string status)
    {
        using var response = await http.PutAsync("/v1/vpn/status", new StringContent($"{{\"status\":\"{status}\"}}"), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    private static async Task<string?> StatusAsync(HttpClient http)
    {
        using var json = JsonDocument.Parse(await http.GetStringAsync("/v1/vpn/status", Cancel));
        return json.RootElement.GetProperty("status").GetString();
    }
}
