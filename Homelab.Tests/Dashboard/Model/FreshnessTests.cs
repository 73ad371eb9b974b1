using Homelab.Dashboard.Model;
using Homelab.Domain.Sources;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Model;

public sealed class FreshnessTests
{
    private static readonly DateTimeOffset s_now = TestSnapshots.Now;

    [Fact]
    public void View_FreshSource_SaysWhenUpdated()
    {
        var view = Freshness.View(TestSnapshots.ProxmoxSource(s_now), s_now);

        Assert.Equal(SourceHealth.Fresh, view.Health);
        Assert.False(view.IsStale);
        Assert.Equal("updated 1 s ago", view.Label);
        Assert.Equal("2026-11-26 11:59:59 UTC", view.Title);
    }

    [Fact]
    public void Effective_StoreSaysFreshButTheClockHasMovedOn_IsStale()
    {
        var source = TestSnapshots.ProxmoxSource(s_now);

        Assert.Equal(SourceHealth.Stale, Freshness.Effective(source, s_now + TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Effective_StoreSaysDown_ClockNeverMakesItBetter()
    {
        var down = TestSnapshots.Down(TestSnapshots.ProxmoxSource(s_now), s_now) with { LastSuccess = s_now };

        Assert.Equal(SourceHealth.Down, Freshness.Effective(down, s_now));
    }

    [Fact]
    public void View_NeverAnswered_WaitsOrSaysDown()
    {
        var pending = TestSnapshots.ProxmoxSource(s_now) with { LastSuccess = null, Health = SourceHealth.Pending };
        Assert.Equal("waiting for first data", Freshness.View(pending, s_now).Label);

        var failing = pending with { LastErrorAt = s_now, LastError = new SourceError(SourceErrorKind.Unreachable, "refused"), Health = SourceHealth.Down };
        var view = Freshness.View(failing, s_now);
        Assert.True(view.IsStale);
        Assert.Equal("no data: source down", view.Label);
    }

    [Fact]
    public void View_NotConfigured_IsNotStale() => Assert.False(Freshness.View(null, s_now).IsStale);

    [Fact]
    public void LeastFresh_PicksTheWorstThenTheOldest()
    {
        var fresh = TestSnapshots.DockerSource(s_now);
        var older = fresh with { Id = "docker/b", LastSuccess = s_now - TimeSpan.FromSeconds(4) };
        var down = TestSnapshots.Down(fresh with { Id = "docker/c" }, s_now);

        Assert.Equal("docker/b", Freshness.LeastFresh([fresh, older])!.Id);
        Assert.Equal("docker/c", Freshness.LeastFresh([fresh, down, older])!.Id);
        Assert.Null(Freshness.LeastFresh([]));
    }
}
