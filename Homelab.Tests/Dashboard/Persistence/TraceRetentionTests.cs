using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Persistence.Traces;
using Homelab.Tests.Shared;
using Microsoft.Extensions.Time.Testing;
using static Homelab.Tests.Dashboard.Persistence.TestTraces;

namespace Homelab.Tests.Dashboard.Persistence;

/// <summary>Old traces go, in chunks, at start and every hour; recent ones and their rollups stay.</summary>
public sealed class TraceRetentionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Prune_MixedAges_DeletesOnlyOlderTracesTheirExchangesAndWholeOldHours()
    {
        await using var db = await TestDatabase.CreateAsync();
        var old = Enumerable.Range(0, 4500).Select(i => Call(Noon.AddDays(-40).AddSeconds(i)) with { Exchange = "{}" }).ToArray();
        var kept = Call(Noon.AddDays(-29)) with { Exchange = "{}" };
        await db.RecordAsync([.. old, kept]);

        var pruned = await db.Traces.PruneAsync(Noon.AddDays(-30), Ct);

        Assert.Equal(4500, pruned);
        Assert.Equal(1L, await db.ScalarAsync("SELECT count(*) FROM traces;"));
        Assert.Equal(1L, await db.ScalarAsync("SELECT count(*) FROM trace_exchanges;"));
        Assert.Equal(1L, await db.ScalarAsync("SELECT count(*) FROM trace_hours;"));
        Assert.NotNull(await db.Traces.GetAsync(kept.Id, Ct));
    }

    [Fact]
    public async Task Retention_AtStartAndEachHour_PrunesWithTheConfiguredRetention()
    {
        await using var db = await TestDatabase.CreateAsync();
        var time = new FakeTimeProvider(Noon);
        var options = new StaticOptionsMonitor(new HomelabOptions { Traces = new TracesOptions { Retention = TimeSpan.FromDays(2) } });
        var stale = Call(Noon.AddDays(-3));
        var soonStale = Call(Noon.AddDays(-2).AddMinutes(30));
        var fresh = Call(Noon.AddHours(-1));
        await db.RecordAsync(stale, soonStale, fresh);
        using var retention = new TraceRetention(db.Traces, options, time, db.Logs.CreateLogger<TraceRetention>(), db.Location);

        await retention.StartAsync(Ct);
        await WaitForAsync(async () => await db.Traces.GetAsync(stale.Id, Ct) is null);
        Assert.NotNull(await db.Traces.GetAsync(soonStale.Id, Ct));

        // Minute by minute: the hourly timer is created only after the first prune, at a moment the test cannot see.
        await WaitForAsync(async () =>
        {
            time.Advance(TimeSpan.FromMinutes(1));
            return await db.Traces.GetAsync(soonStale.Id, Ct) is null;
        });
        Assert.True(time.GetUtcNow() - Noon >= TraceRetention.Interval);

        Assert.NotNull(await db.Traces.GetAsync(fresh.Id, Ct));
        await retention.StopAsync(Ct);
    }

    [Fact]
    public async Task PruneOnce_NothingOlderThanTheRetention_LeavesTheStoreAlone()
    {
        // The store behind the pages is EF Core; an idle dashboard with nothing to prune must not load it.
        await using var db = await TestDatabase.CreateAsync();
        await db.RecordAsync(Call(Noon.AddHours(-1)));
        var store = new Homelab.Tests.Shared.TestTraceStore();
        var options = new StaticOptionsMonitor(new HomelabOptions { Traces = new TracesOptions { Retention = TimeSpan.FromDays(2) } });
        using var retention = new TraceRetention(store, options, new FakeTimeProvider(Noon), db.Logs.CreateLogger<TraceRetention>(), db.Location);

        await retention.PruneOnceAsync(Ct);
        Assert.Equal(0, store.Prunes);

        await db.RecordAsync(Call(Noon.AddDays(-3)));
        await retention.PruneOnceAsync(Ct);
        Assert.Equal(1, store.Prunes);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 500 && !await condition(); i++)
        {
            await Task.Delay(10, Ct);
        }

        Assert.True(await condition());
    }
}
