using System.Text.Json.Nodes;
using Homelab.Dashboard.Simulator.State;

namespace Homelab.Dashboard.Simulator.Docker;

/// <summary><c>/_ping</c>, <c>/version</c> and <c>/info</c>: what clients ask before anything else.</summary>
internal static class DockerSimSystemEndpoints
{
    private const string GitCommit = "e9ff10b";
    private const string GoVersion = "go1.25.4";

    public static void Map(IEndpointRouteBuilder app, SimulatedHomelab homelab)
    {
        // The docker CLI pings with HEAD first; the daemon's headers (set for every answer) carry the version.
        app.MapMethods("/_ping", [HttpMethods.Get, HttpMethods.Head], async context =>
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache, no-store, must-revalidate";
            context.Response.Headers.Pragma = "no-cache";
            context.Response.Headers["Builder-Version"] = "2";
            context.Response.Headers["Swarm"] = "inactive";
            if (HttpMethods.IsGet(context.Request.Method))
            {
                await context.Response.WriteAsync("OK", context.RequestAborted);
            }
        });

        app.MapGet("/version", context => DockerSimJson.WriteAsync(context, Version()));
        app.MapGet("/info", context => DockerSimJson.WriteAsync(context, Info(homelab)));
    }

    private static JsonObject Version() => new()
    {
        ["Platform"] = new JsonObject { ["Name"] = "Docker Engine - Community" },
        ["Components"] = new JsonArray(
            new JsonObject
            {
                ["Name"] = "Engine",
                ["Version"] = DockerSimVersion.EngineVersion,
                ["Details"] = new JsonObject
                {
                    ["ApiVersion"] = DockerSimVersion.ApiVersionText,
                    ["Arch"] = "amd64",
                    ["BuildTime"] = "2025-11-17T12:33:00.000000000+00:00",
                    ["Experimental"] = "false",
                    ["GitCommit"] = GitCommit,
                    ["GoVersion"] = GoVersion,
                    ["KernelVersion"] = DockerSimVersion.KernelVersion,
                    ["MinAPIVersion"] = DockerSimVersion.MinApiVersionText,
                    ["Os"] = "linux",
                },
            },
            Component("containerd", "v2.1.5", "fcd43222d6b07379a4be9786bda52438f0dd16a1"),
            Component("runc", "1.3.3", "v1.3.3-0-gd842d771"),
            Component("docker-init", "0.19.0", "de40ad0")),
        ["Version"] = DockerSimVersion.EngineVersion,
        ["ApiVersion"] = DockerSimVersion.ApiVersionText,
        ["MinAPIVersion"] = DockerSimVersion.MinApiVersionText,
        ["GitCommit"] = GitCommit,
        ["GoVersion"] = GoVersion,
        ["Os"] = "linux",
        ["Arch"] = "amd64",
        ["KernelVersion"] = DockerSimVersion.KernelVersion,
        ["BuildTime"] = "2025-11-17T12:33:00.000000000+00:00",
    };

    private static JsonObject Component(string name, string version, string gitCommit) => new()
    {
        ["Name"] = name,
        ["Version"] = version,
        ["Details"] = new JsonObject { ["GitCommit"] = gitCommit },
    };

    private static JsonObject Info(SimulatedHomelab homelab)
    {
        var containers = homelab.ListContainers();
        return new JsonObject
        {
            ["ID"] = "7f3c2a9e-5b1d-4c8e-9a6f-2d4b8e1c0f37",
            ["Containers"] = containers.Count,
            ["ContainersRunning"] = containers.Count(c => c.Running || c.Restarting),
            ["ContainersPaused"] = containers.Count(c => c.Paused),
            ["ContainersStopped"] = containers.Count(c => !c.Running && !c.Restarting && !c.Paused),
            ["Images"] = containers.Select(c => c.Image).Distinct(StringComparer.Ordinal).Count(),
            ["Driver"] = "overlay2",
            ["DriverStatus"] = new JsonArray(
                DockerSimJson.Strings(["Backing Filesystem", "extfs"]),
                DockerSimJson.Strings(["Supports d_type", "true"]),
                DockerSimJson.Strings(["Using metacopy", "false"]),
                DockerSimJson.Strings(["Native Overlay Diff", "true"]),
                DockerSimJson.Strings(["userxattr", "true"])),
            ["Plugins"] = new JsonObject
            {
                ["Volume"] = DockerSimJson.Strings(["local"]),
                ["Network"] = DockerSimJson.Strings(["bridge", "host", "ipvlan", "macvlan", "null", "overlay"]),
                ["Log"] = DockerSimJson.Strings(["awslogs", "fluentd", "gcplogs", "gelf", "journald", "json-file", "local", "splunk", "syslog"]),
            },
            ["MemoryLimit"] = true,
            ["SwapLimit"] = true,
            ["CpuCfsPeriod"] = true,
            ["CpuCfsQuota"] = true,
            ["CPUShares"] = true,
            ["CPUSet"] = true,
            ["PidsLimit"] = true,
            ["IPv4Forwarding"] = true,
            ["Debug"] = false,
            ["NFd"] = 412,
            ["OomKillDisable"] = false,
            ["NGoroutines"] = 389,
            ["SystemTime"] = DockerSimJson.Time(homelab.Now),
            ["LoggingDriver"] = "json-file",
            ["CgroupDriver"] = "cgroupfs",
            ["CgroupVersion"] = "2",
            ["NEventsListener"] = 1,
            ["KernelVersion"] = DockerSimVersion.KernelVersion,
            ["OperatingSystem"] = "Debian GNU/Linux 12 (bookworm)",
            ["OSVersion"] = "12",
            ["OSType"] = "linux",
            ["Architecture"] = "x86_64",
            ["IndexServerAddress"] = "https://index.docker.io/v1/",
            ["NCPU"] = SimulatedHomelab.DockerHostCpus,
            ["MemTotal"] = SimulatedHomelab.DockerHostMemory,
            ["DockerRootDir"] = "/var/lib/docker",
            ["HttpProxy"] = "",
            ["HttpsProxy"] = "",
            ["NoProxy"] = "",
            ["Name"] = SimulatorTopology.DockerHostName,
            ["Labels"] = new JsonArray(),
            ["ExperimentalBuild"] = false,
            ["ServerVersion"] = DockerSimVersion.EngineVersion,
            ["Runtimes"] = new JsonObject { ["runc"] = new JsonObject { ["path"] = "runc" } },
            ["DefaultRuntime"] = "runc",

            // Outside a swarm RemoteManagers is null, and left out.
            ["Swarm"] = new JsonObject { ["NodeID"] = "", ["NodeAddr"] = "", ["LocalNodeState"] = "inactive", ["ControlAvailable"] = false, ["Error"] = "" },
            ["LiveRestoreEnabled"] = false,
            ["Isolation"] = "",
            ["InitBinary"] = "docker-init",
            ["ContainerdCommit"] = new JsonObject { ["ID"] = "fcd43222d6b07379a4be9786bda52438f0dd16a1" },
            ["RuncCommit"] = new JsonObject { ["ID"] = "v1.3.3-0-gd842d771" },
            ["InitCommit"] = new JsonObject { ["ID"] = "de40ad0" },
            ["SecurityOptions"] = DockerSimJson.Strings(["name=seccomp,profile=builtin", "name=cgroupns"]),
            ["Warnings"] = new JsonArray(),
        };
    }
}
