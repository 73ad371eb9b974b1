using Homelab.Domain.Downloads;
using Homelab.Tests.Shared;
using Microsoft.Extensions.Time.Testing;
using static Homelab.Tests.Dashboard.Adapters.Gluetun.GluetunTestServer;

namespace Homelab.Tests.Dashboard.Adapters.Gluetun;

/// <summary>The gluetun adapter against wire answers: the three reads, merged, and how tolerant each one is.</summary>
public sealed class GluetunClientTests
{
    private readonly GluetunTestServer _server = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetStatus_CurrentRelease_MergesStatusAddressAndPortIntoOne()
    {
        var time = new FakeTimeProvider(TestData.Start);
        using var client = _server.CreateClient(time: time);

        var status = (await client.GetStatusAsync(Cancel)).Value;

        Assert.Equal(
            new VpnStatus
            {
                State = VpnState.Running,
                PublicIp = "203.0.113.7",
                Country = "Netherlands",
                Region = "North Holland",
                City = "Amsterdam",
                Organization = "AS39351 31173 Services AB",
                ForwardedPort = 51413,
                UpdatedAt = TestData.Start,
            },
            status);
        Assert.True(status.PublicIpKnown);
        Assert.Equal(["/v1/portforward", "/v1/publicip/ip", "/v1/vpn/status"], _server.Paths.Order());
        Assert.All(_server.Handler!.Requests, r =>
        {
            Assert.Equal(HttpMethod.Get, r.Method);
            Assert.Equal("gluetun", r.Uri.Host);
            Assert.Equal(ApiKey, r.Headers["X-API-Key"]);
        });
    }

    [Fact]
    public async Task GetStatus_ThreeReads_AreInFlightTogether()
    {
        // Each route answers only once all three have been asked: reads one after another would never finish.
        var allAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var asked = 0;
        foreach (var (path, body) in new[] { ("/v1/vpn/status", """{"status":"running"}"""), ("/v1/publicip/ip", PublicIpJson), ("/v1/portforward", """{"port":51413}""") })
        {
            _server.Routes[path] = async cancellationToken =>
            {
                if (Interlocked.Increment(ref asked) == 3)
                {
                    allAsked.SetResult();
                }

                await allAsked.Task.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
                return Body(body);
            };
        }

        using var client = _server.CreateClient();

        var status = (await client.GetStatusAsync(Cancel)).Value;

        Assert.Equal((VpnState.Running, "203.0.113.7", 51413), (status.State, status.PublicIp, status.ForwardedPort));
    }

    [Fact]
    public async Task GetStatus_EmptyPublicIp_AddressUnknownWhileRunning()
    {
        // Right after the tunnel comes up, before gluetun's first lookup.
        _server.Routes["/v1/publicip/ip"] = Answer(() => Body("""{"public_ip":""}"""));
        using var client = _server.CreateClient();

        var status = (await client.GetStatusAsync(Cancel)).Value;

        Assert.Equal(VpnState.Running, status.State);
        Assert.Null(status.PublicIp);
        Assert.Null(status.Country);
        Assert.False(status.PublicIpKnown);
        Assert.Equal(51413, status.ForwardedPort);
    }

    [Fact]
    public async Task GetStatus_AddressWhileStopped_KeptButNotKnown()
    {
        _server.Routes["/v1/vpn/status"] = Answer(() => Body("""{"status":"stopped"}"""));
        _server.Routes["/v1/portforward"] = Answer(() => Body("""{"port":0}"""));
        using var client = _server.CreateClient();

        var status = (await client.GetStatusAsync(Cancel)).Value;

        Assert.Equal(VpnState.Stopped, status.State);
        Assert.Equal("203.0.113.7", status.PublicIp);
        Assert.False(status.PublicIpKnown);
        Assert.Null(status.ForwardedPort);
    }

    [Theory]
    [InlineData("""{"status":"running"}""", VpnState.Running)]
    [InlineData("""{"status":"starting"}""", VpnState.Starting)]
    [InlineData("""{"status":"stopping"}""", VpnState.Stopping)]
    [InlineData("""{"status":"stopped"}""", VpnState.Stopped)]
    [InlineData("""{"status":"crashed"}""", VpnState.Crashed)]
    [InlineData("""{"status":"Running "}""", VpnState.Running)]
    [InlineData("""{"status":"completed"}""", VpnState.Unknown)]
    [InlineData("""{"status":null}""", VpnState.Unknown)]
    [InlineData("""{"status":3}""", VpnState.Unknown)]
    [InlineData("""{}""", VpnState.Unknown)]
    public async Task GetStatus_StatusField_ReadTolerantly(string json, VpnState expected)
    {
        _server.Routes["/v1/vpn/status"] = Answer(() => Body(json));
        using var client = _server.CreateClient();

        var status = await client.GetStatusAsync(Cancel);

        Assert.Equal(expected, status.Value.State);
    }

