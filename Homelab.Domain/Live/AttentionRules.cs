using Homelab.Domain.Cluster;
using Homelab.Domain.Containers;
using Homelab.Domain.Downloads;
using Homelab.Domain.Sources;

namespace Homelab.Domain.Live;

/// <summary>How urgent an attention item is.</summary>
public enum AttentionSeverity
{
    Info,
    Warning,
    Critical,
}

/// <summary>Something a person should look at, with where to look.</summary>
/// <param name="Link">Dashboard path that shows the subject, e.g. <c>/containers?q=sonarr</c>.</param>
public sealed record AttentionItem(AttentionSeverity Severity, string Subject, string Message, string Link);

/// <summary>The rules that pick what needs attention out of a snapshot.</summary>
public static class AttentionRules
{
    /// <summary>Storage above this fraction used is a warning.</summary>
    public const double StorageWarningFraction = 0.85;

    /// <summary>Storage above this fraction used is critical.</summary>
    public const double StorageCriticalFraction = 0.95;

    /// <summary>A container restarted at least this many times is treated as crash-looping.</summary>
    public const int CrashLoopRestarts = 3;

    public static IReadOnlyList<AttentionItem> Evaluate(HomelabSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var items = new List<AttentionItem>();
        foreach (var source in snapshot.Sources)
        {
            if (source.Health == SourceHealth.Down)
            {
                items.Add(new(AttentionSeverity.Critical, source.DisplayName, $"not answering: {source.LastError?.Message ?? "unknown error"}", "/sources"));
            }
            else if (source.Health == SourceHealth.Stale)
            {
                items.Add(new(AttentionSeverity.Warning, source.DisplayName, "data is stale: no answer for two intervals", "/sources"));
            }
        }

        if (snapshot.Cluster is { } cluster)
        {
            AddCluster(cluster, items);
        }

        foreach (var container in snapshot.AllContainers)
        {
            AddContainer(container, items);
        }

        AddDownloads(snapshot, items);

        return [.. items.OrderByDescending(i => i.Severity).ThenBy(i => i.Subject, StringComparer.OrdinalIgnoreCase)];
    }

    private static void AddCluster(ClusterSnapshot cluster, List<AttentionItem> items)
    {
        if (cluster.Quorate == false)
        {
            items.Add(new(AttentionSeverity.Critical, cluster.Name ?? "cluster", "cluster has lost quorum: guests cannot be started or changed", "/cluster"));
        }

        foreach (var node in cluster.Nodes.Where(n => n.Status != NodeStatus.Online))
        {
            items.Add(new(AttentionSeverity.Critical, node.Name, $"node is {node.Status.ToString().ToLowerInvariant()}", "/cluster"));
        }

        // Shared storage is listed once per node; judge it once.
        foreach (var storage in cluster.Storage.DistinctBy(s => s.Shared ? s.Name : s.Id))
        {
            var subject = storage.Shared ? storage.Name : $"{storage.Name} on {storage.Node}";
            if (!storage.IsAvailable)
            {
                items.Add(new(AttentionSeverity.Critical, subject, "storage is not available (unmounted or unreachable)", "/cluster"));
            }
            else if (storage.UsedFraction is { } used && used >= StorageWarningFraction)
            {
                var severity = used >= StorageCriticalFraction ? AttentionSeverity.Critical : AttentionSeverity.Warning;
                items.Add(new(severity, subject, $"storage is {used * 100:0}% full", "/cluster"));
            }
        }

        foreach (var guest in cluster.Guests.Where(g => g.Lock is not null))
        {
            items.Add(new(AttentionSeverity.Info, guest.DisplayName, $"locked ({guest.Lock})", "/cluster"));
        }
    }

    private static void AddDownloads(HomelabSnapshot snapshot, List<AttentionItem> items)
    {
        var downloads = snapshot.Downloads;
        var moving = downloads?.MovingCount ?? 0;
        if (snapshot.Vpn is { } vpn && vpn.State != VpnState.Running && moving > 0)
        {
            // The kill switch should have stopped all traffic; data moving without the tunnel may be leaving unprotected.
            items.Add(new(AttentionSeverity.Critical, "VPN", $"{moving} torrent{(moving == 1 ? " is" : "s are")} moving data while the VPN is {vpn.State.ToString().ToLowerInvariant()}", "/torrents"));
        }
        else if (snapshot.Vpn is { State: VpnState.Crashed or VpnState.Stopped } down)
        {
            items.Add(new(AttentionSeverity.Warning, "VPN", $"the VPN is {down.State.ToString().ToLowerInvariant()}", "/torrents"));
        }

        if (downloads is null)
        {
            return;
        }

        foreach (var torrent in downloads.Torrents.Values.Where(t => t.State.IsErrored()).OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase))
        {
            var why = torrent.State == TorrentState.MissingFiles ? "its files are missing" : "qBittorrent reports an error (often the download folder's permissions or free space)";
            items.Add(new(AttentionSeverity.Warning, torrent.Name, why, $"/torrents?q={Uri.EscapeDataString(torrent.Name)}"));
        }
    }

    private static void AddContainer(Container container, List<AttentionItem> items)
    {
        var link = $"/containers?q={Uri.EscapeDataString(container.Name)}";
        if (container.State == ContainerState.Restarting || (container.RestartCount >= CrashLoopRestarts && container.State != ContainerState.Running))
        {
            items.Add(new(AttentionSeverity.Critical, container.Name, $"crash-looping: restarted {container.RestartCount ?? 0} times", link));
        }
        else if (container.Health == ContainerHealth.Unhealthy)
        {
            var streak = container.FailingStreak is > 0 and var n ? $" ({n} failed checks in a row)" : "";
            items.Add(new(AttentionSeverity.Warning, container.Name, $"unhealthy{streak}", link));
        }
        else if (container.State == ContainerState.Dead)
        {
            items.Add(new(AttentionSeverity.Critical, container.Name, "container is dead", link));
        }
        else if (container.State == ContainerState.Exited && container.ExitCode is { } code and not 0)
        {
            items.Add(new(AttentionSeverity.Warning, container.Name, $"exited with code {code}", link));
        }
    }
}
