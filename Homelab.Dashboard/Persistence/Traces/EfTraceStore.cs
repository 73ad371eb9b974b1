using Homelab.Domain.Agent.Traces;
using Homelab.Domain.Common;
using Homelab.Domain.Ports;
using Microsoft.EntityFrameworkCore;

namespace Homelab.Dashboard.Persistence.Traces;

/// <summary>Model-call traces in SQLite: recorded through <see cref="TraceQueue"/>, read through EF Core.</summary>
/// <remarks>
/// Stats read whole hours from <c>trace_hours</c> (summed by the writer) and raw rows only for the partial hours at
/// the window's edges, so a day costs a few hundred rollup rows however many calls it held.
/// </remarks>
internal sealed class EfTraceStore(TraceQueue queue, IDbContextFactory<HomelabDbContext> contexts) : ITraceStore
{
    private const int PruneChunk = 2_000;

    public void Record(ModelCallTrace trace)
    {
        if (trace is not null)
        {
            queue.Enqueue(trace);
        }
    }

    public Task FlushAsync(CancellationToken cancellationToken) => queue.WaitForWrittenAsync(cancellationToken);

    public async Task<TracePage> QueryAsync(TraceFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var take = Math.Clamp(filter.Take, 1, TraceFilter.MaxTake);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        List<TraceEntry> rows;
        if (string.IsNullOrEmpty(filter.Caller))
        {
            rows = await PageAsync(Filtered(db, filter, caller: null), take, cancellationToken);
        }
        else
        {
            // A dotted prefix becomes one exact-caller query per matching caller, merged here: each is a range scan
            // of the (Caller, AtUnixMs) index, where a prefix range would need every match sorted by time.
            var prefix = filter.Caller + ".";
            var callers = await db.TraceHours.AsNoTracking().Select(h => h.Caller).Distinct()
                .Where(c => c == filter.Caller || (string.Compare(c, prefix) >= 0 && string.Compare(c, filter.Caller + "/") < 0))
                .ToListAsync(cancellationToken);
            rows = [];
            foreach (var caller in callers.Where(c => c == filter.Caller || c.StartsWith(prefix, StringComparison.Ordinal)))
            {
                rows.AddRange(await PageAsync(Filtered(db, filter, caller), take, cancellationToken));
            }

            rows = [.. rows.OrderByDescending(t => t.AtUnixMs).ThenByDescending(t => t.Id).Take(take + 1)];
        }

        var items = rows.Take(take).Select(e => ToTrace(e, exchange: null, [])).ToList();
        var next = rows.Count > take ? new TraceCursor(items[^1].At, items[^1].Id) : null;
        return new TracePage(new EquatableArray<ModelCallTrace>(items), next);
    }

    private static Task<List<TraceEntry>> PageAsync(IQueryable<TraceEntry> query, int take, CancellationToken cancellationToken) =>
        query.OrderByDescending(t => t.AtUnixMs).ThenByDescending(t => t.Id).Take(take + 1).ToListAsync(cancellationToken);

    private static IQueryable<TraceEntry> Filtered(HomelabDbContext db, TraceFilter filter, string? caller)
    {
        var query = db.Traces.AsNoTracking();
        if (caller is not null)
        {
            query = query.Where(t => t.Caller == caller);
        }

        if (!string.IsNullOrEmpty(filter.Model))
        {
            query = query.Where(t => t.Model == filter.Model);
        }

        if (filter.Outcome is { } outcome)
        {
            var text = outcome.ToString();
            query = query.Where(t => t.Outcome == text);
        }

        if (filter.From is { } from)
        {
            var fromMs = from.ToUnixTimeMilliseconds();
            query = query.Where(t => t.AtUnixMs >= fromMs);
        }

        if (filter.To is { } to)
        {
            var toMs = to.ToUnixTimeMilliseconds();
            query = query.Where(t => t.AtUnixMs < toMs);
        }

        if (filter.ConversationId is { } conversation)
        {
            query = query.Where(t => t.ConversationId == conversation);
        }

        if (filter.After is { } after)
        {
            // The first condition is implied by the second; it is there so the time index gets a range to seek to.
            var atMs = after.At.ToUnixTimeMilliseconds();
            var id = after.Id;
            query = query.Where(t => t.AtUnixMs <= atMs && (t.AtUnixMs < atMs || t.Id.CompareTo(id) < 0));
        }

        return query;
    }

    public async Task<ModelCallTrace?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entry = await db.Traces.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (entry is null)
        {
            return null;
        }

