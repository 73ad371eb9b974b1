using System.Text.Json.Nodes;
using Homelab.Dashboard.Simulator.State;
using Homelab.Domain.Cluster;
using static Homelab.Dashboard.Simulator.Proxmox.ProxmoxWire;

namespace Homelab.Dashboard.Simulator.Proxmox;

/// <summary>
/// <c>/version</c>, <c>/cluster/status</c>, <c>/cluster/resources</c> and <c>/nodes</c> in Proxmox's field names and
/// units: bytes, seconds, CPU as a 0–1 fraction, booleans as 0/1. Offline nodes, their guests and storage, and stopped
/// guests leave out the live figures, as pvestatd has nothing to report for them.
/// </summary>
internal static class ProxmoxClusterPayloads
{
    public static JsonObject Version()
    {
        // pve-manager/9.1.1/42db4a6cf33dac83
        var parts = SimulatorTopology.PveVersion.Split('/');
        var version = parts[1];
        return new JsonObject
        {
            ["version"] = version,
            ["release"] = string.Join('.', version.Split('.').Take(2)),
            ["repoid"] = parts[2],
        };
    }

    public static JsonArray Status(SimClusterView cluster)
    {
        var entries = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "cluster",
                ["id"] = "cluster",
                ["name"] = cluster.Name,
                ["nodes"] = cluster.Nodes.Count,
                ["quorate"] = Bool(cluster.Quorate),
                ["version"] = cluster.Version,
            },
        };
        foreach (var node in cluster.Nodes)
        {
            entries.Add(new JsonObject
            {
                ["type"] = "node",
                ["id"] = $"node/{node.Name}",
                ["name"] = node.Name,
                ["nodeid"] = node.NodeId,
                ["online"] = Bool(node.Online),
                ["local"] = Bool(node.Name == LocalNode),
                ["ip"] = node.Ip,
                ["level"] = "",
            });
        }

        return entries;
    }

    /// <param name="type">null for everything, else <c>vm</c>, <c>node</c> or <c>storage</c> (checked by the caller).</param>
    public static JsonArray Resources(SimClusterView cluster, string? type)
    {
        var online = cluster.Nodes.Where(n => n.Online).Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var items = new JsonArray();
        if (type is null or "vm")
        {
            foreach (var guest in cluster.Guests.OrderBy(g => g.VmId))
            {
                items.Add(GuestResource(guest, online.Contains(guest.Node)));
            }
        }

        if (type is null or "node")
        {
            foreach (var node in cluster.Nodes)
            {
                items.Add(NodeResource(node));
            }
        }

        if (type is null or "storage")
        {
            foreach (var storage in cluster.Storage)
            {
                items.Add(StorageResource(storage, online.Contains(storage.Node)));
            }
        }

        return items;
    }

    /// <summary><c>/nodes</c>: the node resources with the node list's own keys.</summary>
    public static JsonArray Nodes(SimClusterView cluster) => [.. cluster.Nodes.Select(NodeResource)];

    public static JsonObject NodeResource(SimNodeView node)
    {
        var item = new JsonObject
        {
            ["id"] = $"node/{node.Name}",
            ["type"] = "node",
            ["node"] = node.Name,
            ["status"] = node.Online ? "online" : "offline",
        };
        if (node.Online)
        {
            item["cpu"] = Fraction(node.Cpu);
            item["maxcpu"] = node.MaxCpu;
            item["mem"] = node.MemoryUsed;
            item["maxmem"] = node.MemoryTotal;
            item["disk"] = node.RootUsed;
            item["maxdisk"] = node.RootTotal;
            item["uptime"] = node.UptimeSeconds;
            item["level"] = "";
            item["cgroup-mode"] = 2;
        }

        return item;
    }

    public static JsonObject GuestResource(SimGuestView guest, bool nodeOnline)
    {
        var kind = guest.Kind == GuestKind.Qemu ? "qemu" : "lxc";
        var item = new JsonObject
        {
            ["id"] = $"{kind}/{guest.VmId}",
            ["type"] = kind,
            ["vmid"] = guest.VmId,
            ["name"] = guest.Name,
            ["node"] = guest.Node,
            ["status"] = !nodeOnline ? "unknown" : guest.Running ? "running" : "stopped",
            ["template"] = 0,
            ["maxcpu"] = guest.MaxCpu,
            ["maxmem"] = guest.MaxMemory,
            ["maxdisk"] = guest.MaxDisk,
        };
        if (guest.Tags.Length > 0)
        {
            item["tags"] = guest.Tags;
        }

        if (guest.Lock is { } held)
        {
            item["lock"] = held;
        }

        if (nodeOnline && guest.Running)
        {
            item["cpu"] = Fraction(guest.Cpu);
            item["mem"] = guest.Memory;
            // QEMU knows nothing about the guest's filesystems; only containers report disk use.
            item["disk"] = guest.Kind == GuestKind.Lxc ? guest.Disk : 0;
            item["uptime"] = guest.UptimeSeconds;
            item["netin"] = guest.NetIn;
            item["netout"] = guest.NetOut;
            item["diskread"] = guest.DiskRead;
            item["diskwrite"] = guest.DiskWrite;
        }

        return item;
    }

    public static JsonObject StorageResource(SimStorageView storage, bool nodeOnline)
    {
        var available = nodeOnline && storage.Available;
        var item = new JsonObject
        {
            ["id"] = $"storage/{storage.Node}/{storage.Name}",
            ["type"] = "storage",
            ["storage"] = storage.Name,
            ["node"] = storage.Node,
            ["status"] = available ? "available" : "unknown",
            ["plugintype"] = storage.Type,
            ["content"] = storage.Content,
            ["shared"] = Bool(storage.Shared),
        };
        if (available)
        {
            item["disk"] = storage.Used;
            item["maxdisk"] = storage.Total;
        }

        return item;
    }
}
