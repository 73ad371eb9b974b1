using Bunit;
using Homelab.Dashboard.Components.Pages;
using Homelab.Domain.Containers;
using Homelab.Domain.Live;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Components;

public sealed class OverviewTests : HomelabComponentTestBase
{
    [Fact]
    public void Render_SeedHomelab_ShowsClusterHealthAndACardPerNode()
    {
        var cut = Render<Overview>();

        Assert.Contains("HomeServer", cut.Find("[data-testid=cluster-health]").TextContent, StringComparison.Ordinal);
        Assert.Equal("quorate", cut.Find("[data-testid=quorum]").TextContent);
        Assert.Equal("3/3", cut.Find("[data-testid=nodes-online]").TextContent);
        Assert.Equal("6/7", cut.Find("[data-testid=guests-running]").TextContent);
        var total = Live.Current.AllContainers.Count();
        Assert.Equal($"{total - 2}/{total}", cut.Find("[data-testid=containers-running]").TextContent);
        foreach (var node in new[] { "pve", "MediaServer", "AIServer" })
        {
            Assert.Contains(node, cut.Find($"[data-testid=node-card-{node}]").TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_SeedHomelab_ListsWhatNeedsAttentionMostSevereFirstWithLinks()
    {
        var cut = Render<Overview>();

        var items = cut.FindAll("[data-testid=attention-item]");
        Assert.Equal(3, items.Count);
        Assert.StartsWith("critical", items[0].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("unpackerr", items[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("/containers?q=unpackerr", items[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("linkwarden", items[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("unhealthy", items[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("local-lvm on pve", items[2].TextContent, StringComparison.Ordinal);
        Assert.Equal("/cluster", items[2].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void Render_NothingWrong_SaysSo()
    {
        Live.Current = Live.Current with { Cluster = null, ContainerHosts = [] };

        var cut = Render<Overview>();

        Assert.Empty(cut.FindAll("[data-testid=attention-item]"));
        Assert.Contains("Nothing needs attention", cut.Find("[data-testid=attention]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Push_ClusterChange_AppearsWithoutARenderFromOutside()
    {
        var cut = Render<Overview>();
        Assert.Equal("4.0%", cut.Find("[data-testid=node-card-pve] [data-testid=gauge-percent]").TextContent.Trim());
        var cluster = Live.Current.Cluster!;
        var busier = cluster with
        {
            Nodes = [.. cluster.Nodes.Select(n => n.Name == "pve" ? n with { Cpu = 0.5 } : n)],
        };

        Live.Push(new ClusterChanged(busier));

        cut.WaitForAssertion(() =>
            Assert.Equal("50%", cut.Find("[data-testid=node-card-pve] [data-testid=gauge-percent]").TextContent.Trim()));
    }

    [Fact]
    public void Push_ContainerStops_UpdatesTheSummaryAndAttention()
    {
        var cut = Render<Overview>();
        var jellyfin = TestSnapshots.FindContainer(Live.Current, "jellyfin");

        Live.Push(new ContainersChanged(
            TestSnapshots.DockerHost,
            [jellyfin with { State = ContainerState.Exited, Health = ContainerHealth.None, ExitCode = 137 }],
            [],
            TestSnapshots.Now));

        cut.WaitForAssertion(() =>
        {
            var exited = cut.FindAll("[data-testid=containers-by-state] a").Single(a => a.TextContent.Contains("exited", StringComparison.Ordinal));
            Assert.Equal("2", exited.QuerySelector(".hl-count-value")!.TextContent);
            Assert.Contains(cut.FindAll("[data-testid=attention-item]"), i => i.TextContent.Contains("exited with code 137", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Render_ProxmoxDown_ClusterCardsTurnStaleButContainersStayFresh()
    {
        Live.Current = Live.Current with
        {
            Sources = [TestSnapshots.Down(TestSnapshots.ProxmoxSource(TestSnapshots.Now), TestSnapshots.Now), TestSnapshots.DockerSource(TestSnapshots.Now)],
        };

        var cut = Render<Overview>();

        Assert.Equal("true", cut.Find("[data-testid=node-card-pve]").GetAttribute("data-stale"));
        Assert.Equal("true", cut.Find("[data-testid=storage-card]").GetAttribute("data-stale"));
        Assert.Equal("true", cut.Find("[data-testid=guests-card]").GetAttribute("data-stale"));
        Assert.Equal("false", cut.Find("[data-testid=containers-card]").GetAttribute("data-stale"));
        Assert.Contains("Proxmox VE", cut.FindAll("[data-testid=attention-item]")[0].TextContent, StringComparison.Ordinal);

        // The attention card is about the outage: it warns, but stays readable.
        var attention = cut.Find("[data-testid=attention]");
        Assert.Equal("true", attention.GetAttribute("data-stale"));
        Assert.Contains("hl-no-mute", attention.ClassName, StringComparison.Ordinal);
        Assert.DoesNotContain("hl-no-mute", cut.Find("[data-testid=node-card-pve]").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void Push_SourceGoesDown_CardTurnsStaleLive()
    {
        var cut = Render<Overview>();
        Assert.Equal("false", cut.Find("[data-testid=node-card-AIServer]").GetAttribute("data-stale"));

        Live.Push(new SourceChanged(TestSnapshots.Down(TestSnapshots.ProxmoxSource(TestSnapshots.Now), TestSnapshots.Now)));

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=node-card-AIServer]").GetAttribute("data-stale")));
    }

    [Fact]
    public void Render_ContainerSummary_CountsByStateAndHealthWithFilterLinks()
    {
        var cut = Render<Overview>();

        var byState = cut.FindAll("[data-testid=containers-by-state] a");
        var running = byState.Single(a => a.TextContent.Contains("running", StringComparison.Ordinal));
        var total = Live.Current.AllContainers.Count();
        Assert.Contains($"{total - 2}", running.TextContent, StringComparison.Ordinal);
        Assert.Equal("/containers?state=running", running.GetAttribute("href"));
        Assert.Contains(byState, a => a.TextContent.Contains("restarting", StringComparison.Ordinal) && a.TextContent.Contains('1', StringComparison.Ordinal));
        var unhealthy = cut.FindAll("[data-testid=containers-by-health] a").Single(a => a.TextContent.Contains("unhealthy", StringComparison.Ordinal));
        Assert.Contains("1", unhealthy.TextContent, StringComparison.Ordinal);
        Assert.Equal("/containers?health=unhealthy", unhealthy.GetAttribute("href"));
    }

    [Fact]
    public void Render_Storage_ShowsEveryNodeAndTheDasWithUsage()
    {
        var cut = Render<Overview>();

        var das = cut.Find("[data-testid='storage-storage/MediaServer/das']");
        Assert.Contains("71%", das.TextContent, StringComparison.Ordinal);
        Assert.Contains("5.7 / 8.0 TiB", das.TextContent, StringComparison.Ordinal);
        Assert.Equal(7, cut.FindAll("[data-testid=storage-card] .hl-storage-row").Count);
    }

    [Fact]
    public void Render_GuestsCompact_ListsEveryGuestWithItsStatus()
    {
        var cut = Render<Overview>();

        var rows = cut.FindAll("[data-testid=guests-card] tbody tr");
        Assert.Equal(7, rows.Count);
        Assert.Contains(rows, r => r.TextContent.Contains("valheim-server", StringComparison.Ordinal) && r.TextContent.Contains("stopped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dispose_Page_EndsItsSubscription()
    {
        var cut = Render<Overview>();
        cut.WaitForAssertion(() => Assert.True(Live.SubscriberCount >= 1));
        var before = Live.SubscriberCount;

        await DisposeComponentsAsync();

        Assert.True(Live.SubscriberCount < before);
    }

    [Fact]
    public void Render_WithDownloads_ShowsTheDownloadsCardWithCountsSpeedsAndTheVpn()
    {
        Live.Current = TestSnapshots.SeedWithDownloads();

        var cut = Render<Overview>();

        var card = cut.Find("[data-testid=downloads-card]");
        Assert.Contains("all 16", card.TextContent, StringComparison.Ordinal);
        string[] counts = [.. card.QuerySelectorAll("[data-testid=downloads-counts] a").Select(a => System.Text.RegularExpressions.Regex.Replace(a.TextContent.Trim(), @"\s+", " "))];
        Assert.Equal(["9 downloading", "5 seeding", "2 stalled", "1 errored"], counts);
        Assert.Equal("/torrents?filter=errored", card.QuerySelector("[data-testid=downloads-count-errored]")!.GetAttribute("href"));
        Assert.Contains("hl-level-critical", card.QuerySelector("[data-testid=downloads-count-errored]")!.ClassName, StringComparison.Ordinal);
        var speed = card.QuerySelector("[data-testid=downloads-speed]")!.TextContent;
        Assert.Contains("21.9 MiB/s", speed, StringComparison.Ordinal);
        Assert.Contains("1.7 MiB/s", speed, StringComparison.Ordinal);
        Assert.Equal("running", card.QuerySelector("[data-testid=vpn-badge]")!.GetAttribute("data-vpn-state"));
        Assert.Empty(cut.FindAll("[data-testid=vpn-leak-warning]"));
    }

    [Fact]
    public void Render_NoDownloadClientOrVpn_NoDownloadsCard()
    {
        var cut = Render<Overview>();

        Assert.Empty(cut.FindAll("[data-testid=downloads-card]"));
        Assert.Empty(cut.FindAll("[data-testid=vpn-badge]"));
    }

    [Fact]
    public void Push_TorrentFinishes_DownloadsCardCountsFollow()
    {
        Live.Current = TestSnapshots.SeedWithDownloads();
        var cut = Render<Overview>();
        var severance = TestSnapshots.FindTorrent(Live.Current, "Severance.S02E07.1080p.WEB.H264-SuccessfulCrab");

        Live.Push(new TorrentsChanged([severance with { State = Homelab.Domain.Downloads.TorrentState.Uploading, Progress = 1, DownloadSpeed = 0 }], [], null, null, null, TestSnapshots.Now));

        cut.WaitForAssertion(() => Assert.Contains("6", cut.Find("[data-testid=downloads-count-seeding]").TextContent, StringComparison.Ordinal));
        Assert.Contains("8", cut.Find("[data-testid=downloads-count-downloading]").TextContent, StringComparison.Ordinal);
    }
}
