using System.Text.Json;
using Homelab.Dashboard.Adapters.Http;
using Homelab.Domain.Cluster;
using Homelab.Domain.Common;

namespace Homelab.Dashboard.Adapters.Proxmox;

/// <summary>Reads <c>/nodes/{node}/status</c> and <c>/nodes/{node}/rrddata</c>.</summary>
internal static class ProxmoxNodeParser
{
    public static NodeDetails ParseDetails(JsonElement data)
    {
        var status = ProxmoxJson.RequireObject(data, "node status");
        var rootfs = status.Object("rootfs");
        return new NodeDetails
        {
            CpuModel = status.Object("cpuinfo")?.String("model"),
            PveVersion = status.String("pveversion"),
            // PVE 8.1+ also reports current-kernel; older versions only kversion.
            KernelVersion = status.String("kversion") ?? status.Object("current-kernel")?.String("release"),
            LoadAverage = [.. status.Doubles("loadavg")],
            IoWait = status.Double("wait"),
            RootUsed = rootfs?.Int64("used"),
            RootTotal = rootfs?.Int64("total"),
        };
    }

    /// <summary>RRD points, oldest first. A point with no data keeps only its time; its values read as null.</summary>
    public static EquatableArray<NodeSample> ParseHistory(JsonElement data)
    {
        var samples = new List<NodeSample>();
        foreach (var point in ProxmoxJson.RequireArray(data, "node history").Objects())
        {
            if (point.UnixTime("time") is not { } time)
            {
                continue;
            }

            samples.Add(new NodeSample(
                time,
                point.Double("cpu"),
                point.Int64("memused"),
                point.Int64("memtotal"),
                point.Int64("rootused"),
                point.Int64("roottotal"),
                point.Double("netin"),
                point.Double("netout")));
        }

        return [.. samples.OrderBy(s => s.Time)];
    }
}
