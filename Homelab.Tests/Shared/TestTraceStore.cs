using Homelab.Domain.Agent.Traces;
using Homelab.Domain.Ports;

namespace Homelab.Tests.Shared;

/// <summary>A trace store that keeps recorded traces in a list; it can be told to fail on every record.</summary>
internal sealed class TestTraceStore : ITraceStore
{
    private readonly List<ModelCallTrace> _traces = [];

    public bool FailOnRecord { get; set; }

    public List<ModelCallTrace> Traces
    {
        get
        {
            lock (_traces)
            {
                return [.. _traces];
            }
        }
    }

    public void Record(ModelCallTrace trace)
    {
        if (FailOnRecord)
        {
            // The real store never throws; a broken one must still not break a chat.
            throw new InvalidOperationException("the trace store is broken");
        }

        lock (_traces)
        {
            _traces.Add(trace);
        }
    }

    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<TracePage> QueryAsync(TraceFilter filter, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ModelCallTrace?> GetAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult(Traces.FirstOrDefault(t => t.Id == id));

    public Task<TraceStats> StatsAsync(TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<TraceNames> NamesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> LinkActionAsync(Guid traceId, long auditId, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<long> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => Task.FromResult(0L);
}
