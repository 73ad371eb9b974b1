using Homelab.Dashboard.Configuration;
using Homelab.Domain.Ports;
using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Persistence.Traces;

/// <summary>Deletes traces older than <c>Homelab:Traces:Retention</c>: once at start, then every hour.</summary>
internal sealed partial class TraceRetention(
    ITraceStore store,
    IOptionsMonitor<HomelabOptions> options,
    TimeProvider timeProvider,
    ILogger<TraceRetention> logger,
    DatabaseLocation? location = null) : BackgroundService
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
            if (location is not null && !await AnythingOlderAsync(location, timeProvider.GetUtcNow() - retention, cancellationToken))
            {
                return;
            }

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

    /// <summary>
    /// One indexed look on a plain connection before the real prune: at start, and on most hours, there is nothing to
    /// delete, and asking EF Core would load it (and its model) into an otherwise idle dashboard.
    /// </summary>
    private static async Task<bool> AnythingOlderAsync(DatabaseLocation location, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(location.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS(SELECT 1 FROM traces WHERE AtUnixMs < $cutoff) OR EXISTS(SELECT 1 FROM trace_hours WHERE HourUnixMs + 3600000 <= $cutoff);";
        command.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    [LoggerMessage(4121, LogLevel.Information, "Deleted {Count} trace(s) older than {Retention}")]
    private static partial void LogPruned(ILogger logger, long count, TimeSpan retention);

    [LoggerMessage(4122, LogLevel.Warning, "Could not delete old traces; will try again in an hour")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
