using System.Security.Cryptography;
using System.Text;
using Homelab.Dashboard.Simulator.State;
using Homelab.Domain.Cluster;
using Homelab.Domain.Common;
using Homelab.Domain.Containers;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;

namespace Homelab.Tests.Shared;

/// <summary>
/// The seed homelab as a ready-made <see cref="HomelabSnapshot"/>: the HomeServer cluster (pve, MediaServer, AIServer)
/// with its guests and storage (the DAS included), and the containers of <c>docker-server</c>, every source fresh.
/// Deterministic, so tests can assert on exact figures.
/// </summary>
/// <remarks>
/// Built from <see cref="SimulatorTopology"/>, so it is the same homelab the simulator serves. Notable seed facts:
/// <c>unpackerr</c> crash-loops (restarting), <c>linkwarden</c> is unhealthy, <c>lncrawl</c> exited cleanly,
/// VM 106 <c>valheim-server</c> is stopped, and <c>local-lvm</c> on pve is 88 % full.
/// </remarks>
internal static class TestSnapshots
{
    public const long GiB = 1L << 30;
    public const long MiB = 1L << 20;
    public const string DockerHost = SimulatorTopology.DockerHostName;
    public const string DockerSourceId = "docker/" + SimulatorTopology.DockerHostName;
    public const string ProxmoxSourceId = "proxmox";

    /// <summary>The moment every seed snapshot describes.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static HomelabSnapshot Seed(DateTimeOffset? now = null)
    {
        var at = now ?? Now;
        return new HomelabSnapshot
        {
            Version = 1,
            Cluster = Cluster(at),
            ContainerHosts = [Containers(at)],
            Sources = [ProxmoxSource(at), DockerSource(at)],
        };
    }

    public static ClusterSnapshot Cluster(DateTimeOffset now) => new()
    {
        Name = SimulatorTopology.ClusterName,
        Quorate = true,
        Nodes = [.. SimulatorTopology.Nodes.Select((n, i) => Node(n, i, now))],
        Guests = [.. SimulatorTopology.Guests.Select(g => Guest(g))],
        Storage = [.. SimulatorTopology.Storage.Select(s => new StorageVolume
        {
            Id = $"storage/{s.Node}/{s.Name}",
            Name = s.Name,
            Node = s.Node,
            Status = "available",
            PluginType = s.Type,
            Used = (long)(s.Total * s.UsedFraction),
            Total = s.Total,
            Content = [.. s.Content.Split(',')],
        })],
        UpdatedAt = now,
    };

    public static ClusterNode Node(NodeSeed seed, int index, DateTimeOffset now) => new()
    {
        Name = seed.Name,
        Status = NodeStatus.Online,
        Cpu = seed.BaseCpu,
        MaxCpu = seed.Threads,
        MemoryUsed = (long)seed.BaseMemory,
        MemoryTotal = seed.MemoryTotal,
        RootUsed = (long)(seed.RootTotal * 0.18),
        RootTotal = seed.RootTotal,
        Uptime = TimeSpan.FromDays(12 + index) + TimeSpan.FromHours(3),
        CpuModel = seed.CpuModel,
        PveVersion = SimulatorTopology.PveVersion,
        KernelVersion = SimulatorTopology.KernelVersion,
        LoadAverage = [0.42 + index, 0.51, 0.60],
        IoWait = 0.004,
        Ip = seed.Ip,
        History = History(seed, now),
    };

    /// <summary>An hour of one-minute samples: a gentle wave around the node's base load.</summary>
    public static EquatableArray<NodeSample> History(NodeSeed seed, DateTimeOffset now) =>
        [.. Enumerable.Range(0, 60).Select(i => new NodeSample(
            now - TimeSpan.FromMinutes(59 - i),
            seed.BaseCpu + (0.03 * Math.Sin(i / 6.0)),
            (long)(seed.BaseMemory * (1 + (0.05 * Math.Cos(i / 9.0)))),
            seed.MemoryTotal,
            (long)(seed.RootTotal * 0.18),
            seed.RootTotal,
            120_000,
            80_000))];

