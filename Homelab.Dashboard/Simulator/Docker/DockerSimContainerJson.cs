using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Homelab.Dashboard.Simulator.State;

namespace Homelab.Dashboard.Simulator.Docker;

/// <summary>
/// The list and inspect shapes of a simulated container, in the daemon's PascalCase. Networks, mounts and
/// environment are derived from the topology so that they stay the same from call to call.
/// </summary>
internal static class DockerSimContainerJson
{
    private const string ComposeProjectLabel = "com.docker.compose.project";

    /// <summary>Compose gives each project a default bridge network; this numbering keeps subnets stable.</summary>
    private static readonly Dictionary<string, int> s_projectIndex = SimulatorTopology.Containers
        .Select(c => c.Project)
        .Distinct(StringComparer.Ordinal)
        .Select((project, index) => (project, index))
        .ToDictionary(p => p.project, p => p.index, StringComparer.Ordinal);

    private static readonly Dictionary<string, ContainerSeed> s_seeds = SimulatorTopology.Containers.ToDictionary(c => c.Name, StringComparer.Ordinal);

    private static readonly string[] s_mediaProjects = ["media", "books", "downloads", "games"];

    /// <summary>One entry of <c>GET /containers/json</c>; health only for API 1.52 and later, as the daemon does.</summary>
    public static JsonObject Summary(SimContainerView c, Version apiVersion)
    {
        var summary = new JsonObject
        {
            ["Id"] = c.Id,
            ["Names"] = DockerSimJson.Strings(["/" + c.Name]),
            ["Image"] = c.Image,
            ["ImageID"] = c.ImageId,
            ["Command"] = c.Command,
            ["Created"] = c.Created.ToUnixTimeSeconds(),
            ["Ports"] = Ports(c),
            ["Labels"] = DockerSimJson.StringMap(c.Labels),
            ["State"] = c.State,
            ["Status"] = c.Status,
            ["HostConfig"] = new JsonObject { ["NetworkMode"] = NetworkMode(c) },
            ["NetworkSettings"] = new JsonObject { ["Networks"] = Networks(c) },
            ["Mounts"] = MountsJson(c),
        };
        if (apiVersion >= DockerSimVersion.Current && HasHealthCheck(c))
        {
            summary["Health"] = new JsonObject { ["Status"] = c.Health ?? "none", ["FailingStreak"] = c.FailingStreak };
        }

        return summary;
    }

    /// <summary><c>GET /containers/{id}/json</c>, complete enough for <c>docker inspect</c> and docker-py.</summary>
    public static JsonObject Inspect(SimContainerView c)
    {
        var command = c.Command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new JsonObject
        {
            ["Id"] = c.Id,
            ["Created"] = DockerSimJson.Time(c.Created),
            ["Path"] = command.FirstOrDefault() ?? "",
            ["Args"] = DockerSimJson.Strings(command.Skip(1)),
            ["State"] = State(c),
            ["Image"] = c.ImageId,
            ["ResolvConfPath"] = $"/var/lib/docker/containers/{c.Id}/resolv.conf",
            ["HostnamePath"] = $"/var/lib/docker/containers/{c.Id}/hostname",
            ["HostsPath"] = $"/var/lib/docker/containers/{c.Id}/hosts",
            ["LogPath"] = $"/var/lib/docker/containers/{c.Id}/{c.Id}-json.log",
            ["Name"] = "/" + c.Name,
            ["RestartCount"] = c.RestartCount,
            ["Driver"] = "overlay2",
            ["Platform"] = "linux",
            ["MountLabel"] = "",
            ["ProcessLabel"] = "",
            ["AppArmorProfile"] = "",
            ["HostConfig"] = HostConfig(c),
            ["GraphDriver"] = new JsonObject
            {
                ["Name"] = "overlay2",
                ["Data"] = new JsonObject { ["MergedDir"] = $"/var/lib/docker/overlay2/{c.Id[..24]}/merged" },
            },
            ["Mounts"] = MountsJson(c),
            ["Config"] = Config(c, command),
            ["NetworkSettings"] = new JsonObject
            {
                ["SandboxID"] = Hex("sandbox/" + c.Name),
                ["SandboxKey"] = $"/var/run/docker/netns/{Hex("sandbox/" + c.Name)[..12]}",
                ["Ports"] = c.Running ? PortMap(c) : new JsonObject(),
                ["Networks"] = Networks(c),
            },
        };
    }

    /// <summary>The compose project a container belongs to (its label), for filters and network names.</summary>
    public static string Project(SimContainerView c) => c.Labels.GetValueOrDefault(ComposeProjectLabel) ?? "default";

