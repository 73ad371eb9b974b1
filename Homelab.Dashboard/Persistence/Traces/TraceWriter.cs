using Homelab.Domain.Agent.Traces;

namespace Homelab.Dashboard.Persistence.Traces;

/// <summary>The one writer of traces: drains <see cref="TraceQueue"/> in batches, each in one transaction.</summary>
/// <remarks>A failed batch is logged and let go; traces are observability, and retrying could back the queue up into drops anyway.</remarks>
internal sealed partial class TraceWriter(TraceQueue queue, DatabaseLocation location, ILogger<TraceWriter> logger) : BackgroundService
{
    internal const int MaxBatch = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var writer = new TraceBatchWriter(location.ConnectionString);
        var batch = new List<ModelCallTrace>(MaxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                DrainOnce(writer, batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Shutting down: what is already queued is still worth keeping.
        while (queue.Reader.TryPeek(out _))
        {
            DrainOnce(writer, batch);
        }
    }

    private void DrainOnce(TraceBatchWriter writer, List<ModelCallTrace> batch)
    {
        while (batch.Count < MaxBatch && queue.Reader.TryRead(out var trace))
        {
            batch.Add(trace);
        }

        try
        {
            writer.Write(batch);
        }
        catch (Exception ex)
        {
            LogWriteFailed(logger, ex, batch.Count);
            writer.Reset();
        }
        finally
        {
            queue.MarkDone(batch.Count);
            batch.Clear();
        }
    }

    [LoggerMessage(4111, LogLevel.Error, "Could not write {Count} trace(s); they are lost")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);
}
