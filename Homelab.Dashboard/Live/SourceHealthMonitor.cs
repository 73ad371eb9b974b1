namespace Homelab.Dashboard.Live;

/// <summary>
/// Ticks once a second so that a source that simply stops answering turns stale (and then down) on every open
/// page, even though no poll result arrives to say so.
/// </summary>
internal sealed class SourceHealthMonitor(LiveHomelabStore store, TimeProvider timeProvider) : BackgroundService
{
    internal static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TickInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                store.RefreshHealth();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
