using System.Text.Json.Nodes;
using Homelab.Dashboard.Simulator.State;
using static Homelab.Dashboard.Simulator.Proxmox.ProxmoxWire;

namespace Homelab.Dashboard.Simulator.Proxmox;

/// <summary><c>/nodes/{node}/status</c>, <c>/rrddata</c> and <c>/storage</c> in Proxmox's shapes and units.</summary>
internal static class ProxmoxNodePayloads
{
    private const long SwapTotal = 8L << 30;

    public static JsonObject Status(SimNodeView node)
    {
        var memoryFree = node.MemoryTotal - node.MemoryUsed;
        var swapUsed = SwapTotal / 50;
        var rootFree = node.RootTotal - node.RootUsed;
        var kernel = SimulatorTopology.KernelVersion.Split(' ', 3);
        return new JsonObject
        {
            ["cpu"] = Fraction(node.Cpu),
            ["wait"] = Fraction(node.IoWait),
            ["idle"] = 0,
            // Proxmox sends the load averages as strings.
            ["loadavg"] = new JsonArray([.. node.Load.Select(l => (JsonNode)Invariant(l, "0.00"))]),
            ["uptime"] = node.UptimeSeconds,
            ["memory"] = new JsonObject { ["total"] = node.MemoryTotal, ["used"] = node.MemoryUsed, ["free"] = memoryFree, ["available"] = memoryFree },
            ["swap"] = new JsonObject { ["total"] = SwapTotal, ["used"] = swapUsed, ["free"] = SwapTotal - swapUsed },
            // ext4 keeps 5 % for root: "avail" is what users get, "free" includes the reserve.
            ["rootfs"] = new JsonObject { ["total"] = node.RootTotal, ["used"] = node.RootUsed, ["avail"] = Math.Max(0, rootFree - node.RootTotal / 20), ["free"] = rootFree },
            ["cpuinfo"] = new JsonObject
            {
                ["cpus"] = node.MaxCpu,
                ["cores"] = node.Cores,
                ["sockets"] = node.Sockets,
                ["model"] = node.CpuModel,
                ["mhz"] = Invariant(node.CpuMhz, "0.000"),
                ["hvm"] = "1",
                ["user_hz"] = 100,
            },
            ["ksm"] = new JsonObject { ["shared"] = 0 },
            ["kversion"] = node.KernelVersion,
            ["current-kernel"] = new JsonObject
            {
                ["sysname"] = kernel[0],
                ["release"] = kernel.Length > 1 ? kernel[1] : "",
                ["version"] = kernel.Length > 2 ? kernel[2] : "",
                ["machine"] = "x86_64",
            },
            ["boot-info"] = new JsonObject { ["mode"] = "efi", ["secureboot"] = 0 },
            ["pveversion"] = node.PveVersion,
        };
    }

    /// <summary>Node RRD points; rates in bytes/s. A minute with no data (node offline) keeps only its time.</summary>
    public static JsonArray NodeRrd(IReadOnlyList<SimRrdPoint> points) => [.. points.Select(p => (JsonNode)(double.IsFinite(p.Cpu)
        ? new JsonObject
        {
            ["time"] = p.Time,
            ["cpu"] = Fraction(p.Cpu),
            ["maxcpu"] = p.MaxCpu,
            ["iowait"] = Fraction(p.IoWait),
            ["loadavg"] = Math.Round(p.Load, 2),
            ["memtotal"] = p.MemoryTotal,
            ["memused"] = p.MemoryUsed,
            ["memavailable"] = p.MemoryTotal - p.MemoryUsed,
            ["swaptotal"] = SwapTotal,
            ["swapused"] = SwapTotal / 50,
            ["roottotal"] = p.RootTotal,
            ["rootused"] = p.RootUsed,
            ["netin"] = Math.Round(p.NetIn, 2),
            ["netout"] = Math.Round(p.NetOut, 2),
        }
        : new JsonObject { ["time"] = p.Time }))];

    /// <summary>Guest RRD points: the same minute grid with the guest's own keys.</summary>
    public static JsonArray GuestRrd(IReadOnlyList<SimRrdPoint> points) => [.. points.Select(p => (JsonNode)new JsonObject
    {
        ["time"] = p.Time,
        ["cpu"] = Fraction(p.Cpu),
        ["maxcpu"] = p.MaxCpu,
        ["mem"] = p.MemoryUsed,
        ["maxmem"] = p.MemoryTotal,
        ["disk"] = p.RootUsed,
        ["maxdisk"] = p.RootTotal,
        ["netin"] = Math.Round(p.NetIn, 2),
        ["netout"] = Math.Round(p.NetOut, 2),
        ["diskread"] = Math.Round(p.NetIn * 0.3, 2),
        ["diskwrite"] = Math.Round(p.NetIn * 0.2, 2),
    })];

    public static JsonArray Storage(IReadOnlyList<SimStorageView> storage) => [.. storage.Select(s =>
    {
        var item = new JsonObject
        {
            ["storage"] = s.Name,
            ["type"] = s.Type,
            ["content"] = s.Content,
            ["active"] = Bool(s.Available),
            ["enabled"] = 1,
            ["shared"] = Bool(s.Shared),
        };
        if (s.Available)
        {
            item["total"] = s.Total;
            item["used"] = s.Used;
            item["avail"] = s.Total - s.Used;
            item["used_fraction"] = s.Total > 0 ? Math.Round((double)s.Used / s.Total, 6) : 0;
        }

        return (JsonNode)item;
    })];
}
