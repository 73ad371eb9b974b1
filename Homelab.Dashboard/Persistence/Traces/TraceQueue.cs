using System.Threading.Channels;
using Homelab.Domain.Agent.Traces;

namespace Homelab.Dashboard.Persistence.Traces;

/// <summary>The bounded hand-off between callers recording traces and the one writer that stores them.</summary>
/// <remarks>
/// Bounded so a stalled database cannot grow memory without limit; full means dropped, never waiting, because a chat
/// must not slow down for its bookkeeping.
/// </remarks>
internal sealed partial class TraceQueue(ILogger<TraceQueue> logger, int capacity = TraceQueue.DefaultCapacity)
{
    public const int DefaultCapacity = 10_000;

    private readonly Channel<ModelCallTrace> _channel = Channel.CreateBounded<ModelCallTrace>(new BoundedChannelOptions(capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
        AllowSynchronousContinuations = false,
    });

    private long _enqueued;
    private long _done;
    private long _dropped;
    private long _droppedUnreported;

    public int Capacity => capacity;

    public ChannelReader<ModelCallTrace> Reader => _channel.Reader;

    /// <summary>Traces dropped because the queue was full, since start.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Enqueue(ModelCallTrace trace)
    {
        try
        {
            // TryWrite never waits: with FullMode.Wait it returns false when full instead of blocking.
            if (_channel.Writer.TryWrite(trace))
            {
                Interlocked.Increment(ref _enqueued);
                return;
            }

            Interlocked.Increment(ref _dropped);
            if (Interlocked.Increment(ref _droppedUnreported) == 1)
            {
                LogQueueFull(logger, capacity);
            }
        }
        catch (Exception ex)
        {
            LogEnqueueFailed(logger, ex);
        }
    }

    /// <summary>Called by the writer after each batch, stored or not.</summary>
    public void MarkDone(int count)
    {
        // Report drops before counting the batch as done, so a flush that returns has seen the report too.
        var dropped = Interlocked.Exchange(ref _droppedUnreported, 0);
        if (dropped > 0)
        {
            LogDropped(logger, dropped);
        }

        Interlocked.Add(ref _done, count);
    }

    public async Task WaitForWrittenAsync(CancellationToken cancellationToken)
    {
        var target = Interlocked.Read(ref _enqueued);
        while (Interlocked.Read(ref _done) < target)
        {
            await Task.Delay(5, cancellationToken);
        }
    }

    public void Complete() => _channel.Writer.TryComplete();

    [LoggerMessage(4101, LogLevel.Warning, "The trace queue is full ({Capacity}); dropping traces until the writer catches up")]
    private static partial void LogQueueFull(ILogger logger, int capacity);

    [LoggerMessage(4102, LogLevel.Warning, "Dropped {Count} trace(s) while the trace queue was full")]
    private static partial void LogDropped(ILogger logger, long count);

    [LoggerMessage(4103, LogLevel.Error, "Could not queue a trace")]
    private static partial void LogEnqueueFailed(ILogger logger, Exception exception);
}
