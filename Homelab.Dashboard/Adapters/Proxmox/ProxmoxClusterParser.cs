using System.Text.Json;
using Homelab.Dashboard.Adapters.Http;
using Homelab.Domain.Cluster;

namespace Homelab.Dashboard.Adapters.Proxmox;

/// <summary>Reads <c>/cluster/status</c> and <c>/cluster/resources</c> and merges them into one snapshot.</summary>
internal static class ProxmoxClusterParser
{
    /// <summary>The <c>type:"cluster"</c> entry (absent on a standalone host) and the per-node membership entries.</summary>
    public static ClusterStatusInfo ParseStatus(JsonElement data)
    {
        string? name = null;
        bool? quorate = null;
        var nodes = new Dictionary<string, StatusNodeInfo>(StringComparer.Ordinal);
        foreach (var item in ProxmoxJson.RequireArray(data, "cluster status").Objects())
        {
            switch (item.String("type"))
            {
                case "cluster":
                    name = item.String("name");
                    quorate = item.Boolean("quorate");
                    break;
                case "node" when item.String("name") is { } nodeName:
                    nodes[nodeName] = new StatusNodeInfo(item.Boolean("online"), item.String("ip"));
                    break;
            }
        }

        return new ClusterStatusInfo(name, quorate, nodes);
    }

    public static ClusterResourcesInfo ParseResources(JsonElement data)
    {
        var nodes = new List<ClusterNode>();
        var guests = new List<Guest>();
        var storage = new List<StorageVolume>();
        foreach (var item in ProxmoxJson.RequireArray(data, "cluster resources").Objects())
        {
            // Pools and SDN zones are also listed; anything we cannot place is skipped rather than failing the snapshot.
            switch (item.String("type"))
            {
                case "node" when ParseNode(item) is { } node:
                    nodes.Add(node);
                    break;
                case "qemu" when ParseGuest(item, GuestKind.Qemu) is { } guest:
                    guests.Add(guest);
                    break;
                case "lxc" when ParseGuest(item, GuestKind.Lxc) is { } guest:
                    guests.Add(guest);
                    break;
                case "storage" when ParseStorage(item) is { } volume:
                    storage.Add(volume);
                    break;
            }
        }

        return new ClusterResourcesInfo(nodes, guests, storage);
    }

    /// <summary>
    /// Resources carry the figures; status carries membership (corosync's view, the authority on online/offline) and
    /// IPs. <paramref name="status"/> is null when the token may not read it (no Sys.Audit): quorum is then unknown.
    /// </summary>
    public static ClusterSnapshot Merge(ClusterStatusInfo? status, ClusterResourcesInfo resources, DateTimeOffset updatedAt)
    {
        var members = status?.Nodes ?? new Dictionary<string, StatusNodeInfo>();
        var nodes = resources.Nodes.Select(node => members.TryGetValue(node.Name, out var member) ? WithMembership(node, member) : node).ToList();
        foreach (var (name, member) in members)
        {
            // A node the token cannot audit in resources still shows up, without figures.
            if (!nodes.Any(n => n.Name == name))
            {
                nodes.Add(WithMembership(new ClusterNode { Name = name, Status = NodeStatus.Unknown }, member));
            }
        }

        // Stable order, so that an unchanged cluster compares equal from one poll to the next.
        return new ClusterSnapshot
        {
            Name = status?.Name,
            Quorate = status?.Quorate,
            Nodes = [.. nodes.OrderBy(n => n.Name, StringComparer.OrdinalIgnoreCase)],
            Guests = [.. resources.Guests.OrderBy(g => g.VmId)],
            Storage = [.. resources.Storage.OrderBy(s => s.Node, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Name, StringComparer.Ordinal)],
            UpdatedAt = updatedAt,
        };
    }

    public static GuestStatus ParseGuestStatus(string? status) => status switch
    {
        "running" => GuestStatus.Running,
        "stopped" => GuestStatus.Stopped,
        "paused" or "suspended" => GuestStatus.Paused,
        _ => GuestStatus.Unknown,
    };

