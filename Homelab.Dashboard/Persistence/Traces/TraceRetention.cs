using Homelab.Dashboard.Configuration;
using Homelab.Domain.Ports;
using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Persistence.Traces;

/// <summary>Deletes traces older than <c>Homelab:Traces:Retention</c>: once at start, then every hour.</summary>
internal sealed partial class TraceRetention(ITraceStore store, IOptionsMonitor<HomelabOptions> options, TimeProvider timeProvider, ILogger<TraceRetention> logger) : BackgroundService
{
    internal static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await PruneOnceAsync(stoppingToken);
            using var timer = new PeriodicTimer(Interval, timeProvider);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PruneOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    internal async Task PruneOnceAsync(CancellationToken cancellationToken)
    {
        var retention = options.CurrentValue.Traces.Retention;
        try
        {
            var pruned = await store.PruneAsync(timeProvider.GetUtcNow() - retention, cancellationToken);
            if (pruned > 0)
            {
                LogPruned(logger, pruned, retention);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogPruneFailed(logger, ex);
        }
    }

    [LoggerMessage(4121, LogLevel.Information, "Deleted {Count} trace(s) older than {Retention}")]
    private static partial void LogPruned(ILogger logger, long count, TimeSpan retention);

    [LoggerMessage(4122, LogLevel.Warning, "Could not delete old traces; will try again in an hour")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
