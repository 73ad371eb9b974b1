using Homelab.Dashboard.Live;
using Homelab.Domain.Cluster;
using Homelab.Domain.Containers;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Model;

/// <summary>Everything the overview shows, computed once per snapshot so the page only lays it out.</summary>
public sealed record OverviewModel
{
    public required ClusterHealthModel Cluster { get; init; }

    public required IReadOnlyList<NodeCardModel> Nodes { get; init; }

    public required IReadOnlyList<GuestRowModel> Guests { get; init; }

    public required ContainerSummaryModel Containers { get; init; }

    public required IReadOnlyList<StorageGroupModel> Storage { get; init; }

    public required IReadOnlyList<AttentionItem> Attention { get; init; }

    /// <summary>The Proxmox source (cluster, nodes, guests, storage cards).</summary>
    public SourceStatus? ClusterSource { get; init; }

    /// <summary>The least fresh Docker host, speaking for every container figure.</summary>
    public SourceStatus? ContainerSource { get; init; }

    /// <summary>Sources that are stale or down; the attention card warns that it reads old data.</summary>
    public int UnhealthySources { get; init; }

    /// <summary>The downloads card; null when neither qBittorrent nor gluetun is configured.</summary>
    public DownloadsCardModel? Downloads { get; init; }

    public static OverviewModel Build(HomelabSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var cluster = snapshot.Cluster;
        var containers = snapshot.AllContainers.ToList();
        return new OverviewModel
        {
            Cluster = ClusterHealthModel.From(cluster, containers),
            Nodes = cluster is null ? [] : [.. cluster.Nodes.OrderBy(n => n.Name, StringComparer.OrdinalIgnoreCase).Select(n => NodeCardModel.From(n, cluster))],
            Guests = cluster is null ? [] : [.. cluster.Guests.Where(g => !g.Template).OrderBy(g => g.VmId).Select(GuestRowModel.From)],
            Containers = ContainerSummaryModel.From(containers),
            Storage = StorageGroupModel.From(cluster),
            Attention = AttentionRules.Evaluate(snapshot),
            ClusterSource = snapshot.FindSource(SourceIds.Proxmox),
            ContainerSource = Freshness.LeastFresh(snapshot.Sources.Where(s => s.Kind == SourceKind.Docker)),
            UnhealthySources = snapshot.Sources.Count(s => Freshness.IsStale(s)),
            Downloads = DownloadsCardModel.From(snapshot),
        };
    }
}

/// <summary>The one-line health of the whole homelab.</summary>
public sealed record ClusterHealthModel(
    string? Name,
    bool? Quorate,
    int NodesOnline,
    int NodesTotal,
    int GuestsRunning,
    int GuestsTotal,
    int ContainersRunning,
    int ContainersTotal)
{
    public bool HasCluster => NodesTotal > 0;

    /// <summary>"quorate", "no quorum", "standalone".</summary>
    public string QuorumWord => Quorate switch
    {
        true => "quorate",
        false => "no quorum",
        null => "standalone",
    };

    public static ClusterHealthModel From(ClusterSnapshot? cluster, IReadOnlyCollection<Container> containers)
    {
        var guests = cluster?.Guests.Where(g => !g.Template).ToList() ?? [];
        return new ClusterHealthModel(
            cluster?.Name,
            cluster?.Quorate,
            cluster?.Nodes.Count(n => n.Status == NodeStatus.Online) ?? 0,
            cluster?.Nodes.Count ?? 0,
            guests.Count(g => g.Status == GuestStatus.Running),
            guests.Count,
            containers.Count(c => c.State == ContainerState.Running),
            containers.Count);
    }
}

/// <summary>A guest as one compact line.</summary>
public sealed record GuestRowModel(int VmId, string Name, string Kind, string Node, GuestStatus Status, string? Cpu, string? Memory, string? Lock)
{
    public string StatusWord => GuestText.StatusWord(Status);

    public static GuestRowModel From(Guest guest)
    {
        ArgumentNullException.ThrowIfNull(guest);
        var running = guest.Status == GuestStatus.Running;
        return new GuestRowModel(
            guest.VmId,
            guest.Name,
            guest.KindLabel,
            guest.Node,
            guest.Status,
            running && guest.Cpu is { } cpu ? UiFormat.Percent(cpu) : null,
            running && guest.Memory is { } mem && guest.MaxMemory is > 0 and var max ? UiFormat.BytesOf(mem, max) : null,
            guest.Lock);
    }
}

/// <summary>Words for guest states, as the browser tests and people read them.</summary>
public static class GuestText
{
    /// <summary>"running", "stopped", "paused", "unknown".</summary>
    public static string StatusWord(GuestStatus status) => status.ToString().ToLowerInvariant();
}

