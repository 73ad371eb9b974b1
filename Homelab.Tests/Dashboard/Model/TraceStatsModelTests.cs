using Homelab.Dashboard.Model;
using Homelab.Domain.Agent.Traces;

namespace Homelab.Tests.Dashboard.Model;

public sealed class TraceStatsModelTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_Calls_FormatsEveryTile()
    {
        var builder = new TraceStatsBuilder(TimeSpan.FromHours(1), s_now);
        Add(builder, s_now.AddMinutes(-50), "chat.agent.r0", latencyMs: 1000, ok: true, prompt: 1000, completion: 100, toolOk: 3, toolFailed: 1);
        Add(builder, s_now.AddMinutes(-10), "chat.agent.r1", latencyMs: 3000, ok: false, prompt: 2000, completion: 100, toolOk: 0, toolFailed: 0);

        var model = TraceStatsModel.From(builder.Build());

        Assert.False(model.IsEmpty);
        var tiles = model.Tiles.ToDictionary(t => t.Key);
        Assert.Equal("2", tiles["calls"].Value);
        Assert.Equal("50%", tiles["error-rate"].Value);
        Assert.True(tiles["error-rate"].Alert);
        Assert.NotEqual("–", tiles["p50"].Value);
        Assert.EndsWith(" s", tiles["p95"].Value, StringComparison.Ordinal);
        Assert.Equal("3,000", tiles["prompt-tokens"].Value);
        Assert.Equal("200", tiles["completion-tokens"].Value);
        Assert.EndsWith("tok/s", tiles["tokens-per-second"].Value, StringComparison.Ordinal);
        Assert.Equal("75%", tiles["tool-success"].Value);
        Assert.Equal(["chat.agent.r0", "chat.agent.r1"], model.ByCaller.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal("100%", model.ByCaller.Single(r => r.Name == "chat.agent.r1").ErrorRate);
    }

    [Fact]
    public void From_NoCalls_IsEmptyWithDashes()
    {
        var model = TraceStatsModel.From(new TraceStatsBuilder(TimeSpan.FromDays(1), s_now).Build());

        Assert.True(model.IsEmpty);
        var tiles = model.Tiles.ToDictionary(t => t.Key);
        Assert.Equal("0", tiles["calls"].Value);
        Assert.Equal("–", tiles["error-rate"].Value);
        Assert.Equal("–", tiles["p95"].Value);
        Assert.Equal("–", tiles["tokens-per-second"].Value);
        Assert.Equal("–", tiles["tool-success"].Value);
        Assert.Empty(model.ByModel);
    }

    [Fact]
    public void Chart_Hour_TwelveFiveMinuteBucketsWithGapsForEmptyOnes()
    {
        var builder = new TraceStatsBuilder(TimeSpan.FromHours(1), s_now);
        Add(builder, s_now.AddMinutes(-58), "a", latencyMs: 800);
        Add(builder, s_now.AddMinutes(-2), "a", latencyMs: 2000);

        var chart = TraceLatencyChart.From(builder.Build());

        Assert.Equal(12, chart.Labels.Length);
        Assert.Equal(12, chart.P50.Length);
        Assert.Equal(12, chart.P95.Length);
        Assert.Equal("11:00", chart.Labels[0]);
        Assert.InRange(chart.P50[0]!.Value, 800 * (1 - LatencyHistogram.RelativeAccuracy), 800 * (1 + LatencyHistogram.RelativeAccuracy));
        Assert.InRange(chart.P95[11]!.Value, 2000 * (1 - LatencyHistogram.RelativeAccuracy), 2000 * (1 + LatencyHistogram.RelativeAccuracy));
        Assert.All(chart.P95[1..11], v => Assert.Null(v));
        Assert.True(chart.HasData);
    }

    [Fact]
    public void Chart_Week_LabelsAtMostEightBucketsWithTheDay()
    {
        var chart = TraceLatencyChart.From(new TraceStatsBuilder(TimeSpan.FromDays(7), s_now).Build());

        Assert.Equal(28, chart.Labels.Length);
        Assert.InRange(chart.Labels.Count(l => l.Length > 0), 1, TraceLatencyChart.MaxLabels);
        Assert.Equal("Thu 12:00", chart.Labels[0]);
        Assert.False(chart.HasData);
    }

    [Fact]
    public void Chart_Day_HourlyBucketsLabelledByTime()
    {
        var stats = new TraceStatsBuilder(TimeSpan.FromDays(1), s_now).Build();

        var chart = TraceLatencyChart.From(stats);

        Assert.Equal(24, chart.Labels.Length);
        Assert.Equal("12:00", chart.Labels[0]);
        Assert.Equal("", chart.Labels[1]);
        Assert.Equal("p50 and p95 latency per 1 h, times in UTC", TraceLatencyChart.Caption(stats));
    }

    private static void Add(TraceStatsBuilder builder, DateTimeOffset at, string caller, double latencyMs, bool ok = true, int? prompt = null, int? completion = null, int toolOk = 0, int toolFailed = 0) =>
        builder.AddCall(at.ToUnixTimeMilliseconds(), caller, "qwen3.5:35b-a3b", ok ? TraceOutcome.Ok : TraceOutcome.Error, latencyMs, latencyMs, prompt, completion, toolOk + toolFailed, toolOk, toolFailed);
}
