using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Live;

/// <summary>
/// One upstream, polled on a <see cref="TimeProvider"/> timer, with back-off on failure and an early refresh on request.
/// Reports every outcome into the live store's status for that source.
/// </summary>
internal abstract partial class PollingCollector : BackgroundService, ISourceRefresher
{
    private readonly SemaphoreSlim _refreshRequested = new(0, 1);

    protected PollingCollector(LiveHomelabStore store, TimeProvider timeProvider, ILogger logger)
    {
        Store = store;
        TimeProvider = timeProvider;
        Logger = logger;
    }

    /// <summary>The source this collector reports for.</summary>
    public abstract string SourceId { get; }

    /// <summary>The normal interval between polls.</summary>
    protected abstract TimeSpan Interval { get; }

    protected LiveHomelabStore Store { get; }

    protected TimeProvider TimeProvider { get; }

    protected ILogger Logger { get; }

    /// <summary>Wakes the collector now instead of at the next tick (after an action, say).</summary>
    /// <remarks>Ignored while backing off after a credential failure: those are never retried early.</remarks>
    public void RequestRefresh()
    {
        if (Store.Current.FindSource(SourceId) is { LastError.IsAuthenticationFailure: true, ConsecutiveFailures: > 0 })
        {
            return;
        }

        try
        {
            _refreshRequested.Release();
        }
        catch (SemaphoreFullException)
        {
            // A refresh is already pending; one is enough.
        }
    }

    /// <summary>Reads the upstream once and writes the result to the store; returns the failure, if any.</summary>
    protected abstract Task<SourceError?> PollOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = await PollAndReportAsync(stoppingToken);
            await WaitAsync(delay, stoppingToken);
        }
    }

    /// <summary>One poll with its bookkeeping; returns how long to wait before the next.</summary>
    internal async Task<TimeSpan> PollAndReportAsync(CancellationToken cancellationToken)
    {
        var before = Store.Current.FindSource(SourceId);
        var started = TimeProvider.GetTimestamp();
        SourceError? error;
        try
        {
            error = await PollOnceAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Adapters return errors rather than throw; anything that still escapes is a bug, but it must not stop polling.
            CollectorLog.PollCrashed(Logger, ex, SourceId);
            error = new SourceError(SourceErrorKind.InvalidResponse, $"Unexpected error: {ex.Message}");
        }

        var elapsed = TimeProvider.GetElapsedTime(started);
        var now = TimeProvider.GetUtcNow();
        if (error is null)
        {
            Store.UpdateSource(SourceId, s => s.WithSuccess(now, elapsed));
            if (before is { ConsecutiveFailures: > 0 })
            {
                CollectorLog.SourceRecovered(Logger, SourceId);
            }

            return Interval;
        }

        var failures = (before?.ConsecutiveFailures ?? 0) + 1;
        var delay = BackoffPolicy.NextDelay(Interval, failures, error);
        Store.UpdateSource(SourceId, s => s.WithFailure(now, error, now + delay));
        CollectorLog.PollFailed(Logger, SourceId, error.Kind, error.Message, failures, delay);
        return delay;
    }

    private async Task WaitAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var tick = Task.Delay(delay, TimeProvider, cts.Token);
        var refresh = _refreshRequested.WaitAsync(cts.Token);
        await Task.WhenAny(tick, refresh);

        // The loser is cancelled; a cancelled task is never reported as unobserved, so it can be dropped.
        await cts.CancelAsync();
    }

    public override void Dispose()
    {
        _refreshRequested.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Lets the action path ask a source for fresh data right away.</summary>
internal interface ISourceRefresher
{
    string SourceId { get; }

    void RequestRefresh();
}

internal static partial class CollectorLog
{
    [LoggerMessage(1001, LogLevel.Warning, "Polling {SourceId} failed ({Kind}): {Message}. Failure {Failures} in a row; next attempt in {Delay}.")]
    public static partial void PollFailed(ILogger logger, string sourceId, SourceErrorKind kind, string message, int failures, TimeSpan delay);

    [LoggerMessage(1002, LogLevel.Information, "{SourceId} is answering again.")]
    public static partial void SourceRecovered(ILogger logger, string sourceId);

    [LoggerMessage(1003, LogLevel.Error, "Polling {SourceId} threw; this is a bug in its adapter.")]
    public static partial void PollCrashed(ILogger logger, Exception exception, string sourceId);

    [LoggerMessage(1004, LogLevel.Debug, "Docker events for {Host} ended ({Reason}); reconnecting in {Delay}.")]
    public static partial void EventsDisconnected(ILogger logger, string host, string reason, TimeSpan delay);

    [LoggerMessage(1005, LogLevel.Debug, "Reading details of {Node} failed: {Error}")]
    public static partial void NodeDetailsFailed(ILogger logger, string node, string error);

    [LoggerMessage(1006, LogLevel.Debug, "Inspecting {Container} on {Host} failed: {Error}")]
    public static partial void InspectFailed(ILogger logger, string container, string host, string error);
}
