using System.ComponentModel;
using Homelab.Dashboard.Live;
using Homelab.Domain.Agent.Tools;
using Homelab.Domain.Cluster;
using Homelab.Domain.Live;

namespace Homelab.Dashboard.Agent.Tools;

/// <summary>Read-only tools over the Proxmox cluster: status, nodes, guests and storage, from the live snapshot.</summary>
internal sealed class ClusterTools(ToolContext context)
{
    public IEnumerable<AgentTool> Create() =>
    [
        ToolFactory.Create(GetClusterStatus, "get_cluster_status", ToolEffect.ReadOnly, context.ResultLimit),
        ToolFactory.Create(ListNodes, "list_nodes", ToolEffect.ReadOnly, context.ResultLimit),
        ToolFactory.Create(GetNode, "get_node", ToolEffect.ReadOnly, context.ResultLimit),
        ToolFactory.Create(ListGuests, "list_guests", ToolEffect.ReadOnly, context.ResultLimit),
        ToolFactory.Create(GetGuest, "get_guest", ToolEffect.ReadOnly, context.ResultLimit),
        ToolFactory.Create(ListStorage, "list_storage", ToolEffect.ReadOnly, context.ResultLimit),
    ];

    [Description("Proxmox cluster status: name, quorum, each node online or not, and how many guests run.")]
    public string GetClusterStatus()
    {
        if (!TryCluster(out var snapshot, out var cluster, out var error))
        {
            return error;
        }

        return context.Json(new
        {
            Cluster = cluster.Name ?? "standalone",
            Quorate = cluster.Quorate,
            Nodes = cluster.Nodes.Select(n => new { n.Name, Status = Word(n.Status) }),
            GuestsRunning = cluster.Guests.Count(g => g.Status == GuestStatus.Running),
            Guests = cluster.Guests.Count,
            Note = context.StaleNote(snapshot, SourceIds.Proxmox),
        });
    }

    [Description("Lists the Proxmox nodes with CPU, memory, root disk, uptime and running guests.")]
    public string ListNodes()
    {
        if (!TryCluster(out var snapshot, out var cluster, out var error))
        {
            return error;
        }

        return context.Json(new
        {
            Nodes = cluster.Nodes.Select(n => new
            {
                n.Name,
                Status = Word(n.Status),
                CpuPct = ToolContext.Percent(n.Cpu),
                Threads = n.MaxCpu,
                MemUsedGib = Gib(n.MemoryUsed),
                MemTotalGib = Gib(n.MemoryTotal),
                UptimeH = n.Uptime is { } up ? ToolContext.Round(up.TotalHours, 0) : (double?)null,
                GuestsRunning = cluster.Guests.Count(g => g.Node == n.Name && g.Status == GuestStatus.Running),
            }),
            Note = context.StaleNote(snapshot, SourceIds.Proxmox),
        });
    }

    [Description("One Proxmox node in detail: CPU model, load, memory, root disk, versions, its guests and storage.")]
    public string GetNode([Description("Node name, e.g. pve")] string node)
    {
        if (!TryCluster(out var snapshot, out var cluster, out var error))
        {
            return error;
        }

        if (FindNode(cluster, node) is not { } n)
        {
            return context.Error($"no node is named '{UntrustedText.Inline(node, 60)}'; nodes: {string.Join(", ", cluster.Nodes.Select(x => x.Name))}");
        }

        return context.Json(new
        {
            n.Name,
            Status = Word(n.Status),
            n.Ip,
            CpuModel = n.CpuModel,
            Threads = n.MaxCpu,
            CpuPct = ToolContext.Percent(n.Cpu),
            Load = n.LoadAverage.IsEmpty ? null : n.LoadAverage.Select(l => ToolContext.Round(l, 2)),
            IowaitPct = ToolContext.Percent(n.IoWait),
            MemUsedGib = Gib(n.MemoryUsed),
            MemTotalGib = Gib(n.MemoryTotal),
            RootUsedGib = Gib(n.RootUsed),
            RootTotalGib = Gib(n.RootTotal),
            UptimeH = n.Uptime is { } up ? ToolContext.Round(up.TotalHours, 0) : (double?)null,
            Pve = n.PveVersion,
            Kernel = n.KernelVersion,
            Guests = cluster.Guests.Where(g => g.Node == n.Name).OrderBy(g => g.VmId).Select(g => new { g.VmId, Name = UntrustedText.Inline(g.Name), Type = TypeWord(g.Kind), Status = Word(g.Status) }),
            Storage = cluster.Storage.Where(s => s.Node == n.Name).Select(s => new { s.Name, UsedPct = ToolContext.Percent(s.UsedFraction), Status = s.IsAvailable ? null : s.Status }),
            Note = context.StaleNote(snapshot, SourceIds.Proxmox),
        });
    }

    [Description("Lists VMs and LXC containers (guests) with status, node, CPU and memory; optionally filtered.")]
    public string ListGuests(
        [Description("Only guests on this node")] string? node = null,
        [Description("Only this type: vm or lxc")] string? type = null,
        [Description("Only this status: running, stopped or paused")] string? status = null)
    {
        if (!TryCluster(out var snapshot, out var cluster, out var error))
        {
            return error;
        }

        ClusterNode? onNode = null;
        if (!string.IsNullOrWhiteSpace(node) && (onNode = FindNode(cluster, node)) is null)
        {
            return context.Error($"no node is named '{UntrustedText.Inline(node, 60)}'; nodes: {string.Join(", ", cluster.Nodes.Select(x => x.Name))}");
        }

        GuestKind? kind = null;
        if (!string.IsNullOrWhiteSpace(type))
        {
            kind = type.Trim().ToLowerInvariant() switch
            {
                "vm" or "qemu" => GuestKind.Qemu,
                "lxc" or "ct" or "container" => GuestKind.Lxc,
                _ => null,
            };
            if (kind is null)
            {
                return context.Error($"type must be vm or lxc, not '{UntrustedText.Inline(type, 30)}'");
            }
        }

        GuestStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            wanted = status.Trim().ToLowerInvariant() switch
            {
                "running" => GuestStatus.Running,
                "stopped" => GuestStatus.Stopped,
                "paused" => GuestStatus.Paused,
                _ => null,
            };
            if (wanted is null)
            {
                return context.Error($"status must be running, stopped or paused, not '{UntrustedText.Inline(status, 30)}'");
            }
        }

