using System.Text;
using Homelab.Dashboard.Adapters.Gluetun;
using Homelab.Domain.Downloads;
using Homelab.Domain.Sources;
using Homelab.Tests.Dashboard.Simulator;

namespace Homelab.Tests.Dashboard.Adapters.Gluetun;

/// <summary>The real adapter against the real simulator, over TCP, as the dashboard runs in demo mode.</summary>
public sealed class GluetunClientSimulatorTests(GluetunSimulatorFixture fixture) : IClassFixture<GluetunSimulatorFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetStatus_Simulator_RunningWithAddressLocationAndPort()
    {
        using var adapter = fixture.CreateAdapter();

        var vpn = (await adapter.GetStatusAsync(Cancel)).Value;

        Assert.Equal(VpnState.Running, vpn.State);
        Assert.True(vpn.PublicIpKnown);
        Assert.Equal(("185.65.135.73", "Netherlands", "North Holland", "Amsterdam", "AS39351 31173 Services AB"), (vpn.PublicIp, vpn.Country, vpn.Region, vpn.City, vpn.Organization));
        Assert.Equal(51413, vpn.ForwardedPort);
    }

    [Fact]
    public async Task GetStatus_TunnelStoppedAndStartedThroughTheApi_SeenOnTheWayAndAtTheEnd()
    {
        using var adapter = fixture.CreateAdapter();
        using var http = fixture.CreateHttpClient();
        try
        {
            var (stopped, duringStop) = await PutWatchingAsync(http, adapter, "stopped");

            Assert.Contains(VpnState.Stopping, duringStop);
            Assert.Equal(VpnState.Stopped, stopped.State);
            Assert.False(stopped.PublicIpKnown);
            Assert.Null(stopped.PublicIp);
            Assert.Null(stopped.ForwardedPort);

            var (running, duringStart) = await PutWatchingAsync(http, adapter, "running");

            Assert.Contains(VpnState.Starting, duringStart);
            Assert.Equal(VpnState.Running, running.State);
            Assert.Equal("185.65.135.73", running.PublicIp);
            Assert.Equal(51413, running.ForwardedPort);
        }
        finally
        {
            await fixture.RestoreTunnelAsync();
        }
    }

    [Fact]
    public async Task GetStatus_WrongKey_UnauthorizedNamingTheSimulatorSetting()
    {
        using var adapter = fixture.CreateAdapter(apiKey: "not-the-key");

        var error = (await adapter.GetStatusAsync(Cancel)).Error!;

        Assert.Equal((SourceErrorKind.Unauthorized, 401), (error.Kind, error.StatusCode));
        Assert.Contains("Homelab:Simulator:GluetunApiKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.ApiKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatus_GluetunContainerStopped_UnreachableUntilItRuns()
    {
        using var adapter = fixture.CreateAdapter();
        try
        {
            await fixture.SetContainerRunningAsync(running: false);

            var down = await adapter.GetStatusAsync(Cancel);

            Assert.Equal(SourceErrorKind.Unreachable, down.Error?.Kind);
        }
        finally
        {
            await fixture.SetContainerRunningAsync(running: true);
        }

        Assert.Equal(VpnState.Running, (await adapter.GetStatusAsync(Cancel)).Value.State);
    }

    /// <summary>PUTs the tunnel's state and reads it through the adapter until the PUT answers; then once more.</summary>
    private static async Task<(VpnStatus After, HashSet<VpnState> Seen)> PutWatchingAsync(HttpClient http, GluetunClient adapter, string status)
    {
        using var body = new StringContent($"{{\"status\":\"{status}\"}}", Encoding.UTF8, "application/json");
        var put = http.PutAsync("/v1/vpn/status", body, Cancel);
        var seen = new HashSet<VpnState>();
        while (!put.IsCompleted)
        {
            seen.Add((await adapter.GetStatusAsync(Cancel)).Value.State);
            await Task.Delay(5, Cancel);
        }

        using var response = await put;
        response.EnsureSuccessStatusCode();
        return ((await adapter.GetStatusAsync(Cancel)).Value, seen);
    }
}