    private static bool HasHealthCheck(SimContainerView c) => s_seeds.TryGetValue(c.Name, out var seed) ? seed.HealthCheck : c.Health is not null;

    private static string NetworkMode(SimContainerView c) => c.NetworkMode ?? $"{Project(c)}_default";

    /// <summary>Inspect's <c>State</c>; <c>Health</c> only for a container with a health check.</summary>
    private static JsonObject State(SimContainerView c)
    {
        var state = new JsonObject
        {
            ["Status"] = c.State,
            ["Running"] = c.Running || c.Paused || c.Restarting,
            ["Paused"] = c.Paused,
            ["Restarting"] = c.Restarting,
            ["OOMKilled"] = false,
            ["Dead"] = c.State == "dead",
            ["Pid"] = c.Pid,
            ["ExitCode"] = c.ExitCode,
            ["Error"] = "",
            ["StartedAt"] = DockerSimJson.Time(c.StartedAt),
            ["FinishedAt"] = DockerSimJson.Time(c.FinishedAt),
        };
        if (HasHealthCheck(c))
        {
            state["Health"] = new JsonObject
            {
                ["Status"] = c.Health ?? "none",
                ["FailingStreak"] = c.FailingStreak,
                ["Log"] = new JsonArray([.. c.HealthLog.Select(l => (JsonNode)new JsonObject
                {
                    ["Start"] = DockerSimJson.Time(l.Start),
                    ["End"] = DockerSimJson.Time(l.End),
                    ["ExitCode"] = l.ExitCode,
                    ["Output"] = l.Output,
                })]),
            };
        }

        return state;
    }

    private static JsonObject HostConfig(SimContainerView c) => new()
    {
        ["Binds"] = DockerSimJson.Strings(Mounts(c).Select(m => $"{m.Source}:{m.Destination}:{m.Mode}")),
        ["NetworkMode"] = NetworkMode(c),
        ["PortBindings"] = new JsonObject(c.Ports.Where(p => p.PublicPort is not null).Select(p => KeyValuePair.Create(
            $"{p.PrivatePort}/{p.Type}",
            (JsonNode?)new JsonArray(new JsonObject { ["HostIp"] = "", ["HostPort"] = p.PublicPort!.Value.ToString(CultureInfo.InvariantCulture) })))),
        ["RestartPolicy"] = new JsonObject { ["Name"] = c.RestartPolicy, ["MaximumRetryCount"] = 0 },
        ["AutoRemove"] = false,
        ["LogConfig"] = new JsonObject { ["Type"] = "json-file", ["Config"] = new JsonObject() },
        ["Memory"] = c.MemoryLimit,
        ["NanoCpus"] = 0,
        ["Privileged"] = false,
        ["ReadonlyRootfs"] = false,
    };

    /// <summary>Inspect's <c>Config</c>; like Go's <c>omitempty</c>, no exposed ports or health check means no key.</summary>
    private static JsonObject Config(SimContainerView c, string[] command)
    {
        var config = new JsonObject
        {
            ["Hostname"] = c.Id[..12],
            ["Domainname"] = "",
            ["User"] = "",
            ["AttachStdin"] = false,
            ["AttachStdout"] = true,
            ["AttachStderr"] = true,
        };
        if (c.Ports.Count > 0)
        {
            config["ExposedPorts"] = new JsonObject(c.Ports.Select(p => KeyValuePair.Create($"{p.PrivatePort}/{p.Type}", (JsonNode?)new JsonObject())));
        }

        config["Tty"] = c.Tty;
        config["OpenStdin"] = false;
        config["StdinOnce"] = false;
        config["Env"] = DockerSimJson.Strings(["PUID=1000", "PGID=1000", "TZ=Europe/Amsterdam", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]);
        config["Cmd"] = DockerSimJson.Strings(command.Skip(1));
        if (HasHealthCheck(c))
        {
            config["Healthcheck"] = HealthCheck(c);
        }

        config["Image"] = c.Image;
        config["WorkingDir"] = "";
        config["Entrypoint"] = DockerSimJson.Strings(command.Take(1));
        config["Labels"] = DockerSimJson.StringMap(c.Labels);
        return config;
    }

    /// <summary>Published ports appear twice, once per address family, as on a daemon with IPv6 enabled.</summary>
    private static JsonArray Ports(SimContainerView c) => [.. c.Ports.SelectMany(p => p.PublicPort is { } published
        ? new JsonNode[]
        {
            new JsonObject { ["IP"] = "0.0.0.0", ["PrivatePort"] = p.PrivatePort, ["PublicPort"] = published, ["Type"] = p.Type },
            new JsonObject { ["IP"] = "::", ["PrivatePort"] = p.PrivatePort, ["PublicPort"] = published, ["Type"] = p.Type },
        }
        : [new JsonObject { ["PrivatePort"] = p.PrivatePort, ["Type"] = p.Type }])];

