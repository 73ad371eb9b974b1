using Homelab.Domain.Agent.Traces;
using Microsoft.Extensions.Time.Testing;
using static Homelab.Tests.Dashboard.Persistence.TestTraces;

namespace Homelab.Tests.Dashboard.Persistence;

/// <summary>Stats from hourly rollups plus raw edge rows, checked against known numbers.</summary>
public sealed class EfTraceStoreStatsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stats_KnownLatencies_ReportsPercentilesWithinHistogramAccuracy()
    {
        await using var db = await TestDatabase.CreateAsync();
        var time = new FakeTimeProvider(Noon.AddMinutes(17));

        // 10 ms, 20 ms … 1000 ms, spread over the last 20 hours: nearest-rank p50 is 500 ms, p95 is 950 ms.
        await db.RecordAsync([.. Enumerable.Range(1, 100).Select(i => Call(time.GetUtcNow().AddMinutes(-12 * i), latencyMs: i * 10))]);
        var stats = await db.Traces.StatsAsync(TimeSpan.FromHours(24), time.GetUtcNow(), Ct);

        Assert.Equal(100, stats.Totals.Calls);
        Assert.Equal(500, stats.Totals.P50Latency!.Value.TotalMilliseconds, 500 * LatencyHistogram.RelativeAccuracy);
        Assert.Equal(950, stats.Totals.P95Latency!.Value.TotalMilliseconds, 950 * LatencyHistogram.RelativeAccuracy);
        Assert.Equal(505, stats.Totals.MeanLatency!.Value.TotalMilliseconds, 0.001);
    }

    [Fact]
    public async Task Stats_ErrorsTokensAndTools_ComputesRates()
    {
        await using var db = await TestDatabase.CreateAsync();
        var time = new FakeTimeProvider(Noon);
        var at = Noon.AddHours(-5);
        await db.RecordAsync(
            Call(at, latencyMs: 2500) with { TimeToFirstToken = TimeSpan.FromMilliseconds(500), PromptTokens = 1000, CompletionTokens = 100, ToolCallCount = 3, ToolCallsSucceeded = 3 },
            Call(at, latencyMs: 4000) with { PromptTokens = 2000, CompletionTokens = 300, ToolCallCount = 1, ToolCallsFailed = 1 },
            Call(at, latencyMs: 100, outcome: TraceOutcome.Error),
            Call(at, latencyMs: 100, outcome: TraceOutcome.Cancelled));

        var totals = (await db.Traces.StatsAsync(TimeSpan.FromHours(24), time.GetUtcNow(), Ct)).Totals;

        Assert.Equal(4, totals.Calls);
        Assert.Equal(1, totals.Errors);
        Assert.Equal(1, totals.Cancelled);
        Assert.Equal(0.25, totals.ErrorRate);
        Assert.Equal(3000, totals.PromptTokens);
        Assert.Equal(400, totals.CompletionTokens);

        // 400 tokens over 2 s + 4 s of generation; the calls without counts do not dilute it.
        Assert.Equal(400 / 6.0, totals.TokensPerSecond!.Value, 1e-9);
        Assert.Equal(4, totals.ToolCalls);
        Assert.Equal(0.75, totals.ToolSuccessRate);
    }

    [Fact]
    public async Task Stats_Breakdowns_AreBusiestFirstPerCallerAndModel()
    {
        await using var db = await TestDatabase.CreateAsync();
        var at = Noon.AddHours(-2);
        await db.RecordAsync(
            Call(at, caller: "chat.agent.r0", model: "big"),
            Call(at, caller: "chat.agent.r0", model: "big", outcome: TraceOutcome.Error),
            Call(at, caller: "chat.agent.r1", model: "big"),
            Call(at, caller: "chat.title", model: "small"));

        var stats = await db.Traces.StatsAsync(TimeSpan.FromHours(24), Noon, Ct);

        Assert.Equal(["chat.agent.r0", "chat.agent.r1", "chat.title"], stats.ByCaller.Select(b => b.Name));
        Assert.Equal([2L, 1L, 1L], stats.ByCaller.Select(b => b.Totals.Calls));
        Assert.Equal(0.5, stats.ByCaller[0].Totals.ErrorRate);
        Assert.Equal(["big", "small"], stats.ByModel.Select(b => b.Name));
        Assert.Equal([3L, 1L], stats.ByModel.Select(b => b.Totals.Calls));
    }

    [Fact]
    public async Task Stats_OneHour_HasTwelveFiveMinuteBucketsFromRawRows()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.RecordAsync(Call(Noon.AddMinutes(-3), latencyMs: 100), Call(Noon.AddMinutes(-4), latencyMs: 300), Call(Noon.AddMinutes(-58), latencyMs: 2000), Call(Noon.AddMinutes(-61)));

        var stats = await db.Traces.StatsAsync(TimeSpan.FromHours(1), Noon, Ct);

        Assert.Equal(TimeSpan.FromMinutes(5), stats.BucketWidth);
        Assert.Equal(12, stats.LatencySeries.Count);
        Assert.Equal(Noon.AddHours(-1), stats.LatencySeries[0].Start);
        Assert.Equal(1, stats.LatencySeries[0].Calls);
        Assert.Equal(2000, stats.LatencySeries[0].P50!.Value.TotalMilliseconds, 2000 * LatencyHistogram.RelativeAccuracy);
        Assert.Equal(2, stats.LatencySeries[11].Calls);
        Assert.Equal(300, stats.LatencySeries[11].P95!.Value.TotalMilliseconds, 300 * LatencyHistogram.RelativeAccuracy);
        Assert.Equal(3, stats.Totals.Calls);
        Assert.All(stats.LatencySeries.Skip(1).Take(10), b => Assert.Equal(0, b.Calls));
    }

    [Fact]
    public async Task Stats_WindowNotOnTheHour_MatchesStatsBuiltFromEveryRawCall()
    {
        await using var db = await TestDatabase.CreateAsync();
        var now = Noon.AddMinutes(37).AddSeconds(11);
        var random = new Random(7);
        string[] callers = ["chat.agent.r0", "chat.agent.r1", "chat.title", "evals.judge"];
        string[] models = ["big", "small"];
        var traces = Enumerable.Range(0, 3000).Select(_ => Call(
            now.AddMilliseconds(-random.NextInt64((long)TimeSpan.FromHours(30).TotalMilliseconds)),
            callers[random.Next(callers.Length)],
            models[random.Next(models.Length)],
            latencyMs: Math.Exp(random.NextDouble() * 10),
            outcome: random.Next(20) == 0 ? TraceOutcome.Error : TraceOutcome.Ok) with
        {
            TimeToFirstToken = TimeSpan.FromMilliseconds(random.Next(5)),
            CompletionTokens = random.Next(500),
            PromptTokens = random.Next(5000),
            ToolCallCount = 2,
            ToolCallsSucceeded = random.Next(3),
        }).ToArray();
        await db.RecordAsync(traces);

        foreach (var window in new[] { TimeSpan.FromHours(1), TimeSpan.FromHours(24), TimeSpan.FromDays(7) })
        {
            var expected = new TraceStatsBuilder(window, now);
            foreach (var t in traces)
            {
                var at = t.At.ToUnixTimeMilliseconds();
                expected.AddCall(at, t.Caller, t.Model, t.Outcome, t.Latency.TotalMilliseconds, t.GenerationTime.TotalMilliseconds, t.PromptTokens, t.CompletionTokens, t.ToolCallCount, t.ToolCallsSucceeded, t.ToolCallsFailed);
            }

            var actual = await db.Traces.StatsAsync(window, now, Ct);
            var wanted = expected.Build();

            Assert.Equal(wanted.Totals.Calls, actual.Totals.Calls);
            Assert.Equal(wanted.Totals.P50Latency, actual.Totals.P50Latency);
            Assert.Equal(wanted.Totals.P95Latency, actual.Totals.P95Latency);
            Assert.Equal(wanted.Totals.TokensPerSecond!.Value, actual.Totals.TokensPerSecond!.Value, 1e-6);
            Assert.Equal(wanted.Totals with { TokensPerSecond = null, MeanLatency = null }, actual.Totals with { TokensPerSecond = null, MeanLatency = null });
            Assert.Equal(wanted.ByCaller.Select(b => (b.Name, b.Totals.Calls, b.Totals.P95Latency)), actual.ByCaller.Select(b => (b.Name, b.Totals.Calls, b.Totals.P95Latency)));
            Assert.Equal(wanted.ByModel.Select(b => (b.Name, b.Totals.Calls, b.Totals.Errors)), actual.ByModel.Select(b => (b.Name, b.Totals.Calls, b.Totals.Errors)));
            Assert.Equal(wanted.LatencySeries, actual.LatencySeries);
        }
    }

    [Fact]
    public async Task Stats_Empty_ReportsZerosAndNulls()
    {
        await using var db = await TestDatabase.CreateAsync();

        var stats = await db.Traces.StatsAsync(TimeSpan.FromDays(7), Noon, Ct);

        Assert.Equal(0, stats.Totals.Calls);
        Assert.Equal(0, stats.Totals.ErrorRate);
        Assert.Null(stats.Totals.P50Latency);
        Assert.Null(stats.Totals.TokensPerSecond);
        Assert.Null(stats.Totals.ToolSuccessRate);
        Assert.Equal(TimeSpan.FromHours(6), stats.BucketWidth);
        Assert.Equal(28, stats.LatencySeries.Count);
    }
}