    private static ClusterNode WithMembership(ClusterNode node, StatusNodeInfo member)
    {
        var withIp = node with { Ip = member.Ip ?? node.Ip };
        return member.Online switch
        {
            true => withIp with { Status = NodeStatus.Online },
            false => WithoutFigures(withIp with { Status = NodeStatus.Offline }),
            null => withIp,
        };
    }

    private static ClusterNode? ParseNode(JsonElement item)
    {
        if ((item.String("node") ?? LastIdPart(item)) is not { } name)
        {
            return null;
        }

        var node = new ClusterNode
        {
            Name = name,
            Status = item.String("status") switch
            {
                "online" => NodeStatus.Online,
                "offline" => NodeStatus.Offline,
                _ => NodeStatus.Unknown,
            },
            Cpu = item.Double("cpu"),
            MaxCpu = item.Int32("maxcpu"),
            MemoryUsed = item.Int64("mem"),
            MemoryTotal = item.Int64("maxmem"),
            RootUsed = item.Int64("disk"),
            RootTotal = item.Int64("maxdisk"),
            Uptime = item.Seconds("uptime"),
        };

        // Whatever an offline node still lists is its last report, not its present state.
        return node.Status == NodeStatus.Offline ? WithoutFigures(node) : node;
    }

    private static ClusterNode WithoutFigures(ClusterNode node) => node with
    {
        Cpu = null,
        MaxCpu = null,
        MemoryUsed = null,
        MemoryTotal = null,
        RootUsed = null,
        RootTotal = null,
        Uptime = null,
    };

    private static Guest? ParseGuest(JsonElement item, GuestKind kind)
    {
        var vmId = item.Int32("vmid") ?? (int.TryParse(LastIdPart(item), out var fromId) ? fromId : null);
        if (vmId is not { } id || item.String("node") is not { } node)
        {
            return null;
        }

        return new Guest
        {
            VmId = id,
            Name = item.String("name") ?? $"{(kind == GuestKind.Qemu ? "VM" : "CT")} {id}",
            Node = node,
            Kind = kind,
            Status = ParseGuestStatus(item.String("status")),
            Cpu = item.Double("cpu"),
            MaxCpu = item.Int32("maxcpu"),
            Memory = item.Int64("mem"),
            MaxMemory = item.Int64("maxmem"),
            Disk = item.Int64("disk"),
            MaxDisk = item.Int64("maxdisk"),
            Uptime = item.Seconds("uptime"),
            Tags = [.. item.ListOf("tags")],
            Lock = item.String("lock") is { Length: > 0 } held ? held : null,
            Template = item.Boolean("template") ?? false,
        };
    }

    private static StorageVolume? ParseStorage(JsonElement item)
    {
        // The id is storage/{node}/{storage}; it fills in whichever of the two fields is missing.
        var idParts = item.String("id")?.Split('/');
        var name = item.String("storage") ?? (idParts is { Length: 3 } ? idParts[2] : null);
        var node = item.String("node") ?? (idParts is { Length: 3 } ? idParts[1] : null);
        if (name is null || node is null)
        {
            return null;
        }

        return new StorageVolume
        {
            Id = item.String("id") ?? $"storage/{node}/{name}",
            Name = name,
            Node = node,
            Status = item.String("status") ?? "unknown",
            PluginType = item.String("plugintype"),
            Used = item.Int64("disk"),
            Total = item.Int64("maxdisk"),
            Shared = item.Boolean("shared") ?? false,
            Content = [.. item.ListOf("content")],
        };
    }

    private static string? LastIdPart(JsonElement item) => item.String("id") is { } id && id.LastIndexOf('/') is >= 0 and var slash ? id[(slash + 1)..] : null;
}

/// <summary>What <c>/cluster/status</c> says: cluster name and quorum (null on a standalone host) and node membership.</summary>
internal sealed record ClusterStatusInfo(string? Name, bool? Quorate, IReadOnlyDictionary<string, StatusNodeInfo> Nodes);

internal sealed record StatusNodeInfo(bool? Online, string? Ip);

/// <summary>What <c>/cluster/resources</c> lists, already mapped to domain records.</summary>
internal sealed record ClusterResourcesInfo(IReadOnlyList<ClusterNode> Nodes, IReadOnlyList<Guest> Guests, IReadOnlyList<StorageVolume> Storage);
