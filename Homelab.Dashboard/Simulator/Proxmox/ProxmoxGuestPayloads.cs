using System.Globalization;
using System.Text.Json.Nodes;
using Homelab.Dashboard.Simulator.State;
using Homelab.Domain.Cluster;
using static Homelab.Dashboard.Simulator.Proxmox.ProxmoxWire;

namespace Homelab.Dashboard.Simulator.Proxmox;

/// <summary><c>/nodes/{node}/qemu</c>, <c>/lxc</c> and a guest's <c>status/current</c>, as qemu-server and pve-container answer.</summary>
internal static class ProxmoxGuestPayloads
{
    private const long LxcSwap = 512L << 20;

    /// <summary>The guest list of one node and type. pve-container lists <c>vmid</c> as a string; qemu-server as a number.</summary>
    public static JsonArray List(IEnumerable<SimGuestView> guests) => [.. guests.OrderBy(g => g.VmId).Select(g =>
    {
        var item = Current(g);
        if (g.Kind == GuestKind.Lxc)
        {
            item["vmid"] = g.VmId.ToString(CultureInfo.InvariantCulture);
        }

        item.Remove("ha");
        return (JsonNode)item;
    })];

    public static JsonObject Current(SimGuestView guest)
    {
        var isQemu = guest.Kind == GuestKind.Qemu;
        var item = new JsonObject
        {
            ["status"] = guest.Running ? "running" : "stopped",
            ["vmid"] = guest.VmId,
            ["name"] = guest.Name,
            ["cpus"] = guest.MaxCpu,
            ["maxmem"] = guest.MaxMemory,
            ["maxdisk"] = guest.MaxDisk,
            ["ha"] = new JsonObject { ["managed"] = 0 },
        };
        if (isQemu)
        {
            // qmpstatus is QEMU's own run state (running, paused, prelaunch...); "status" alone cannot show a pause.
            item["qmpstatus"] = guest.Running ? "running" : "stopped";
            item["agent"] = 1;
        }
        else
        {
            item["type"] = "lxc";
            item["maxswap"] = LxcSwap;
            item["disk"] = guest.Disk;
        }

        if (guest.Tags.Length > 0)
        {
            item["tags"] = guest.Tags;
        }

        if (guest.Lock is { } held)
        {
            item["lock"] = held;
        }

        if (guest.Running)
        {
            item["cpu"] = Fraction(guest.Cpu);
            item["mem"] = guest.Memory;
            item["uptime"] = guest.UptimeSeconds;
            item["pid"] = guest.Pid;
            item["netin"] = guest.NetIn;
            item["netout"] = guest.NetOut;
            item["diskread"] = guest.DiskRead;
            item["diskwrite"] = guest.DiskWrite;
            if (isQemu)
            {
                item["disk"] = 0;
                item["running-qemu"] = "10.0.2";
                item["running-machine"] = "pc-q35-10.0+pve1";
            }
            else
            {
                item["swap"] = 0;
            }
        }

        return item;
    }
}
