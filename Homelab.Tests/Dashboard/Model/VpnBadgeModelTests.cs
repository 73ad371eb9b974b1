using Homelab.Dashboard.Model;
using Homelab.Domain.Downloads;
using Homelab.Domain.Sources;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Model;

public sealed class VpnBadgeModelTests
{
    private static readonly VpnStatus s_running = TestSnapshots.Vpn(TestSnapshots.Now);
    private static readonly SourceStatus s_gluetun = TestSnapshots.GluetunSource(TestSnapshots.Now);

    [Fact]
    public void Running_WithItsAddress_SaysAddressPlaceAndPort()
    {
        var badge = VpnBadgeModel.From(s_running, s_gluetun, moving: 8)!;

        Assert.Equal("VPN running · 185.65.135.73 · Amsterdam, Netherlands · port 51413", badge.Text);
        Assert.Equal("VPN running", badge.Brief);
        Assert.Equal(("running", "ok"), (badge.StateWord, badge.Level));
        Assert.Equal("AS39351 31173 Services AB", badge.Detail);
        Assert.Null(badge.Leak);
        Assert.False(badge.Stale);
    }

    [Fact]
    public void Running_BeforeTheFirstLookup_SaysTheAddressIsNotKnown()
    {
        var badge = VpnBadgeModel.From(s_running with { PublicIp = "" }, s_gluetun, 0)!;

        Assert.Equal("VPN running · address not known yet · port 51413", badge.Text);
        Assert.Null(badge.Detail);
    }

    [Theory]
    [InlineData(VpnState.Stopped, "stopped", "error")]
    [InlineData(VpnState.Crashed, "crashed", "error")]
    [InlineData(VpnState.Starting, "starting", "warning")]
    [InlineData(VpnState.Stopping, "stopping", "warning")]
    public void NotRunning_NeverShowsAnAddressEvenIfOneWasReported(VpnState state, string word, string level)
    {
        var badge = VpnBadgeModel.From(s_running with { State = state }, s_gluetun, 0)!;

        Assert.Equal($"VPN {word}", badge.Text);
        Assert.Equal((word, level), (badge.StateWord, badge.Level));
        Assert.DoesNotContain("185.65", badge.Text, StringComparison.Ordinal);
        Assert.Null(badge.Leak);
    }

    [Fact]
    public void NotRunning_WithTorrentsMoving_WarnsOfALeak()
    {
        var badge = VpnBadgeModel.From(s_running with { State = VpnState.Stopped }, s_gluetun, moving: 3)!;

        Assert.StartsWith("3 torrents are moving data while the VPN is stopped", badge.Leak, StringComparison.Ordinal);
        Assert.Equal("VPN stopped · 3 moving", badge.Brief);
        Assert.StartsWith("1 torrent is moving data while the VPN is in an unknown state",
            VpnBadgeModel.From(s_running with { State = VpnState.Unknown }, s_gluetun, 1)!.Leak, StringComparison.Ordinal);
    }

    [Fact]
    public void GluetunDown_KeepsTheLastStateButMarksItStale()
    {
        var down = TestSnapshots.Down(s_gluetun, TestSnapshots.Now);

        var badge = VpnBadgeModel.From(s_running, down, 0)!;

        Assert.Equal("running", badge.StateWord);
        Assert.Equal("gluetun down", badge.StaleWord);
        Assert.True(badge.Stale);
        Assert.Equal("stale", VpnBadgeModel.From(s_running, s_gluetun with { Health = SourceHealth.Stale }, 0)!.StaleWord);
    }

    [Fact]
    public void NoStatusYet_SaysWhy()
    {
        Assert.Equal("VPN: waiting for gluetun", VpnBadgeModel.From(null, s_gluetun with { Health = SourceHealth.Pending }, 0)!.Text);
        var unknown = VpnBadgeModel.From(null, TestSnapshots.Down(s_gluetun, TestSnapshots.Now), 0)!;
        Assert.Equal(("unknown", "VPN state unknown", "gluetun down"), (unknown.StateWord, unknown.Text, unknown.StaleWord));
    }

    [Fact]
    public void NotConfigured_NoBadge() => Assert.Null(VpnBadgeModel.From(null, null, 5));
}