        var guests = cluster.Guests
            .Where(g => onNode is null || g.Node == onNode.Name)
            .Where(g => kind is null || g.Kind == kind)
            .Where(g => wanted is null || g.Status == wanted)
            .OrderBy(g => g.VmId)
            .ToList();
        return context.Json(new
        {
            Count = guests.Count,
            Guests = guests.Select(g => new
            {
                g.VmId,
                Name = UntrustedText.Inline(g.Name),
                Type = TypeWord(g.Kind),
                g.Node,
                Status = Word(g.Status),
                CpuPct = ToolContext.Percent(g.Cpu),
                MemUsedGib = Gib(g.Memory),
                MemMaxGib = Gib(g.MaxMemory),
                Lock = g.Lock is null ? null : UntrustedText.Inline(g.Lock, 40),
            }),
            Note = context.StaleNote(snapshot, SourceIds.Proxmox),
        });
    }

    [Description("One guest (VM or LXC) in detail: status, node, cores, memory, disk, uptime, tags and any lock.")]
    public string GetGuest([Description("The guest's VMID (e.g. 103) or its name")] string guest)
    {
        if (!TryCluster(out var snapshot, out var cluster, out var error))
        {
            return error;
        }

        var found = ToolTargets.Guest(cluster, guest);
        if (found.Value is not { } g)
        {
            return context.Error(found.Error!);
        }

        return context.Json(new
        {
            g.VmId,
            Name = UntrustedText.Inline(g.Name),
            Type = TypeWord(g.Kind),
            g.Node,
            Status = Word(g.Status),
            Cores = g.MaxCpu,
            CpuPct = ToolContext.Percent(g.Cpu),
            MemUsedGib = Gib(g.Memory),
            MemMaxGib = Gib(g.MaxMemory),
            DiskUsedGib = Gib(g.Disk),
            DiskMaxGib = Gib(g.MaxDisk),
            UptimeH = g.Uptime is { } up ? ToolContext.Round(up.TotalHours, 1) : (double?)null,
            Tags = g.Tags.IsEmpty ? null : g.Tags.Select(t => UntrustedText.Inline(t, 40)),
            Lock = g.Lock is null ? null : UntrustedText.Inline(g.Lock, 40),
            Template = g.Template ? true : (bool?)null,
            Note = context.StaleNote(snapshot, SourceIds.Proxmox),
        });
    }

    [Description("Lists Proxmox storage (shared storage once) with used and total GiB, percent used and availability.")]
    public string ListStorage([Description("Only storage on this node")] string? node = null)
    {
        if (!TryCluster(out var snapshot, out var cluster, out var error))
        {
            return error;
        }

        ClusterNode? onNode = null;
        if (!string.IsNullOrWhiteSpace(node) && (onNode = FindNode(cluster, node)) is null)
        {
            return context.Error($"no node is named '{UntrustedText.Inline(node, 60)}'; nodes: {string.Join(", ", cluster.Nodes.Select(x => x.Name))}");
        }

        // Shared storage is listed once per node by Proxmox; once is enough unless one node was asked for.
        var storage = cluster.Storage
            .Where(s => onNode is null || s.Node == onNode.Name)
            .DistinctBy(s => s.Shared ? s.Name : s.Id)
            .OrderByDescending(s => s.UsedFraction ?? 0);
        return context.Json(new
        {
            Storage = storage.Select(s => new
            {
                s.Name,
                Node = s.Shared ? "shared" : s.Node,
                Type = s.PluginType,
                Status = s.IsAvailable ? "available" : UntrustedText.Inline(s.Status, 40),
                UsedGib = Gib(s.Used),
                TotalGib = Gib(s.Total),
                UsedPct = ToolContext.Percent(s.UsedFraction),
                Content = s.Content.IsEmpty ? null : string.Join(',', s.Content),
            }),
            Note = context.StaleNote(snapshot, SourceIds.Proxmox),
        });
    }

    private bool TryCluster(out HomelabSnapshot snapshot, out ClusterSnapshot cluster, out string error)
    {
        snapshot = context.Snapshot;
        cluster = snapshot.Cluster!;
        error = "";
        if (context.Unavailable(snapshot, SourceIds.Proxmox, "Proxmox", snapshot.Cluster is not null) is { } why)
        {
            error = context.Error(why);
            return false;
        }

        return true;
    }

    private static ClusterNode? FindNode(ClusterSnapshot cluster, string? name) =>
        cluster.Nodes.FirstOrDefault(n => string.Equals(n.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static double? Gib(long? bytes) => bytes is { } b ? ToolContext.Gib(b) : null;

    private static string Word(NodeStatus status) => status.ToString().ToLowerInvariant();

    private static string Word(GuestStatus status) => status.ToString().ToLowerInvariant();

    internal static string TypeWord(GuestKind kind) => kind == GuestKind.Qemu ? "vm" : "lxc";
}
