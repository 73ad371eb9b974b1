using Bunit;
using Homelab.Dashboard.Components.Controls;
using Homelab.Dashboard.Model;
using Homelab.Domain.Cluster;
using Homelab.Domain.Sources;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Components;

public sealed class NodeCardTests : HomelabComponentTestBase
{
    private static ClusterNode MediaServer() => new()
    {
        Name = "MediaServer",
        Status = NodeStatus.Online,
        Cpu = 0.12,
        MaxCpu = 16,
        MemoryUsed = 7 * TestSnapshots.GiB,
        MemoryTotal = 28 * TestSnapshots.GiB,
        RootUsed = 47 * TestSnapshots.GiB,
        RootTotal = 94 * TestSnapshots.GiB,
        Uptime = TimeSpan.FromDays(3) + TimeSpan.FromHours(4),
        CpuModel = "AMD Ryzen 7 8845HS w/ Radeon 780M Graphics",
        LoadAverage = [0.42, 0.51, 0.6],
        History =
        [
            new NodeSample(TestSnapshots.Now.AddMinutes(-2), 0.10, 6 * TestSnapshots.GiB, 28 * TestSnapshots.GiB, null, null, null, null),
            new NodeSample(TestSnapshots.Now.AddMinutes(-1), 0.20, 7 * TestSnapshots.GiB, 28 * TestSnapshots.GiB, null, null, null, null),
            new NodeSample(TestSnapshots.Now, 0.12, 7 * TestSnapshots.GiB, 28 * TestSnapshots.GiB, null, null, null, null),
        ],
    };

    private IRenderedComponent<NodeCard> RenderCard(ClusterNode node, SourceStatus? source) =>
        Render<NodeCard>(p => p.Add(c => c.Node, NodeCardModel.From(node)).Add(c => c.Source, source));

    [Fact]
    public void Render_OnlineNode_ShowsNameAndGaugePercentagesComputedFromBytes()
    {
        var cut = RenderCard(MediaServer(), TestSnapshots.ProxmoxSource(TestSnapshots.Now));

        var card = cut.Find("[data-testid=node-card-MediaServer]");
        Assert.Contains("MediaServer", card.TextContent, StringComparison.Ordinal);
        var percents = cut.FindAll("[data-testid=gauge-percent]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["12%", "25%", "50%"], percents);
        Assert.Contains("7.0 / 28.0 GiB", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("47.0 / 94.0 GiB", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("of 16 threads", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("3 d 4 h", card.TextContent, StringComparison.Ordinal);
        Assert.Equal("25", cut.FindAll("[role=progressbar]")[1].GetAttribute("aria-valuenow"));
    }

    [Fact]
    public void Render_WithHistory_DrawsCpuAndMemorySparklines()
    {
        var cut = RenderCard(MediaServer(), TestSnapshots.ProxmoxSource(TestSnapshots.Now));

        var lines = cut.FindAll("svg.hl-spark-svg polyline");
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal(3, l.GetAttribute("points")!.Split(' ').Length));
        Assert.Contains("now 12%", cut.Find(".hl-spark-cpu svg").GetAttribute("aria-label"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FreshSource_IsNotStaleAndSaysWhenUpdated()
    {
        var cut = RenderCard(MediaServer(), TestSnapshots.ProxmoxSource(TestSnapshots.Now));

        Assert.Equal("false", cut.Find("[data-testid=node-card-MediaServer]").GetAttribute("data-stale"));
        Assert.Equal("updated 1 s ago", cut.Find("[data-testid=freshness]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=stale-chip]"));
    }

    [Fact]
    public void Render_SourceDown_MarksCardStaleWithAChip()
    {
        var down = TestSnapshots.Down(TestSnapshots.ProxmoxSource(TestSnapshots.Now), TestSnapshots.Now);

        var cut = RenderCard(MediaServer(), down);

        Assert.Equal("true", cut.Find("[data-testid=node-card-MediaServer]").GetAttribute("data-stale"));
        Assert.Equal("source down", cut.Find("[data-testid=stale-chip]").TextContent);
        Assert.Equal("updated 2 min ago", cut.Find("[data-testid=freshness]").TextContent);
    }

    [Fact]
    public void Render_OfflineNode_ShowsOfflineAndNoFigures()
    {
        var node = MediaServer() with { Status = NodeStatus.Offline };

        var cut = RenderCard(node, TestSnapshots.ProxmoxSource(TestSnapshots.Now));

        Assert.Equal("offline", cut.Find("[data-testid=node-status]").TextContent);
        Assert.All(cut.FindAll("[data-testid=gauge-percent]"), e => Assert.Equal("–", e.TextContent.Trim()));
    }
}
