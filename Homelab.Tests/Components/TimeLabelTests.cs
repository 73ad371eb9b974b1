using Bunit;
using Homelab.Dashboard.Components.Controls;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Components;

/// <summary>Relative times tick with the shared UiClock, re-render only when their text changes, and turn stale on their own.</summary>
public sealed class TimeLabelTests : HomelabComponentTestBase
{
    [Fact]
    public void FreshnessLabel_TimePassesWithoutNews_TurnsStale()
    {
        var source = TestSnapshots.ProxmoxSource(TestSnapshots.Now);
        var cut = Render<FreshnessLabel>(p => p.Add(c => c.Source, source));
        Assert.Equal("updated 1 s ago", cut.Find("[data-testid=freshness]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=stale-chip]"));

        Time.Advance(TimeSpan.FromSeconds(3));
        cut.WaitForAssertion(() => Assert.Equal("updated 4 s ago", cut.Find("[data-testid=freshness]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=stale-chip]"));

        Time.Advance(TimeSpan.FromSeconds(4));

        cut.WaitForAssertion(() => Assert.Equal("stale", cut.Find("[data-testid=stale-chip]").TextContent));
        Assert.Equal("updated 8 s ago", cut.Find("[data-testid=freshness]").TextContent);
        Assert.Equal("stale", cut.Find(".hl-fresh").GetAttribute("data-health"));
    }

    [Fact]
    public void RelativeTime_SameText_DoesNotReRender()
    {
        var cut = Render<RelativeTime>(p => p.Add(c => c.At, TestSnapshots.Now - TimeSpan.FromMinutes(2)));
        Assert.Equal("2 min ago", cut.Find("time").TextContent);
        var renders = cut.RenderCount;

        for (var i = 0; i < 5; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(renders, cut.RenderCount);
        Time.Advance(TimeSpan.FromSeconds(55));
        cut.WaitForAssertion(() => Assert.Equal("3 min ago", cut.Find("time").TextContent));
        Assert.Equal(renders + 1, cut.RenderCount);
    }

    [Fact]
    public void RelativeTime_Future_CountsDown()
    {
        var cut = Render<RelativeTime>(p => p.Add(c => c.At, TestSnapshots.Now + TimeSpan.FromSeconds(10)));
        Assert.Equal("in 10 s", cut.Find("time").TextContent);

        Time.Advance(TimeSpan.FromSeconds(4));

        cut.WaitForAssertion(() => Assert.Equal("in 6 s", cut.Find("time").TextContent));
        Assert.Equal("2026-11-26 12:00:10 UTC", cut.Find("time").GetAttribute("title"));
    }

    [Fact]
    public async Task Dispose_StopsListeningToTheClock()
    {
        var cut = Render<RelativeTime>(p => p.Add(c => c.At, TestSnapshots.Now));
        var renders = cut.RenderCount;

        await DisposeComponentsAsync();
        Time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(renders, cut.RenderCount);
    }
}
