using Homelab.Domain.Live;
using Microsoft.AspNetCore.SignalR;

namespace Homelab.Dashboard.Hubs;

/// <summary>
/// One subscription to the live store for all hub clients: each change is sent once to the group of everyone
/// connected, however many clients there are.
/// </summary>
internal sealed partial class HubBroadcaster(ILiveHomelab live, IHubContext<HomelabHub, IHomelabHubClient> hub, ILogger<HubBroadcaster> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscription = live.Subscribe(stoppingToken);
        var version = subscription.Initial.Version;
        try
        {
            await foreach (var batch in subscription.Changes.WithCancellation(stoppingToken))
            {
                foreach (var change in batch)
                {
                    version = change is SnapshotReset reset ? reset.Snapshot.Version : version + 1;
                    try
                    {
                        await SendAsync(change, version);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        LogSendFailed(logger, ex, change.GetType().Name);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private Task SendAsync(HomelabChange change, long version) => change switch
    {
        ClusterChanged c => hub.Clients.All.ClusterChanged(version, c.Cluster),
        ContainersChanged c => hub.Clients.All.ContainersChanged(version, c),
        SourceChanged s => hub.Clients.All.SourceChanged(version, s.Status),
        TorrentsChanged t => hub.Clients.All.TorrentsChanged(version, t),
        VpnChanged v => hub.Clients.All.VpnChanged(version, v.Status),
        SnapshotReset r => hub.Clients.All.SnapshotReset(r.Snapshot),
        _ => Task.CompletedTask,
    };

    [LoggerMessage(5001, LogLevel.Warning, "Sending {Change} to hub clients failed.")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string change);
}