    [Theory]
    [InlineData("""{"port":51413}""", 51413)]
    [InlineData("""{"port":0}""", null)]
    [InlineData("""{}""", null)]
    [InlineData("""{"port":null}""", null)]
    [InlineData("""{"port":"6881"}""", 6881)]
    [InlineData("""{"port":70000}""", null)]
    [InlineData("""{"port":-1}""", null)]
    [InlineData("""{"port":6881,"ports":[6881,6882]}""", 6881)]
    [InlineData("""{"port":0,"ports":null}""", null)]
    [InlineData("""{"ports":[0,"x",6882]}""", 6882)]
    public async Task GetStatus_ForwardedPort_ZeroOrMissingIsNone(string json, int? expected)
    {
        _server.Routes["/v1/portforward"] = Answer(() => Body(json));
        using var client = _server.CreateClient();

        var status = await client.GetStatusAsync(Cancel);

        Assert.Equal(expected, status.Value.ForwardedPort);
    }

    [Theory]
    [InlineData("""{"public_ip":"2001:db8::7"}""", "2001:db8::7")]
    [InlineData("""{"public_ip":" 203.0.113.7 "}""", "203.0.113.7")]
    [InlineData("""{"public_ip":"0.0.0.0"}""", null)]
    [InlineData("""{"public_ip":"::"}""", null)]
    [InlineData("""{"public_ip":"1"}""", null)]
    [InlineData("""{"public_ip":"not an address"}""", null)]
    [InlineData("""{"public_ip":null}""", null)]
    [InlineData("""{"country":"Netherlands"}""", null)]
    public async Task GetStatus_PublicIp_OnlyARealAddressCounts(string json, string? expected)
    {
        _server.Routes["/v1/publicip/ip"] = Answer(() => Body(json));
        using var client = _server.CreateClient();

        var status = await client.GetStatusAsync(Cancel);

        Assert.Equal(expected, status.Value.PublicIp);
    }

    [Fact]
    public async Task GetStatus_LocationFieldsMissingOrEmpty_ReadAsNull()
    {
        _server.Routes["/v1/publicip/ip"] = Answer(() => Body("""{"public_ip":"203.0.113.7","country":"","city":"  ","organization":7,"hostname":"x","extra":{"a":1}}"""));
        using var client = _server.CreateClient();

        var status = (await client.GetStatusAsync(Cancel)).Value;

        Assert.Equal("203.0.113.7", status.PublicIp);
        Assert.Null(status.Country);
        Assert.Null(status.Region);
        Assert.Null(status.City);
        Assert.Equal("7", status.Organization);
    }

    [Fact]
    public async Task GetStatus_BaseUrlWithPathPrefix_KeepsThePrefixForEveryRoute()
    {
        foreach (var path in _server.Routes.Keys.ToList())
        {
            _server.Routes["/gluetun" + path] = _server.Routes[path];
        }

        using var client = _server.CreateClient(baseUrl: new Uri("http://proxy.lan/gluetun"));

        var status = (await client.GetStatusAsync(Cancel)).Value;

        Assert.Equal((VpnState.Running, 51413), (status.State, status.ForwardedPort));
        Assert.All(_server.Paths, p => Assert.StartsWith("/gluetun/v1/", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetStatus_NoKeyConfigured_SendsNoKeyHeader()
    {
        using var client = _server.CreateClient(apiKey: null);

        Assert.True((await client.GetStatusAsync(Cancel)).IsSuccess);
        Assert.All(_server.Handler!.Requests, r => Assert.False(r.Headers.ContainsKey("X-API-Key")));
    }

    [Fact]
    public async Task GetStatus_JsonTypedAnswers_AreReadToo()
    {
        // gluetun's answers are sniffed as text/plain; a proxy that labels them application/json is just as good.
        _server.Routes["/v1/vpn/status"] = Answer(() => TestHttpMessageHandler.Json("""{"status":"running"}"""));
        using var client = _server.CreateClient();

        var status = await client.GetStatusAsync(Cancel);

        Assert.Equal(VpnState.Running, status.Value.State);
    }

    [Fact]
    public async Task GetStatus_AnswerForEveryRead_UpdatedAtIsTheAdaptersClock()
    {
        var time = new FakeTimeProvider(TestData.Start);
        using var client = _server.CreateClient(time: time);
        var first = (await client.GetStatusAsync(Cancel)).Value;

        time.Advance(TimeSpan.FromSeconds(5));
        var second = (await client.GetStatusAsync(Cancel)).Value;

        Assert.Equal(TestData.Start, first.UpdatedAt);
        Assert.Equal(TestData.Start.AddSeconds(5), second.UpdatedAt);
        Assert.Equal(first with { UpdatedAt = default }, second with { UpdatedAt = default });
        Assert.Equal(6, _server.Paths.Count);
    }
}