    /// <summary>An exposed port that is not published maps to <c>null</c>, as the daemon sends it.</summary>
    private static JsonObject PortMap(SimContainerView c) => new(c.Ports.Select(p => KeyValuePair.Create(
        $"{p.PrivatePort}/{p.Type}",
        p.PublicPort is { } published
            ? (JsonNode?)new JsonArray(
                new JsonObject { ["HostIp"] = "0.0.0.0", ["HostPort"] = published.ToString(CultureInfo.InvariantCulture) },
                new JsonObject { ["HostIp"] = "::", ["HostPort"] = published.ToString(CultureInfo.InvariantCulture) })
            : null)));

    /// <summary>Containers sharing gluetun's namespace have no network of their own.</summary>
    private static JsonObject Networks(SimContainerView c)
    {
        if (c.NetworkMode is { } mode && mode.StartsWith("container:", StringComparison.Ordinal))
        {
            return [];
        }

        var project = Project(c);
        var subnet = 18 + s_projectIndex.GetValueOrDefault(project);
        var host = 2 + SimulatorTopology.Containers.Where(s => s.Project == project).Select(s => s.Name).ToList().IndexOf(c.Name);
        var running = c.Running || c.Paused;
        var network = $"{project}_default";

        // IPAMConfig and Links are null for a compose network, and the daemon leaves them out.
        return new JsonObject
        {
            [network] = new JsonObject
            {
                ["Aliases"] = DockerSimJson.Strings([c.Name, $"{project}-{c.Name}-1"]),
                ["MacAddress"] = running ? $"02:42:ac:{subnet:x2}:00:{host:x2}" : "",
                ["NetworkID"] = Hex("network/" + network),
                ["EndpointID"] = running ? Hex("endpoint/" + c.Name) : "",
                ["Gateway"] = running ? $"172.{subnet}.0.1" : "",
                ["IPAddress"] = running ? $"172.{subnet}.0.{host}" : "",
                ["IPPrefixLen"] = running ? 16 : 0,
                ["IPv6Gateway"] = "",
                ["GlobalIPv6Address"] = "",
                ["GlobalIPv6PrefixLen"] = 0,
                ["DNSNames"] = DockerSimJson.Strings([c.Name, c.Id[..12]]),
            },
        };
    }

    private static JsonArray MountsJson(SimContainerView c) => [.. Mounts(c).Select(m => (JsonNode)new JsonObject
    {
        ["Type"] = m.Type,
        ["Source"] = m.Source,
        ["Destination"] = m.Destination,
        ["Mode"] = m.Mode,
        ["RW"] = m.RW,
        ["Propagation"] = m.Propagation,
    })];

    private static SimMount[] Mounts(SimContainerView c)
    {
        var project = Project(c);
        var mounts = new List<SimMount> { new("bind", $"/opt/docker/{project}/{c.Name}", "/config", "rw", true, "rprivate") };
        if (s_mediaProjects.Contains(project, StringComparer.Ordinal) && !c.Image.StartsWith("postgres", StringComparison.Ordinal) && !c.Image.StartsWith("mariadb", StringComparison.Ordinal))
        {
            // The DAS, mounted into LXC 200 at /data/media, is bind-mounted into every media service.
            mounts.Add(new SimMount("bind", "/data/media", "/data/media", "rw", true, "rprivate"));
        }

        return [.. mounts];
    }

    private static JsonObject HealthCheck(SimContainerView c)
    {
        var port = c.Ports.Count > 0 ? c.Ports[0].PrivatePort : 8080;
        var test = c.Image switch
        {
            var i when i.StartsWith("postgres", StringComparison.Ordinal) || i.Contains("immich-app/postgres", StringComparison.Ordinal) => "pg_isready -U postgres",
            var i when i.StartsWith("mariadb", StringComparison.Ordinal) => "healthcheck.sh --connect --innodb_initialized",
            var i when i.Contains("redis", StringComparison.Ordinal) || i.Contains("valkey", StringComparison.Ordinal) => "redis-cli ping",
            _ => $"curl -fsS http://localhost:{port}/ || exit 1",
        };
        return new JsonObject
        {
            ["Test"] = DockerSimJson.Strings(["CMD-SHELL", test]),
            ["Interval"] = 30_000_000_000L,
            ["Timeout"] = 10_000_000_000L,
            ["StartPeriod"] = 20_000_000_000L,
            ["Retries"] = 3,
        };
    }

    private static string Hex(string seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));

    private sealed record SimMount(string Type, string Source, string Destination, string Mode, bool RW, string Propagation);
}
