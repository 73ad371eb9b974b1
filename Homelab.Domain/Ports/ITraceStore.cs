using Homelab.Domain.Agent.Traces;

namespace Homelab.Domain.Ports;

/// <summary>Every model call, kept for a while: to list, inspect, and sum up.</summary>
public interface ITraceStore
{
    /// <summary>Queues a trace for writing.</summary>
    /// <remarks>
    /// Never throws and never blocks: recording must not fail or slow a chat. If the queue is full the trace is
    /// dropped with a warning; a failed write is logged. Callers that must read it back use <see cref="FlushAsync"/>.
    /// </remarks>
    void Record(ModelCallTrace trace);

    /// <summary>Completes when everything recorded before the call has been written (or failed to be).</summary>
    Task FlushAsync(CancellationToken cancellationToken);

    /// <summary>Newest first, without exchanges.</summary>
    Task<TracePage> QueryAsync(TraceFilter filter, CancellationToken cancellationToken);

    /// <summary>One trace with its exchange and the actions it caused; null if unknown or pruned.</summary>
    Task<ModelCallTrace?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The calls in [<paramref name="now"/> − <paramref name="window"/>, <paramref name="now"/>).</summary>
    Task<TraceStats> StatsAsync(TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The callers and models of the kept traces.</summary>
    Task<TraceNames> NamesAsync(CancellationToken cancellationToken);

    /// <summary>Marks audit record <paramref name="auditId"/> as caused by trace <paramref name="traceId"/>; false if there is no such record.</summary>
    Task<bool> LinkActionAsync(Guid traceId, long auditId, CancellationToken cancellationToken);

    /// <summary>Deletes traces older than <paramref name="cutoff"/>, a chunk at a time; returns how many.</summary>
    Task<long> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
