using System.Diagnostics;
using System.Globalization;
using Homelab.Dashboard.Persistence;
using Homelab.Dashboard.Persistence.Traces;
using Homelab.Domain.Agent.Traces;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using TraceFilter = Homelab.Domain.Agent.Traces.TraceFilter;

namespace Homelab.Bench;

/// <summary>
/// The trace store at a million rows: fills a fresh SQLite file through the real store (queue, writer, rollups),
/// then times the stats and list queries the /traces page makes.
/// </summary>
internal static class TracesBench
{
    private static readonly string[] s_callers = ["chat.agent.r0", "chat.agent.r1", "chat.agent.r2", "chat.agent.r3", "chat.title", "smart_fixer.r0", "smart_fixer.r1", "evals.judge", "api.agent.r0"];
    private static readonly string[] s_models = ["qwen3.5:35b-a3b", "qwen3.5:4b", "qwen3-embedding:0.6b"];
    private static readonly string[] s_tools = ["list_containers", "restart_container", "get_cluster", "list_torrents", "search_library"];

    public static async Task<int> RunAsync(int count)
    {
        var directory = Directory.CreateTempSubdirectory("homelab-traces-bench-").FullName;
        var file = Path.Combine(directory, "homelab.db");
        var location = new DatabaseLocation(new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString());
        var contexts = new PooledDbContextFactory<HomelabDbContext>(new DbContextOptionsBuilder<HomelabDbContext>().UseSqlite(location.ConnectionString).Options);
        await new DatabaseInitializer(location, NullLogger<DatabaseInitializer>.Instance).StartAsync(CancellationToken.None);

        var queue = new TraceQueue(NullLogger<TraceQueue>.Instance);
        using var writer = new TraceWriter(queue, location, NullLogger<TraceWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        var store = new EfTraceStore(queue, contexts);

        // A week ending a little after the hour, so every window has partial hours at its edges.
        var now = new DateTimeOffset(2026, 11, 26, 12, 23, 45, TimeSpan.Zero);
        var start = now - TimeSpan.FromDays(7);
        var step = TimeSpan.FromDays(7).Ticks / count;
        var random = new Random(42);
        Console.Error.WriteLine($"Recording {count:N0} traces over 7 days…");
        var fill = Stopwatch.StartNew();
        const int Chunk = 5_000;
        for (var done = 0; done < count; done += Chunk)
        {
            for (var i = done; i < Math.Min(count, done + Chunk); i++)
            {
                store.Record(Trace(random, start + TimeSpan.FromTicks(step * i)));
            }

            // The queue holds 10,000: wait for the writer rather than overrun it (the app drops instead).
            await store.FlushAsync(CancellationToken.None);
        }

        var fillTime = fill.Elapsed;
        var size = new FileInfo(file).Length + (File.Exists(file + "-wal") ? new FileInfo(file + "-wal").Length : 0);
        var results = new List<(string Measure, string Value)>
        {
            ($"Insert rate, {count:N0} traces through the store (queue → batched writer, rollups included)", $"{count / fillTime.TotalSeconds:N0} rows/s ({fillTime.TotalSeconds:0.0} s)"),
            ("Dropped while filling", queue.Dropped.ToString(CultureInfo.InvariantCulture)),
            ("Database size", $"{size / 1024.0 / 1024:0} MiB"),
        };

        results.Add(("Stats, 1 h window (p50 / p95 of 30 runs)", await TimeAsync(() => store.StatsAsync(TimeSpan.FromHours(1), now, CancellationToken.None))));
        results.Add(("Stats, 24 h window (p50 / p95 of 30 runs)", await TimeAsync(() => store.StatsAsync(TimeSpan.FromHours(24), now, CancellationToken.None))));
        results.Add(("Stats, 7 d window (p50 / p95 of 30 runs)", await TimeAsync(() => store.StatsAsync(TimeSpan.FromDays(7), now, CancellationToken.None))));
        results.Add(("List, newest 50, no filter", await TimeAsync(() => store.QueryAsync(new TraceFilter(), CancellationToken.None))));
        results.Add(("List, 50 by caller prefix `chat.agent`", await TimeAsync(() => store.QueryAsync(new TraceFilter { Caller = "chat.agent" }, CancellationToken.None))));
        results.Add(("List, 50 errors of one model in the last 24 h", await TimeAsync(() => store.QueryAsync(new TraceFilter { Model = s_models[1], Outcome = TraceOutcome.Error, From = now.AddDays(-1), To = now }, CancellationToken.None))));
        var deep = await store.QueryAsync(new TraceFilter { Caller = "evals.judge", To = now.AddDays(-5) }, CancellationToken.None);
        results.Add(("List, next page of 50 (keyset) five days back", await TimeAsync(() => store.QueryAsync(new TraceFilter { Caller = "evals.judge", After = deep.Next }, CancellationToken.None))));
        var sample = deep.Items[0].Id;
        results.Add(("Detail, one trace with its exchange", await TimeAsync(() => store.GetAsync(sample, CancellationToken.None))));

        var stats = await store.StatsAsync(TimeSpan.FromHours(24), now, CancellationToken.None);
        Console.Error.WriteLine($"24 h: {stats.Totals.Calls:N0} calls, error rate {stats.Totals.ErrorRate:P1}, p50 {stats.Totals.P50Latency?.TotalMilliseconds:0} ms, p95 {stats.Totals.P95Latency?.TotalMilliseconds:0} ms, {stats.Totals.TokensPerSecond:0.0} tokens/s, tool success {stats.Totals.ToolSuccessRate:P1}");

        await writer.StopAsync(CancellationToken.None);
        Console.WriteLine();
        Console.WriteLine("| Trace store measure | Result |");
        Console.WriteLine("|---|---|");
        foreach (var (measure, value) in results)
        {
            Console.WriteLine($"| {measure} | {value} |");
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return 0;
    }

    private static async Task<string> TimeAsync<T>(Func<Task<T>> query)
    {
        for (var i = 0; i < 3; i++)
        {
            await query();
        }

        var times = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            var clock = Stopwatch.StartNew();
            await query();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return $"{times[14]:0.0} ms / {times[28]:0.0} ms";
    }

    private static ModelCallTrace Trace(Random random, DateTimeOffset at)
    {
        var caller = s_callers[random.Next(s_callers.Length)];
        var model = s_models[caller == "chat.title" ? 1 : random.Next(s_models.Length)];

        // Log-normal latencies around a second and a half, a long tail to a minute.
        var latency = Math.Clamp(Math.Exp(7.3 + (Gaussian(random) * 0.8)), 50, 60_000);
        var firstToken = latency * (0.1 + (random.NextDouble() * 0.3));
        var outcome = random.Next(100) switch { < 3 => TraceOutcome.Error, < 4 => TraceOutcome.Cancelled, _ => TraceOutcome.Ok };
        var tools = caller.Contains("agent", StringComparison.Ordinal) ? random.Next(4) : 0;
        var failed = tools > 0 && random.Next(10) == 0 ? 1 : 0;
        var names = Enumerable.Range(0, tools).Select(_ => s_tools[random.Next(s_tools.Length)]).ToArray();
        return new ModelCallTrace
        {
            Id = Guid.CreateVersion7(at),
            At = at,
            Caller = caller,
            Model = model,
            Latency = TimeSpan.FromMilliseconds(latency),
            TimeToFirstToken = TimeSpan.FromMilliseconds(firstToken),
            PromptTokens = 800 + random.Next(6000),
            CompletionTokens = outcome == TraceOutcome.Ok ? 20 + random.Next(600) : null,
            ToolCallCount = tools,
            ToolNames = [.. names],
            ToolCallsSucceeded = tools - failed,
            ToolCallsFailed = failed,
            Outcome = outcome,
            Error = outcome == TraceOutcome.Error ? "model runner has unexpectedly stopped" : null,
            PromptPreview = "How is the homelab doing? Anything that needs my attention tonight, and is the VPN still up?",
            ResponsePreview = "All three nodes are online. bazarr restarted twice in the last hour; the VPN is connected through Amsterdam.",
            Exchange = $$$"""{"messages":[{"role":"system","content":"You are the homelab assistant."},{"role":"user","content":"How is the homelab doing?"}],"tools":{{{tools}}},"response":{"role":"assistant","content":"All three nodes are online. bazarr restarted twice in the last hour; the VPN is connected through Amsterdam."}}""",
        };
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
