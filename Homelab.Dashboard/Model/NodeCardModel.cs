using Homelab.Domain.Cluster;

namespace Homelab.Dashboard.Model;

/// <summary>What a node card shows. A record, so a card re-renders only when something it shows changed.</summary>
public sealed record NodeCardModel
{
    public required string Name { get; init; }

    public required NodeStatus Status { get; init; }

    public bool Online => Status == NodeStatus.Online;

    /// <summary>"online", "offline", "unknown".</summary>
    public string StatusWord => Status.ToString().ToLowerInvariant();

    public required UsageGauge Cpu { get; init; }

    public required UsageGauge Memory { get; init; }

    public required UsageGauge RootDisk { get; init; }

    public string? CpuModel { get; init; }

    /// <summary>"16 threads".</summary>
    public string? Threads { get; init; }

    public string? Uptime { get; init; }

    /// <summary>"0.42 · 0.51 · 0.60".</summary>
    public string? Load { get; init; }

    public string? IoWait { get; init; }

    public string? PveVersion { get; init; }

    public string? KernelVersion { get; init; }

    public string? Ip { get; init; }

    public required Sparkline CpuHistory { get; init; }

    public required Sparkline MemoryHistory { get; init; }

    /// <summary>Guests on this node: running of total.</summary>
    public string? Guests { get; init; }

    public static NodeCardModel From(ClusterNode node, ClusterSnapshot? cluster = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        var online = node.Status == NodeStatus.Online;
        var threads = node.MaxCpu is > 0 and var n ? $"{n} threads" : null;
        var history = node.History.AsImmutableArray();
        string? guests = null;
        if (cluster is not null)
        {
            var onNode = cluster.Guests.Where(g => g.Node == node.Name && !g.Template).ToList();
            guests = $"{onNode.Count(g => g.Status == GuestStatus.Running)}/{onNode.Count} guests running";
        }

        return new NodeCardModel
        {
            Name = node.Name,
            Status = node.Status,
            Cpu = online && node.Cpu is { } cpu
                ? new UsageGauge("CPU", cpu, threads is null ? "" : $"of {threads}")
                : new UsageGauge("CPU", null, "no data"),
            Memory = online ? UsageGauge.FromBytes("RAM", node.MemoryUsed, node.MemoryTotal) : new UsageGauge("RAM", null, "no data"),
            RootDisk = online ? UsageGauge.FromBytes("Root disk", node.RootUsed, node.RootTotal) : new UsageGauge("Root disk", null, "no data"),
            CpuModel = node.CpuModel,
            Threads = threads,
            Uptime = online && node.Uptime is { } up ? UiFormat.Duration(up) : null,
            Load = node.LoadAverage.IsEmpty ? null : UiFormat.Load(node.LoadAverage),
            IoWait = node.IoWait is { } wait ? UiFormat.Percent(wait) : null,
            PveVersion = node.PveVersion,
            KernelVersion = node.KernelVersion,
            Ip = node.Ip,
            CpuHistory = Sparkline.FromFractions([.. history.Select(s => s.Cpu)]),
            MemoryHistory = Sparkline.FromFractions([.. history.Select(s => s.MemoryUsed is { } used && s.MemoryTotal is > 0 and var total ? (double?)used / total : null)]),
            Guests = guests,
        };
    }
}
