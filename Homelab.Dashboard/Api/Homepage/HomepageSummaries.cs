using Homelab.Dashboard.Live;
using Homelab.Dashboard.Model;
using Homelab.Domain.Cluster;
using Homelab.Domain.Containers;
using Homelab.Domain.Downloads;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Api.Homepage;

// Flat records for Homepage's customapi widget: numbers are numbers, percentages are 0–100, speeds bytes/s, and every
// summary says how fresh it is ("source": fresh|pending|stale|down|unconfigured) and when its data was read.

/// <summary>The Proxmox cluster in a few numbers.</summary>
public sealed record ClusterSummary(
    int NodesOnline, int NodesTotal, double Cpu, double Ram, long RamUsed, long RamTotal,
    int GuestsRunning, int GuestsTotal, int VmsRunning, int VmsTotal, int LxcRunning, int LxcTotal,
    string Source, DateTimeOffset? Updated);

/// <summary>Containers on every Docker host.</summary>
public sealed record ContainersSummary(int Running, int Stopped, int Paused, int Restarting, int Unhealthy, int Total, int Hosts, string Source, DateTimeOffset? Updated);

/// <summary>The torrent client.</summary>
public sealed record TorrentsSummary(
    int Total, int Downloading, int Seeding, int Paused, int Stalled, int Errored, int Active,
    long DownloadSpeed, long UploadSpeed, string Source, DateTimeOffset? Updated);

/// <summary>The VPN in front of the torrent client; <c>connected</c> is 1 or 0 so a mapping can remap it.</summary>
public sealed record VpnSummary(int Connected, string State, string? PublicIp, string? Country, string? City, int? ForwardedPort, string Source, DateTimeOffset? Updated);

/// <summary>Turns the live snapshot into the summaries; pure, so the embeds and the API agree.</summary>
public static class HomepageSummaries
{
    public static ClusterSummary Cluster(HomelabSnapshot snapshot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var cluster = snapshot.Cluster;
        var nodes = cluster?.Nodes.AsImmutableArray() ?? [];
        var online = nodes.Where(n => n.Status == NodeStatus.Online).ToList();

        // Weighted by threads, as Proxmox's own cluster summary does: a busy 4-thread node is not half the cluster.
        var threads = online.Sum(n => n.MaxCpu ?? 0);
        var cpu = threads > 0 ? online.Sum(n => (n.Cpu ?? 0) * (n.MaxCpu ?? 0)) / threads * 100 : 0;
        var ramUsed = online.Sum(n => n.MemoryUsed ?? 0);
        var ramTotal = online.Sum(n => n.MemoryTotal ?? 0);
        var guests = (cluster?.Guests.AsImmutableArray() ?? []).Where(g => !g.Template).ToList();
        var vms = guests.Where(g => g.Kind == GuestKind.Qemu).ToList();
        var lxcs = guests.Where(g => g.Kind == GuestKind.Lxc).ToList();
        return new ClusterSummary(
            online.Count, nodes.Length, Percent(cpu), Percent(ramTotal > 0 ? ramUsed * 100.0 / ramTotal : 0), ramUsed, ramTotal,
            guests.Count(IsRunning), guests.Count, vms.Count(IsRunning), vms.Count, lxcs.Count(IsRunning), lxcs.Count,
            SourceWord([snapshot.FindSource(SourceIds.Proxmox)], now), cluster is null ? null : cluster.UpdatedAt);
    }

    public static ContainersSummary Containers(HomelabSnapshot snapshot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var all = snapshot.AllContainers.ToList();
        var hosts = snapshot.ContainerHosts.AsImmutableArray();
        return new ContainersSummary(
            all.Count(c => c.State == ContainerState.Running),
            all.Count(c => c.State is ContainerState.Exited or ContainerState.Dead or ContainerState.Created),
            all.Count(c => c.State == ContainerState.Paused),
            all.Count(c => c.State == ContainerState.Restarting),
            all.Count(c => c.Health == ContainerHealth.Unhealthy),
            all.Count,
            hosts.Length,
            SourceWord(snapshot.Sources.Where(s => s.Kind == SourceKind.Docker), now),
            hosts.Length == 0 ? null : hosts.Min(h => h.UpdatedAt));
    }

    public static TorrentsSummary Torrents(HomelabSnapshot snapshot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var downloads = snapshot.Downloads;
        var torrents = downloads?.Torrents.Values.ToList() ?? [];
        return new TorrentsSummary(
            torrents.Count,
            torrents.Count(t => t.Matches(TorrentFilter.Downloading)),
            torrents.Count(t => t.Matches(TorrentFilter.Seeding)),
            torrents.Count(t => t.Matches(TorrentFilter.Stopped)),
            torrents.Count(t => t.Matches(TorrentFilter.Stalled)),
            torrents.Count(t => t.Matches(TorrentFilter.Errored)),
            torrents.Count(t => t.IsMoving),
            downloads?.Transfer.DownloadSpeed ?? 0,
            downloads?.Transfer.UploadSpeed ?? 0,
            SourceWord([snapshot.FindSource(SourceIds.QBittorrent)], now),
            downloads is null ? null : downloads.UpdatedAt);
    }

    public static VpnSummary Vpn(HomelabSnapshot snapshot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var vpn = snapshot.Vpn;
        var source = SourceWord([snapshot.FindSource(SourceIds.Gluetun)], now);

        // Old news about a tunnel is no news: a stale or down gluetun does not count as connected.
        var connected = vpn?.State == VpnState.Running && source == "fresh";
        return new VpnSummary(
            connected ? 1 : 0,
            vpn?.State.ToString().ToLowerInvariant() ?? "unknown",
            vpn is { PublicIpKnown: true } ? vpn.PublicIp : null,
            vpn?.PublicIpKnown == true ? vpn.Country : null,
            vpn?.PublicIpKnown == true ? vpn.City : null,
            vpn?.ForwardedPort,
            source,
            vpn?.UpdatedAt);
    }

    /// <summary>The least fresh of <paramref name="sources"/>, as a word; "unconfigured" when there are none.</summary>
    public static string SourceWord(IEnumerable<SourceStatus?> sources, DateTimeOffset now)
    {
        var status = Freshness.LeastFresh(sources.OfType<SourceStatus>());
        return status is null ? "unconfigured" : Freshness.Word(Freshness.Effective(status, now));
    }

    private static bool IsRunning(Guest guest) => guest.Status == GuestStatus.Running;

    private static double Percent(double value) => Math.Round(Math.Clamp(value, 0, 100), 1, MidpointRounding.AwayFromZero);
}
