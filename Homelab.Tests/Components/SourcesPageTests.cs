using Bunit;
using Homelab.Dashboard.Components.Layout;
using Homelab.Dashboard.Components.Pages;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Components;

public sealed class SourcesPageTests : HomelabComponentTestBase
{
    [Fact]
    public void Render_DownSource_ShowsItsErrorKindMessageAndWhen()
    {
        var down = TestSnapshots.Down(TestSnapshots.ProxmoxSource(TestSnapshots.Now), TestSnapshots.Now,
            new SourceError(SourceErrorKind.Unauthorized, "authentication failure", 401));
        Live.Current = Live.Current with { Sources = [down, TestSnapshots.DockerSource(TestSnapshots.Now)] };

        var cut = Render<SourcesPage>();

        var row = cut.Find("[data-testid=source-row-proxmox]");
        Assert.Equal("down", row.QuerySelector("[data-testid=source-health]")!.TextContent);
        var error = row.QuerySelector("[data-testid=source-error]")!.TextContent;
        Assert.Contains("Unauthorized 401", error, StringComparison.Ordinal);
        Assert.Contains("authentication failure", error, StringComparison.Ordinal);
        Assert.Contains("1 s ago", error, StringComparison.Ordinal);
        Assert.Contains("2026-11-26 11:59:59 UTC", error, StringComparison.Ordinal);
        Assert.Equal("6", row.QuerySelector("[data-testid=source-failures]")!.TextContent);
        Assert.Contains("in 30 s", row.QuerySelector("[data-testid=source-retry]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2 min ago", row.QuerySelector("[data-testid=source-last-success]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FreshSources_ShowKindEndpointSimulatedAndLatency()
    {
        var cut = Render<SourcesPage>();

        var docker = cut.Find("[data-testid='source-row-docker/docker-server']");
        Assert.Equal("fresh", docker.QuerySelector("[data-testid=source-health]")!.TextContent);
        Assert.Equal("http://127.0.0.1:12375", docker.QuerySelector("[data-testid=source-endpoint]")!.TextContent);
        Assert.NotNull(docker.QuerySelector("[data-testid=source-simulated]"));
        Assert.Contains("Docker", docker.TextContent, StringComparison.Ordinal);
        Assert.Contains("18 ms", docker.TextContent, StringComparison.Ordinal);
        Assert.Contains("none", docker.QuerySelector("[data-testid=source-error]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Push_SourceGoesDown_RowFollows()
    {
        var cut = Render<SourcesPage>();

        Live.Push(new SourceChanged(TestSnapshots.Down(TestSnapshots.DockerSource(TestSnapshots.Now), TestSnapshots.Now)));

        cut.WaitForAssertion(() =>
            Assert.Equal("down", cut.Find("[data-testid='source-row-docker/docker-server'] [data-testid=source-health]").TextContent));
    }

    [Fact]
    public void Summary_AllFresh_SaysSoAndLinksToSources()
    {
        var cut = Render<SourcesSummary>();

        var chip = cut.Find("[data-testid=sources-summary]");
        Assert.Equal("all sources fresh", chip.TextContent.Trim());
        Assert.Equal("/sources", chip.GetAttribute("href"));
    }

    [Fact]
    public void Summary_SourceGoesDown_ChipSaysOneDownLive()
    {
        var cut = Render<SourcesSummary>();

        Live.Push(new SourceChanged(TestSnapshots.Down(TestSnapshots.ProxmoxSource(TestSnapshots.Now), TestSnapshots.Now)));

        cut.WaitForAssertion(() => Assert.Equal("1 down", cut.Find("[data-testid=sources-summary]").TextContent.Trim()));
        Assert.Contains("hl-health-down", cut.Find("[data-testid=sources-summary]").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_UnchangedText_DoesNotReRender()
    {
        var cut = Render<SourcesSummary>();
        var renders = cut.RenderCount;

        Live.Push(new SourceChanged(TestSnapshots.ProxmoxSource(TestSnapshots.Now) with { LastSuccess = TestSnapshots.Now, Latency = TimeSpan.FromMilliseconds(5) }));
        Live.Push(new SourceChanged(TestSnapshots.Down(TestSnapshots.DockerSource(TestSnapshots.Now), TestSnapshots.Now)));

        cut.WaitForAssertion(() => Assert.Equal("1 down", cut.Find("[data-testid=sources-summary]").TextContent.Trim()));
        Assert.Equal(renders + 1, cut.RenderCount);
    }

    [Fact]
    public void Render_SourceWithAVersion_ShowsIt_OthersLeaveItOut()
    {
        Live.Current = TestSnapshots.SeedWithDownloads();

        var cut = Render<SourcesPage>();

        Assert.Equal("qBittorrent v5.0.4 (Web API 2.11.2)", cut.Find("[data-testid=source-row-qbittorrent] [data-testid=source-version]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=source-row-gluetun] [data-testid=source-version]"));
    }
}
