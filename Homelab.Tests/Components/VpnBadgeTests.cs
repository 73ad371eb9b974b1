using Bunit;
using Homelab.Dashboard.Components.Pages;
using Homelab.Domain.Downloads;
using Homelab.Domain.Live;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Components;

/// <summary>The VPN badge on the pages that show it, and the leak warning when torrents move without the tunnel.</summary>
public sealed class VpnBadgeTests : HomelabComponentTestBase
{
    public VpnBadgeTests() => Live.Current = TestSnapshots.SeedWithDownloads();

    private VpnStatus Vpn => Live.Current.Vpn!;

    [Fact]
    public void Render_Running_SaysStateAddressPlaceAndPort()
    {
        var cut = Render<TorrentsPage>();

        var badge = cut.Find("[data-testid=vpn-badge]");
        Assert.Equal("running", badge.GetAttribute("data-vpn-state"));
        Assert.Equal("VPN running · 185.65.135.73 · Amsterdam, Netherlands · port 51413", badge.TextContent.Trim());
        Assert.Contains("hl-vpn-ok", badge.ClassName, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=vpn-leak-warning]"));
    }

    [Theory]
    [InlineData(VpnState.Stopped, "stopped", "hl-vpn-error")]
    [InlineData(VpnState.Crashed, "crashed", "hl-vpn-error")]
    [InlineData(VpnState.Starting, "starting", "hl-vpn-warning")]
    [InlineData(VpnState.Unknown, "unknown", "hl-vpn-warning")]
    public void Render_NotRunning_SaysSoWithoutAnAddress(VpnState state, string word, string css)
    {
        Live.Current = Live.Current with { Vpn = Vpn with { State = state } };

        var cut = Render<TorrentsPage>();

        var badge = cut.Find("[data-testid=vpn-badge]");
        Assert.Equal(word, badge.GetAttribute("data-vpn-state"));
        Assert.Contains(css, badge.ClassName, StringComparison.Ordinal);
        Assert.DoesNotContain("185.65.135.73", badge.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_StoppedWhileTorrentsMove_WarnsOfALeakAndLinksToThem()
    {
        Live.Current = Live.Current with { Vpn = Vpn with { State = VpnState.Stopped } };

        var cut = Render<TorrentsPage>();

        var warning = cut.Find("[data-testid=vpn-leak-warning]");
        Assert.Equal("alert", warning.GetAttribute("role"));
        Assert.Contains("8 torrents are moving data while the VPN is stopped", warning.TextContent, StringComparison.Ordinal);
        Assert.Equal("/torrents?filter=active", warning.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void Render_StoppedWithNothingMoving_NoLeakWarning()
    {
        var quiet = Live.Current.Downloads!.Torrents.Values.Select(t => t with { DownloadSpeed = 0, UploadSpeed = 0 }).ToList();
        Live.Current = Live.Current with
        {
            Vpn = Vpn with { State = VpnState.Stopped },
            Downloads = Live.Current.Downloads with { Torrents = Live.Current.Downloads.Torrents.SetItems(quiet.Select(t => new KeyValuePair<string, Torrent>(t.Hash, t))) },
        };

        var cut = Render<TorrentsPage>();

        Assert.Equal("stopped", cut.Find("[data-testid=vpn-badge]").GetAttribute("data-vpn-state"));
        Assert.Empty(cut.FindAll("[data-testid=vpn-leak-warning]"));
    }

    [Fact]
    public void Push_TunnelDropsAndComesBack_BadgeAndWarningFollow()
    {
        var cut = Render<TorrentsPage>();
        var running = Vpn;

        Live.Push(new VpnChanged(running with { State = VpnState.Crashed }));

        cut.WaitForAssertion(() => Assert.Equal("crashed", cut.Find("[data-testid=vpn-badge]").GetAttribute("data-vpn-state")));
        Assert.NotNull(cut.Find("[data-testid=vpn-leak-warning]"));

        Live.Push(new VpnChanged(running));

        cut.WaitForAssertion(() => Assert.Equal("running", cut.Find("[data-testid=vpn-badge]").GetAttribute("data-vpn-state")));
        Assert.Empty(cut.FindAll("[data-testid=vpn-leak-warning]"));
    }

    [Fact]
    public void Push_TorrentsStartMovingWhileStopped_WarningAppears()
    {
        var quiet = Live.Current.Downloads!.Torrents.Values.Select(t => t with { DownloadSpeed = 0, UploadSpeed = 0 }).ToList();
        Live.Current = Live.Current with
        {
            Vpn = Vpn with { State = VpnState.Stopped },
            Downloads = Live.Current.Downloads with { Torrents = Live.Current.Downloads.Torrents.SetItems(quiet.Select(t => new KeyValuePair<string, Torrent>(t.Hash, t))) },
        };
        var cut = Render<TorrentsPage>();
        Assert.Empty(cut.FindAll("[data-testid=vpn-leak-warning]"));
        var ubuntu = TestSnapshots.FindTorrent(Live.Current, "ubuntu-24.04.1-desktop-amd64.iso");

        Live.Push(new TorrentsChanged([ubuntu with { DownloadSpeed = 1_000_000 }], [], null, null, null, TestSnapshots.Now));

        cut.WaitForAssertion(() => Assert.Contains("1 torrent is moving data", cut.Find("[data-testid=vpn-leak-warning]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Overview_ShowsTheBadgeAndTheLeakWarning()
    {
        Live.Current = Live.Current with { Vpn = Vpn with { State = VpnState.Stopped } };

        var cut = Render<Overview>();

        var card = cut.Find("[data-testid=downloads-card]");
        Assert.Equal("stopped", card.QuerySelector("[data-testid=vpn-badge]")!.GetAttribute("data-vpn-state"));
        Assert.NotNull(card.QuerySelector("[data-testid=vpn-leak-warning]"));
    }
}
