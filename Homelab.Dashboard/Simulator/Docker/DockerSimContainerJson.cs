using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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
    public static object Summary(SimContainerView c, Version apiVersion) => new
    {
        c.Id,
        Names = new[] { "/" + c.Name },
        c.Image,
        ImageID = c.ImageId,
        c.Command,
        Created = c.Created.ToUnixTimeSeconds(),
        Ports = Ports(c),
        Labels = c.Labels,
        c.State,
        c.Status,
        HostConfig = new { NetworkMode = NetworkMode(c) },
        NetworkSettings = new { Networks = Networks(c) },
        Mounts = Mounts(c),
        Health = apiVersion >= DockerSimVersion.Current && HasHealthCheck(c) ? new { Status = c.Health ?? "none", c.FailingStreak } : null,
    };

    /// <summary><c>GET /containers/{id}/json</c>, complete enough for <c>docker inspect</c> and docker-py.</summary>
    public static object Inspect(SimContainerView c)
    {
        var command = c.Command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var exposed = c.Ports.ToDictionary(p => $"{p.PrivatePort}/{p.Type}", _ => new { }, StringComparer.Ordinal);
        var hostname = c.Id[..12];
        return new
        {
            c.Id,
            Created = DockerSimJson.Time(c.Created),
            Path = command.FirstOrDefault() ?? "",
            Args = command.Skip(1).ToArray(),
            State = new
            {
                Status = c.State,
                Running = c.Running || c.Paused || c.Restarting,
                c.Paused,
                c.Restarting,
                OOMKilled = false,
                Dead = c.State == "dead",
                c.Pid,
                c.ExitCode,
                Error = "",
                StartedAt = DockerSimJson.Time(c.StartedAt),
                FinishedAt = DockerSimJson.Time(c.FinishedAt),
                Health = HasHealthCheck(c)
                    ? new
                    {
                        Status = c.Health ?? "none",
                        c.FailingStreak,
                        Log = c.HealthLog.Select(l => new { Start = DockerSimJson.Time(l.Start), End = DockerSimJson.Time(l.End), l.ExitCode, l.Output }).ToArray(),
                    }
                    : null,
            },
            Image = c.ImageId,
            ResolvConfPath = $"/var/lib/docker/containers/{c.Id}/resolv.conf",
            HostnamePath = $"/var/lib/docker/containers/{c.Id}/hostname",
            HostsPath = $"/var/lib/docker/containers/{c.Id}/hosts",
            LogPath = $"/var/lib/docker/containers/{c.Id}/{c.Id}-json.log",
            Name = "/" + c.Name,
            c.RestartCount,
            Driver = "overlay2",
            Platform = "linux",
            MountLabel = "",
            ProcessLabel = "",
            AppArmorProfile = "",
            HostConfig = new
            {
                Binds = Mounts(c).Select(m => $"{m.Source}:{m.Destination}:{m.Mode}").ToArray(),
                NetworkMode = NetworkMode(c),
                PortBindings = c.Ports.Where(p => p.PublicPort is not null).ToDictionary(
                    p => $"{p.PrivatePort}/{p.Type}",
                    p => new[] { new { HostIp = "", HostPort = p.PublicPort!.Value.ToString(CultureInfo.InvariantCulture) } },
                    StringComparer.Ordinal),
                RestartPolicy = new { Name = c.RestartPolicy, MaximumRetryCount = 0 },
                AutoRemove = false,
                LogConfig = new { Type = "json-file", Config = new Dictionary<string, string>() },
                Memory = c.MemoryLimit,
                NanoCpus = 0,
                Privileged = false,
                ReadonlyRootfs = false,
            },
            GraphDriver = new { Name = "overlay2", Data = new { MergedDir = $"/var/lib/docker/overlay2/{c.Id[..24]}/merged" } },
            Mounts = Mounts(c),
            Config = new
            {
                Hostname = hostname,
                Domainname = "",
                User = "",
                AttachStdin = false,
                AttachStdout = true,
                AttachStderr = true,
                ExposedPorts = exposed.Count > 0 ? exposed : null,
                c.Tty,
                OpenStdin = false,
                StdinOnce = false,
                Env = new[] { "PUID=1000", "PGID=1000", "TZ=Europe/Amsterdam", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" },
                Cmd = command.Skip(1).ToArray(),
                Healthcheck = HasHealthCheck(c) ? HealthCheck(c) : null,
                c.Image,
                WorkingDir = "",
                Entrypoint = command.Take(1).ToArray(),
                Labels = c.Labels,
            },
            NetworkSettings = new
            {
                SandboxID = Hex("sandbox/" + c.Name),
                SandboxKey = $"/var/run/docker/netns/{Hex("sandbox/" + c.Name)[..12]}",
                Ports = c.Running ? PortMap(c) : [],
                Networks = Networks(c),
            },
        };
    }

    /// <summary>The compose project a container belongs to (its label), for filters and network names.</summary>
    public static string Project(SimContainerView c) => c.Labels.GetValueOrDefault(ComposeProjectLabel) ?? "default";

    private static bool HasHealthCheck(SimContainerView c) => s_seeds.TryGetValue(c.Name, out var seed) ? seed.HealthCheck : c.Health is not null;

    private static string NetworkMode(SimContainerView c) => c.NetworkMode ?? $"{Project(c)}_default";

    /// <summary>Published ports appear twice, once per address family, as on a daemon with IPv6 enabled.</summary>
    private static object[] Ports(SimContainerView c) => [.. c.Ports.SelectMany(p => p.PublicPort is { } published
        ? new object[]
        {
            new { IP = "0.0.0.0", p.PrivatePort, PublicPort = published, p.Type },
            new { IP = "::", p.PrivatePort, PublicPort = published, p.Type },
        }
        : [new { p.PrivatePort, p.Type }])];

    private static Dictionary<string, object[]?> PortMap(SimContainerView c) => c.Ports.ToDictionary(
        p => $"{p.PrivatePort}/{p.Type}",
        p => p.PublicPort is { } published
            ? new object[]
            {
                new { HostIp = "0.0.0.0", HostPort = published.ToString(CultureInfo.InvariantCulture) },
                new { HostIp = "::", HostPort = published.ToString(CultureInfo.InvariantCulture) },
            }
            : null,
        StringComparer.Ordinal);

    /// <summary>Containers sharing gluetun's namespace have no network of their own.</summary>
    private static Dictionary<string, object> Networks(SimContainerView c)
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
        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [network] = new
            {
                IPAMConfig = (object?)null,
                Links = (object?)null,
                Aliases = new[] { c.Name, $"{project}-{c.Name}-1" },
                MacAddress = running ? $"02:42:ac:{subnet:x2}:00:{host:x2}" : "",
                NetworkID = Hex("network/" + network),
                EndpointID = running ? Hex("endpoint/" + c.Name) : "",
                Gateway = running ? $"172.{subnet}.0.1" : "",
                IPAddress = running ? $"172.{subnet}.0.{host}" : "",
                IPPrefixLen = running ? 16 : 0,
                IPv6Gateway = "",
                GlobalIPv6Address = "",
                GlobalIPv6PrefixLen = 0,
                DNSNames = new[] { c.Name, c.Id[..12] },
            },
        };
    }

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

    private static object HealthCheck(SimContainerView c)
    {
        var port = c.Ports.Count > 0 ? c.Ports[0].PrivatePort : 8080;
        var test = c.Image switch
        {
            var i when i.StartsWith("postgres", StringComparison.Ordinal) || i.Contains("immich-app/postgres", StringComparison.Ordinal) => "pg_isready -U postgres",
            var i when i.StartsWith("mariadb", StringComparison.Ordinal) => "healthcheck.sh --connect --innodb_initialized",
            var i when i.Contains("redis", StringComparison.Ordinal) || i.Contains("valkey", StringComparison.Ordinal) => "redis-cli ping",
            _ => $"curl -fsS http://localhost:{port}/ || exit 1",
        };
        return new { Test = new[] { "CMD-SHELL", test }, Interval = 30_000_000_000L, Timeout = 10_000_000_000L, StartPeriod = 20_000_000_000L, Retries = 3 };
    }

    private static string Hex(string seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));

    private sealed record SimMount(string Type, string Source, string Destination, string Mode, bool RW, string Propagation);
}
