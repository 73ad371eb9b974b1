using System.Text.Json.Nodes;
using Homelab.Dashboard.Simulator.State;

namespace Homelab.Dashboard.Simulator.Docker;

/// <summary>
/// <c>GET /containers/{id}/stats</c>: a reading per second while <c>stream</c> is on (the default); with
/// <c>stream=false</c> one reading, for which the daemon first waits a second so that <c>precpu_stats</c> holds a
/// real earlier sample, unless <c>one-shot</c> asks for an answer at once (with an empty <c>precpu_stats</c>).
/// </summary>
internal static class DockerSimStatsEndpoint
{
    /// <summary>The daemon's stats collector samples once a second.</summary>
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(1);

    public static void Map(IEndpointRouteBuilder app, SimulatedHomelab homelab) =>
        app.MapGet("/containers/{id}/stats", context => StatsAsync(context, homelab));

    private static async Task StatsAsync(HttpContext context, SimulatedHomelab homelab)
    {
        var id = DockerSimContainerEndpoints.Id(context);
        if (homelab.FindContainer(id) is not { } container)
        {
            await DockerSimContainerEndpoints.NoSuchContainer(context, id);
            return;
        }

        var stream = DockerSimQuery.Bool(context.Request, "stream", absent: true);
        var oneShot = DockerSimQuery.Bool(context.Request, "one-shot");
        var aborted = context.RequestAborted;
        context.Response.ContentType = "application/json";
        var name = "/" + container.Name;

        // A container that is not running gets one all-zero reading, streaming or not.
        if (!(container.Running || container.Paused) || homelab.ReadStats(id) is not { } first)
        {
            await DockerSimJson.WriteLineAsync(context.Response.Body, Zero(name, container.Id), aborted);
            return;
        }

        if (!stream)
        {
            if (oneShot)
            {
                await DockerSimJson.WriteLineAsync(context.Response.Body, Reading(name, container.Id, first, previous: null), aborted);
                return;
            }

            await Task.Delay(s_interval, TimeProvider.System, aborted);
            var second = homelab.ReadStats(id) ?? first;
            await DockerSimJson.WriteLineAsync(context.Response.Body, Reading(name, container.Id, second, first), aborted);
            return;
        }

        await context.Response.StartAsync(aborted);
        SimStatsView? previous = null;
        try
        {
            while (!aborted.IsCancellationRequested && homelab.ReadStats(id) is { } current)
            {
                await DockerSimJson.WriteLineAsync(context.Response.Body, Reading(name, container.Id, current, previous), aborted);
                await context.Response.Body.FlushAsync(aborted);
                previous = current;
                await Task.Delay(s_interval, TimeProvider.System, aborted);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away: the normal end of a stats stream.
        }
    }

    /// <summary>
    /// A reading in the cgroup v2 shape (<c>memory_stats.stats.inactive_file</c>), in the daemon's snake_case. The
    /// other <c>blkio_stats</c> lists are null under cgroup v2, and left out.
    /// </summary>
    private static JsonObject Reading(string name, string id, SimStatsView now, SimStatsView? previous) => new()
    {
        ["name"] = name,
        ["id"] = id,
        ["read"] = DockerSimJson.Time(now.Read),
        ["preread"] = DockerSimJson.Time(previous?.Read),
        ["pids_stats"] = new JsonObject { ["current"] = now.Pids, ["limit"] = 38_000 },
        ["blkio_stats"] = new JsonObject
        {
            ["io_service_bytes_recursive"] = new JsonArray(
                new JsonObject { ["major"] = 259, ["minor"] = 0, ["op"] = "read", ["value"] = now.RxBytes / 4 },
                new JsonObject { ["major"] = 259, ["minor"] = 0, ["op"] = "write", ["value"] = now.TxBytes / 3 }),
        },
        ["num_procs"] = 0,
        ["storage_stats"] = new JsonObject(),
        ["cpu_stats"] = Cpu(now),
        ["precpu_stats"] = previous is null ? EmptyCpu() : Cpu(previous),
        ["memory_stats"] = new JsonObject
        {
            ["usage"] = now.MemoryUsage,
            ["stats"] = new JsonObject
            {
                ["active_anon"] = now.MemoryUsage * 6 / 10,
                ["active_file"] = now.InactiveFile / 2,
                ["anon"] = now.MemoryUsage * 7 / 10,
                ["file"] = now.InactiveFile * 2,
                ["inactive_anon"] = now.MemoryUsage / 10,
                ["inactive_file"] = now.InactiveFile,
                ["kernel_stack"] = 196_608,
                ["shmem"] = 0,
                ["slab"] = 1_400_000,
            },
            ["limit"] = now.MemoryLimit,
        },
        ["networks"] = new JsonObject
        {
            ["eth0"] = new JsonObject
            {
                ["rx_bytes"] = now.RxBytes,
                ["rx_packets"] = now.RxBytes / 900,
                ["rx_errors"] = 0,
                ["rx_dropped"] = 0,
                ["tx_bytes"] = now.TxBytes,
                ["tx_packets"] = now.TxBytes / 700,
                ["tx_errors"] = 0,
                ["tx_dropped"] = 0,
            },
        },
    };

    private static JsonObject Cpu(SimStatsView s) => new()
    {
        ["cpu_usage"] = new JsonObject
        {
            ["total_usage"] = s.CpuTotalNanos,
            ["usage_in_kernelmode"] = s.CpuTotalNanos / 5,
            ["usage_in_usermode"] = s.CpuTotalNanos / 5 * 4,
        },
        ["system_cpu_usage"] = s.SystemNanos,
        ["online_cpus"] = s.OnlineCpus,
        ["throttling_data"] = NoThrottling(),
    };

    /// <summary>The daemon's empty pre-sample: zero counters and no system usage.</summary>
    private static JsonObject EmptyCpu() => new()
    {
        ["cpu_usage"] = new JsonObject { ["total_usage"] = 0, ["usage_in_kernelmode"] = 0, ["usage_in_usermode"] = 0 },
        ["throttling_data"] = NoThrottling(),
    };

    /// <summary>A new object per use: a node can have only one parent.</summary>
    private static JsonObject NoThrottling() => new() { ["periods"] = 0, ["throttled_periods"] = 0, ["throttled_time"] = 0 };

    /// <summary>A stopped container's reading: empty blocks (its <c>io_service_bytes_recursive</c> is null, so left out).</summary>
    private static JsonObject Zero(string name, string id) => new()
    {
        ["name"] = name,
        ["id"] = id,
        ["read"] = DockerSimJson.ZeroTime,
        ["preread"] = DockerSimJson.ZeroTime,
        ["pids_stats"] = new JsonObject(),
        ["blkio_stats"] = new JsonObject(),
        ["num_procs"] = 0,
        ["storage_stats"] = new JsonObject(),
        ["cpu_stats"] = EmptyCpu(),
        ["precpu_stats"] = EmptyCpu(),
        ["memory_stats"] = new JsonObject { ["usage"] = 0, ["limit"] = 0 },
    };
}
