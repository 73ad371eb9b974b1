using System.Text.Json;
using Homelab.Domain.Cluster;
using Homelab.Domain.Common;

namespace Homelab.Dashboard.Adapters.Proxmox;

/// <summary>Reads <c>/nodes/{node}/status</c> and <c>/nodes/{node}/rrddata</c>.</summary>
internal static class ProxmoxNodeParser
{
    public static NodeDetails ParseDetails(JsonElement data)
    {
        var status = ProxmoxJson.RequireObject(data, "node status");
        var rootfs = status.OptionalObject("rootfs");
        return new NodeDetails
        {
            CpuModel = status.OptionalObject("cpuinfo")?.OptionalString("model"),
            PveVersion = status.OptionalString("pveversion"),
            // PVE 8.1+ also reports current-kernel; older versions only kversion.
            KernelVersion = status.OptionalString("kversion") ?? status.OptionalObject("current-kernel")?.OptionalString("release"),
            LoadAverage = [.. status.OptionalDoubles("loadavg")],
            IoWait = status.OptionalDouble("wait"),
            RootUsed = rootfs?.OptionalInt64("used"),
            RootTotal = rootfs?.OptionalInt64("total"),
        };
    }

    /// <summary>RRD points, oldest first. A point with no data keeps only its time; its values read as null.</summary>
    public static EquatableArray<NodeSample> ParseHistory(JsonElement data)
    {
        var samples = new List<NodeSample>();
        foreach (var point in ProxmoxJson.RequireArray(data, "node history").Objects())
        {
            if (point.OptionalUnixTime("time") is not { } time)
            {
                continue;
            }

            samples.Add(new NodeSample(
                time,
                point.OptionalDouble("cpu"),
                point.OptionalInt64("memused"),
                point.OptionalInt64("memtotal"),
                point.OptionalInt64("rootused"),
                point.OptionalInt64("roottotal"),
                point.OptionalDouble("netin"),
                point.OptionalDouble("netout")));
        }

        return [.. samples.OrderBy(s => s.Time)];
    }
}
