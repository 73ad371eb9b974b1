using Homelab.Domain.Agent.Traces;

namespace Homelab.Tests.Domain.Agent;

public sealed class TraceStatsBuilderTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 26, 12, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 5)]
    [InlineData(6, 15)]
    [InlineData(24, 60)]
    [InlineData(168, 360)]
    [InlineData(720, 1440)]
    public void BucketWidthFor_Window_GivesAReadableNumberOfPoints(int hours, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), TraceStats.BucketWidthFor(TimeSpan.FromHours(hours)));
    }

    [Fact]
    public void WholeHours_DayNotOnTheHour_AreTheHoursInsideTheWindow()
    {
        var builder = new TraceStatsBuilder(TimeSpan.FromHours(24), s_now);

        Assert.Equal((s_now.AddHours(-23.5), s_now.AddHours(-0.5)), builder.WholeHours);
    }

    [Fact]
    public void WholeHours_SubHourBuckets_AreNull()
    {
        Assert.Null(new TraceStatsBuilder(TimeSpan.FromHours(6), s_now).WholeHours);
    }

    [Fact]
    public void AddCall_OutsideTheWindow_IsIgnored()
    {
        var builder = new TraceStatsBuilder(TimeSpan.FromHours(1), s_now);
        builder.AddCall(s_now.ToUnixTimeMilliseconds(), "c", "m", TraceOutcome.Ok, 10, 10, null, null, 0, 0, 0);
        builder.AddCall(s_now.AddHours(-1).AddMilliseconds(-1).ToUnixTimeMilliseconds(), "c", "m", TraceOutcome.Ok, 10, 10, null, null, 0, 0, 0);
        builder.AddCall(s_now.AddHours(-1).ToUnixTimeMilliseconds(), "c", "m", TraceOutcome.Ok, 10, 10, null, null, 0, 0, 0);

        Assert.Equal(1, builder.Build().Totals.Calls);
    }

    [Fact]
    public void AddHour_PartlyOutsideTheWindow_Throws()
    {
        var builder = new TraceStatsBuilder(TimeSpan.FromHours(24), s_now);

        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddHour(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero), "c", "m", new TraceAccumulator()));
    }

    [Fact]
    public void Build_HoursAndCalls_LandInTheirChartBuckets()
    {
        var builder = new TraceStatsBuilder(TimeSpan.FromHours(24), s_now);
        var hour = new TraceAccumulator();
        hour.Add(TraceOutcome.Ok, 100, 100, null, null, 0, 0, 0);
        hour.Add(TraceOutcome.Error, 200, 200, null, null, 0, 0, 0);
        builder.AddHour(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero), "c", "m", hour);
        builder.AddCall(s_now.AddMinutes(-1).ToUnixTimeMilliseconds(), "c", "m", TraceOutcome.Ok, 50, 50, null, null, 0, 0, 0);

        var stats = builder.Build();

        Assert.Equal(25, stats.LatencySeries.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), stats.LatencySeries[0].Start);
        Assert.Equal(2, stats.LatencySeries.Single(b => b.Start.Hour == 3).Calls);
        Assert.Equal(1, stats.LatencySeries[^1].Calls);
        Assert.Equal(3, stats.Totals.Calls);
        Assert.Equal(1.0 / 3, stats.Totals.ErrorRate, 1e-12);
    }

    [Fact]
    public void Build_Generation_TimeToFirstTokenIsNotGenerationTime()
    {
        var trace = new ModelCallTrace { At = s_now, Caller = "c", Model = "m", Latency = TimeSpan.FromSeconds(3), TimeToFirstToken = TimeSpan.FromSeconds(1), CompletionTokens = 100, Outcome = TraceOutcome.Ok };
        var accumulator = new TraceAccumulator();
        accumulator.Add(trace);

        Assert.Equal(50, accumulator.ToTotals().TokensPerSecond);
    }
}