/// <summary>One count of containers, with a link to the table filtered to it.</summary>
public sealed record CountLink(string Word, int Count, string Href, UsageLevel Level);

/// <summary>Containers counted by state and by health.</summary>
public sealed record ContainerSummaryModel(int Total, IReadOnlyList<CountLink> ByState, IReadOnlyList<CountLink> ByHealth)
{
    private static readonly ContainerState[] s_stateOrder =
    [
        ContainerState.Running, ContainerState.Restarting, ContainerState.Paused, ContainerState.Created,
        ContainerState.Exited, ContainerState.Dead, ContainerState.Removing, ContainerState.Unknown,
    ];

    private static readonly ContainerHealth[] s_healthOrder = [ContainerHealth.Healthy, ContainerHealth.Unhealthy, ContainerHealth.Starting, ContainerHealth.None];

    public bool IsEquivalentTo(ContainerSummaryModel other) =>
        other is not null && Total == other.Total && ByState.SequenceEqual(other.ByState) && ByHealth.SequenceEqual(other.ByHealth);

    public static ContainerSummaryModel From(IReadOnlyCollection<Container> containers)
    {
        ArgumentNullException.ThrowIfNull(containers);
        var byState = s_stateOrder
            .Select(state => (state, count: containers.Count(c => c.State == state)))
            .Where(x => x.count > 0 || x.state is ContainerState.Running or ContainerState.Exited)
            .Select(x => new CountLink(x.state.Word(), x.count, $"/containers?state={x.state.Word()}", StateLevel(x.state, x.count)))
            .ToList();

        // Health only means something for containers that run.
        var live = containers.Where(c => c.State is ContainerState.Running or ContainerState.Restarting).ToList();
        var byHealth = s_healthOrder
            .Select(health => (health, count: live.Count(c => c.Health == health)))
            .Where(x => x.count > 0 || x.health is ContainerHealth.Healthy or ContainerHealth.Unhealthy)
            .Select(x => new CountLink(ContainerText.HealthWord(x.health), x.count, $"/containers?health={ContainerText.HealthQuery(x.health)}", HealthLevel(x.health, x.count)))
            .ToList();
        return new ContainerSummaryModel(containers.Count, byState, byHealth);
    }

    private static UsageLevel StateLevel(ContainerState state, int count) => count == 0
        ? UsageLevel.Normal
        : state switch
        {
            ContainerState.Restarting or ContainerState.Dead => UsageLevel.Critical,
            ContainerState.Exited or ContainerState.Paused => UsageLevel.Warning,
            _ => UsageLevel.Normal,
        };

    private static UsageLevel HealthLevel(ContainerHealth health, int count) => count == 0
        ? UsageLevel.Normal
        : health switch
        {
            ContainerHealth.Unhealthy => UsageLevel.Critical,
            ContainerHealth.Starting => UsageLevel.Warning,
            _ => UsageLevel.Normal,
        };
}

/// <summary>Storage of one node, or the shared storage (listed once).</summary>
public sealed record StorageGroupModel(string Title, IReadOnlyList<StorageRowModel> Rows)
{
    public const string SharedTitle = "shared";

    public static IReadOnlyList<StorageGroupModel> From(ClusterSnapshot? cluster)
    {
        if (cluster is null)
        {
            return [];
        }

        var groups = cluster.Storage
            .Where(s => !s.Shared)
            .GroupBy(s => s.Node, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new StorageGroupModel(g.Key, [.. g.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Select(StorageRowModel.From)]))
            .ToList();

        // Proxmox lists shared storage once per node; it is one pool, so it is shown once.
        var shared = cluster.Storage.Where(s => s.Shared).DistinctBy(s => s.Name).OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (shared.Count > 0)
        {
            groups.Add(new StorageGroupModel(SharedTitle, [.. shared.Select(StorageRowModel.From)]));
        }

        return groups;
    }
}

/// <summary>One storage with its usage bar.</summary>
public sealed record StorageRowModel(string Id, string Name, string Node, string? Type, string Content, bool Available, bool Shared, UsageGauge Usage)
{
    public static StorageRowModel From(StorageVolume volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        return new StorageRowModel(
            volume.Id,
            volume.Name,
            volume.Node,
            volume.PluginType,
            string.Join(", ", volume.Content),
            volume.IsAvailable,
            volume.Shared,
            volume.IsAvailable ? UsageGauge.FromBytes(volume.Name, volume.Used, volume.Total) : new UsageGauge(volume.Name, null, "not available"));
    }

    /// <summary>The bar with the backend next to the figures, "5.7 / 8.0 TiB · btrfs", where no Type column says it.</summary>
    public UsageGauge UsageWithType => Type is null || !Available ? Usage : Usage with { Detail = $"{Usage.Detail} · {Type}" };
}