        var exchange = await db.TraceExchanges.AsNoTracking().Where(x => x.TraceId == id).Select(x => x.Json).FirstOrDefaultAsync(cancellationToken);
        var actions = await db.AuditEntries.AsNoTracking().Where(a => a.TraceId == id).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken);
        return ToTrace(entry, exchange, actions);
    }

    public async Task<TraceStats> StatsAsync(TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stats = new TraceStatsBuilder(window, now);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (stats.WholeHours is not { } hours)
        {
            await AddRawAsync(db, stats, stats.From, stats.To, cancellationToken);
            return stats.Build();
        }

        var startMs = hours.Start.ToUnixTimeMilliseconds();
        var endMs = hours.End.ToUnixTimeMilliseconds();
        var rollups = await db.TraceHours.AsNoTracking().Where(h => h.HourUnixMs >= startMs && h.HourUnixMs < endMs).ToListAsync(cancellationToken);
        foreach (var hour in rollups)
        {
            stats.AddHour(DateTimeOffset.FromUnixTimeMilliseconds(hour.HourUnixMs), hour.Caller, hour.Model, ToAccumulator(hour));
        }

        await AddRawAsync(db, stats, stats.From, hours.Start, cancellationToken);
        await AddRawAsync(db, stats, hours.End, stats.To, cancellationToken);
        return stats.Build();
    }

    public async Task<TraceNames> NamesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var callers = await db.TraceHours.AsNoTracking().Select(h => h.Caller).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);
        var models = await db.TraceHours.AsNoTracking().Select(h => h.Model).Distinct().OrderBy(m => m).ToListAsync(cancellationToken);
        return new TraceNames(new EquatableArray<string>(callers), new EquatableArray<string>(models));
    }

    public async Task<bool> LinkActionAsync(Guid traceId, long auditId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.Where(a => a.Id == auditId).ExecuteUpdateAsync(s => s.SetProperty(a => a.TraceId, traceId), cancellationToken) > 0;
    }

    public async Task<long> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var cutoffMs = cutoff.ToUnixTimeMilliseconds();
        long pruned = 0;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        while (true)
        {
            // Small chunks, each its own short transaction, so the writer and readers get in between.
            var ids = await db.Traces.AsNoTracking().Where(t => t.AtUnixMs < cutoffMs).OrderBy(t => t.AtUnixMs).Select(t => t.Id).Take(PruneChunk).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await db.TraceExchanges.Where(x => ids.Contains(x.TraceId)).ExecuteDeleteAsync(cancellationToken);
                pruned += await db.Traces.Where(t => ids.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            await Task.Yield();
        }

        // Only hours wholly before the cutoff: the hour it falls in still holds kept calls.
        await db.TraceHours.Where(h => h.HourUnixMs + 3_600_000 <= cutoffMs).ExecuteDeleteAsync(cancellationToken);
        return pruned;
    }

    private static async Task AddRawAsync(HomelabDbContext db, TraceStatsBuilder stats, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (from >= to)
        {
            return;
        }

        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();
        var rows = db.Traces.AsNoTracking()
            .Where(t => t.AtUnixMs >= fromMs && t.AtUnixMs < toMs)
            .Select(t => new { t.AtUnixMs, t.Caller, t.Model, t.Outcome, t.LatencyMs, t.TimeToFirstTokenMs, t.PromptTokens, t.CompletionTokens, t.ToolCallCount, t.ToolCallsSucceeded, t.ToolCallsFailed })
            .AsAsyncEnumerable();
        await foreach (var t in rows.WithCancellation(cancellationToken))
        {
            var generation = t.TimeToFirstTokenMs is { } first && first <= t.LatencyMs ? t.LatencyMs - first : t.LatencyMs;
            stats.AddCall(t.AtUnixMs, t.Caller, t.Model, ParseOutcome(t.Outcome), t.LatencyMs, generation, t.PromptTokens, t.CompletionTokens, t.ToolCallCount, t.ToolCallsSucceeded, t.ToolCallsFailed);
        }
    }

    private static TraceAccumulator ToAccumulator(TraceHourEntry h)
    {
        var hour = new TraceAccumulator
        {
            Calls = h.Calls,
            Errors = h.Errors,
            Cancelled = h.Cancelled,
            LatencySumMs = h.LatencySumMs,
            PromptTokens = h.PromptTokens,
            CompletionTokens = h.CompletionTokens,
            GenerationMs = h.GenerationMs,
            ToolCalls = h.ToolCalls,
            ToolCallsSucceeded = h.ToolCallsSucceeded,
            ToolCallsFailed = h.ToolCallsFailed,
        };
        hour.Latency.AddBytes(h.LatencyHistogram);
        return hour;
    }

    private static TraceOutcome ParseOutcome(string outcome) => Enum.TryParse<TraceOutcome>(outcome, out var parsed) ? parsed : TraceOutcome.Error;

    private static ModelCallTrace ToTrace(TraceEntry e, string? exchange, List<long> actions) => new()
    {
        Id = e.Id,
        At = DateTimeOffset.FromUnixTimeMilliseconds(e.AtUnixMs),
        Caller = e.Caller,
        Model = e.Model,
        Latency = TimeSpan.FromMilliseconds(e.LatencyMs),
        TimeToFirstToken = e.TimeToFirstTokenMs is { } first ? TimeSpan.FromMilliseconds(first) : null,
        PromptTokens = e.PromptTokens,
        CompletionTokens = e.CompletionTokens,
        ToolCallCount = e.ToolCallCount,
        ToolNames = e.ToolNames.Length == 0 ? EquatableArray<string>.Empty : new EquatableArray<string>(e.ToolNames.Split(',')),
        ToolCallsSucceeded = e.ToolCallsSucceeded,
        ToolCallsFailed = e.ToolCallsFailed,
        Outcome = ParseOutcome(e.Outcome),
        Error = e.Error,
        PromptPreview = e.PromptPreview,
        ResponsePreview = e.ResponsePreview,
        ConversationId = e.ConversationId,
        CausedActionIds = new EquatableArray<long>(actions),
        Exchange = exchange,
    };
}
