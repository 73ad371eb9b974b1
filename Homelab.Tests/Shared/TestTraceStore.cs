using Homelab.Domain.Agent.Traces;
using Homelab.Domain.Common;
using Homelab.Domain.Ports;

namespace Homelab.Tests.Shared;

/// <summary>
/// Keeps traces in memory and answers as the SQLite store does: newest first, dotted caller prefixes, keyset paging,
/// and stats from the domain's own <see cref="TraceStatsBuilder"/>. Counts reads, and can be told to fail.
/// </summary>
internal sealed class TestTraceStore : ITraceStore
{
    private readonly Lock _gate = new();
    private readonly List<ModelCallTrace> _traces = [];
    private readonly Dictionary<Guid, List<long>> _links = [];

    public int Queries { get; private set; }

    public int StatsQueries { get; private set; }

    public Exception? Fail { get; set; }

    /// <summary>Make <see cref="Record"/> throw, as a broken store would; the real one never does, and a chat must survive it.</summary>
    public bool FailOnRecord { get; set; }

    public IReadOnlyList<ModelCallTrace> Traces
    {
        get
        {
            lock (_gate)
            {
                return [.. _traces];
            }
        }
    }

    public void Record(ModelCallTrace trace)
    {
        if (FailOnRecord)
        {
            throw new InvalidOperationException("the trace store is broken");
        }

        lock (_gate)
        {
            _traces.RemoveAll(t => t.Id == trace.Id);
            _traces.Add(trace);
        }
    }

    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<TracePage> QueryAsync(TraceFilter filter, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        Queries++;
        var take = Math.Clamp(filter.Take, 1, TraceFilter.MaxTake);
        var matching = Traces
            .Where(t => filter.Caller is null || t.Caller == filter.Caller || t.Caller.StartsWith(filter.Caller + ".", StringComparison.Ordinal))
            .Where(t => filter.Model is null || t.Model == filter.Model)
            .Where(t => filter.Outcome is not { } outcome || t.Outcome == outcome)
            .Where(t => filter.From is not { } from || t.At >= from)
            .Where(t => filter.To is not { } to || t.At < to)
            .Where(t => filter.ConversationId is not { } conversation || t.ConversationId == conversation)
            .Where(t => filter.After is not { } after || t.At < after.At || (t.At == after.At && t.Id.CompareTo(after.Id) < 0))
            .OrderByDescending(t => t.At).ThenByDescending(t => t.Id)
            .Take(take + 1)
            .Select(t => t with { Exchange = null })
            .ToList();
        var items = matching.Take(take).ToList();
        var next = matching.Count > take ? new TraceCursor(items[^1].At, items[^1].Id) : null;
        return Task.FromResult(new TracePage(new EquatableArray<ModelCallTrace>(items), next));
    }

    public Task<ModelCallTrace?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        lock (_gate)
        {
            var trace = _traces.FirstOrDefault(t => t.Id == id);
            var linked = _links.TryGetValue(id, out var ids) ? ids : [];
            return Task.FromResult(trace is null ? null : trace with { CausedActionIds = new EquatableArray<long>(trace.CausedActionIds.Concat(linked).Distinct().Order()) });
        }
    }

    public Task<TraceStats> StatsAsync(TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        StatsQueries++;
        var builder = new TraceStatsBuilder(window, now);
        foreach (var t in Traces)
        {
            builder.AddCall(t.At.ToUnixTimeMilliseconds(), t.Caller, t.Model, t.Outcome, t.Latency.TotalMilliseconds, t.GenerationTime.TotalMilliseconds,
                t.PromptTokens, t.CompletionTokens, t.ToolCallCount, t.ToolCallsSucceeded, t.ToolCallsFailed);
        }

        return Task.FromResult(builder.Build());
    }

    public Task<TraceNames> NamesAsync(CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        var traces = Traces;
        return Task.FromResult(new TraceNames(
            new EquatableArray<string>(traces.Select(t => t.Caller).Distinct().Order(StringComparer.Ordinal)),
            new EquatableArray<string>(traces.Select(t => t.Model).Distinct().Order(StringComparer.Ordinal))));
    }

    public Task<bool> LinkActionAsync(Guid traceId, long auditId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_links.TryGetValue(traceId, out var ids))
            {
                ids = [];
                _links[traceId] = ids;
            }

            ids.Add(auditId);
            return Task.FromResult(true);
        }
    }

    /// <summary>How often <see cref="PruneAsync"/> was called.</summary>
    public int Prunes { get; private set; }

    public Task<long> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Prunes++;
            return Task.FromResult((long)_traces.RemoveAll(t => t.At < cutoff));
        }
    }

    private void ThrowIfFailing()
    {
        if (Fail is { } fail)
        {
            throw fail;
        }
    }
}