    public static Guest Guest(GuestSeed seed) => new()
    {
        VmId = seed.VmId,
        Name = seed.Name,
        Node = seed.Node,
        Kind = seed.IsQemu ? GuestKind.Qemu : GuestKind.Lxc,
        Status = seed.Running ? GuestStatus.Running : GuestStatus.Stopped,
        Cpu = seed.Running ? seed.BaseCpu : null,
        MaxCpu = seed.Cores,
        Memory = seed.Running ? (long)(seed.MaxMemory * seed.MemoryFraction) : null,
        MaxMemory = seed.MaxMemory,
        Disk = seed.IsQemu ? null : (long)(seed.MaxDisk * 0.42),
        MaxDisk = seed.MaxDisk,
        Uptime = seed.Running ? TimeSpan.FromDays(3) : null,
        Tags = [.. seed.Tags.Split(';')],
    };

    public static ContainerHostSnapshot Containers(DateTimeOffset now) => new()
    {
        Host = DockerHost,
        Containers = [.. SimulatorTopology.Containers.Select(c => Container(c, now))],
        UpdatedAt = now,
    };

    public static Container Container(ContainerSeed seed, DateTimeOffset now)
    {
        var state = seed.Behaviour switch
        {
            ContainerBehaviour.CrashLoop => ContainerState.Restarting,
            ContainerBehaviour.Batch => ContainerState.Exited,
            _ => ContainerState.Running,
        };
        var running = state == ContainerState.Running;
        var health = !seed.HealthCheck || !running ? ContainerHealth.None
            : seed.Behaviour == ContainerBehaviour.Unhealthy ? ContainerHealth.Unhealthy : ContainerHealth.Healthy;
        return new Container
        {
            Host = DockerHost,
            Id = IdFor(seed.Name),
            Name = seed.Name,
            Image = seed.Image,
            State = state,
            Health = health,
            StatusText = running ? "Up 3 hours" : state == ContainerState.Exited ? "Exited (0) 2 hours ago" : "Restarting (1) 4 seconds ago",
            RestartCount = seed.Behaviour == ContainerBehaviour.CrashLoop ? 7 : 0,
            StartedAt = now - TimeSpan.FromHours(3),
            FinishedAt = state == ContainerState.Exited ? now - TimeSpan.FromHours(2) : null,
            ExitCode = state == ContainerState.Exited ? 0 : null,
            CpuPercent = running ? seed.BaseCpu * 100 : null,
            MemoryUsed = running ? (long)(seed.MemoryMiB * MiB) : null,
            MemoryLimit = running ? 24 * GiB : null,
            ComposeProject = seed.Project,
            FailingStreak = health == ContainerHealth.Unhealthy ? 5 : 0,
        };
    }

    public static SourceStatus ProxmoxSource(DateTimeOffset now) => new()
    {
        Id = ProxmoxSourceId,
        Kind = SourceKind.Proxmox,
        DisplayName = "Proxmox VE",
        Endpoint = "https://127.0.0.1:18006",
        Simulated = true,
        Interval = TimeSpan.FromSeconds(3),
        Health = SourceHealth.Fresh,
        LastSuccess = now - TimeSpan.FromSeconds(1),
        LastAttempt = now - TimeSpan.FromSeconds(1),
        Latency = TimeSpan.FromMilliseconds(42),
    };

    public static SourceStatus DockerSource(DateTimeOffset now) => new()
    {
        Id = DockerSourceId,
        Kind = SourceKind.Docker,
        DisplayName = $"Docker · {DockerHost}",
        Endpoint = "http://127.0.0.1:12375",
        Simulated = true,
        Interval = TimeSpan.FromSeconds(5),
        Health = SourceHealth.Fresh,
        LastSuccess = now - TimeSpan.FromSeconds(2),
        LastAttempt = now - TimeSpan.FromSeconds(2),
        Latency = TimeSpan.FromMilliseconds(18),
    };

    /// <summary>A source that has been failing for a while: down, with the error people see.</summary>
    public static SourceStatus Down(SourceStatus status, DateTimeOffset now, SourceError? error = null) => status with
    {
        Health = SourceHealth.Down,
        LastSuccess = now - TimeSpan.FromMinutes(2),
        LastAttempt = now - TimeSpan.FromSeconds(1),
        LastError = error ?? new SourceError(SourceErrorKind.Unreachable, "Connection refused (127.0.0.1:18006)"),
        LastErrorAt = now - TimeSpan.FromSeconds(1),
        ConsecutiveFailures = 6,
        RetryAt = now + TimeSpan.FromSeconds(30),
    };

    public static Container FindContainer(HomelabSnapshot snapshot, string name) =>
        snapshot.AllContainers.Single(c => c.Name == name);

    /// <summary>A stable 64-hex id per name, like Docker's.</summary>
    public static string IdFor(string name) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
}
