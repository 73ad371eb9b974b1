using Homelab.Dashboard.Model;
using Homelab.Domain.Sources;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Model;

public sealed class SourcesModelTests
{
    private static readonly DateTimeOffset s_now = TestSnapshots.Now;

    [Fact]
    public void Summary_AllFresh() =>
        Assert.Equal(new SourcesSummaryModel("all sources fresh", SourceHealth.Fresh, 2),
            SourcesSummaryModel.From([TestSnapshots.ProxmoxSource(s_now), TestSnapshots.DockerSource(s_now)]));

    [Fact]
    public void Summary_OneDown_SaysSoAndIsTheWorst()
    {
        var summary = SourcesSummaryModel.From([TestSnapshots.Down(TestSnapshots.ProxmoxSource(s_now), s_now), TestSnapshots.DockerSource(s_now)]);

        Assert.Equal("1 down", summary.Text);
        Assert.Equal(SourceHealth.Down, summary.Worst);
    }

    [Fact]
    public void Summary_Mixed_ListsEveryProblem()
    {
        var summary = SourcesSummaryModel.From(
        [
            TestSnapshots.Down(TestSnapshots.ProxmoxSource(s_now), s_now),
            TestSnapshots.DockerSource(s_now) with { Health = SourceHealth.Stale },
            TestSnapshots.DockerSource(s_now) with { Id = "docker/b", Health = SourceHealth.Pending },
        ]);

        Assert.Equal("1 down, 1 stale, 1 pending", summary.Text);
    }

    [Fact]
    public void Summary_NoSources() => Assert.Equal("no sources", SourcesSummaryModel.From([]).Text);

    [Fact]
    public void Row_RecoveredSource_KeepsTheErrorAsHistory()
    {
        var recovered = TestSnapshots.Down(TestSnapshots.ProxmoxSource(s_now), s_now - TimeSpan.FromMinutes(1))
            .WithSuccess(s_now, TimeSpan.FromMilliseconds(40));

        var row = SourceRowModel.From(recovered);

        Assert.Equal(SourceHealth.Fresh, row.Health);
        Assert.NotNull(row.LastError);
        Assert.True(row.ErrorIsHistory);
        Assert.Equal(0, row.FailuresInARow);
        Assert.Equal("every 3 s", row.Interval);
        Assert.Equal("40 ms", row.Latency);
    }
}
