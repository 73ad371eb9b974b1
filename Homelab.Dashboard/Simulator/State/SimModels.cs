using Homelab.Domain.Cluster;

namespace Homelab.Dashboard.Simulator.State;

// Mutable state of the simulated homelab. Only SimulatedHomelab touches these, always under its lock;
// the wire endpoints see immutable views (SimViews.cs).

internal sealed class SimNode(NodeSeed seed)
{
    public NodeSeed Seed { get; } = seed;

    public bool Online { get; set; } = true;

    public double Cpu { get; set; } = seed.BaseCpu;

    public double IoWait { get; set; } = 0.004;

    public long HostMemory { get; set; } = (long)seed.BaseMemory;

    /// <summary>Root filesystem use differs per node: the gaming node keeps ISOs and templates around.</summary>
    public long RootUsed { get; set; } = (long)(seed.RootTotal * (0.14 + seed.NodeId * 0.07));

    public DateTimeOffset BootedAt { get; set; }

    /// <summary>1, 5 and 15 minute load averages.</summary>
    public double[] Load { get; } = [0, 0, 0];

    public double NetInRate { get; set; } = 120_000;

    public double NetOutRate { get; set; } = 80_000;

    public List<SimRrdPoint> Rrd { get; } = [];
}

internal sealed class SimGuest(GuestSeed seed)
{
    public GuestSeed Seed { get; } = seed;

    public GuestKind Kind => Seed.IsQemu ? GuestKind.Qemu : GuestKind.Lxc;

    public string Node { get; set; } = seed.Node;

    public bool Running { get; set; } = seed.Running;

    public double Cpu { get; set; }

    public long Memory { get; set; }

    public long DiskUsed { get; set; } = (long)(seed.MaxDisk * 0.42);

    public DateTimeOffset? StartedAt { get; set; }

    public int Pid { get; set; }

    public long NetIn { get; set; }

    public long NetOut { get; set; }

    public long DiskRead { get; set; }

    public long DiskWrite { get; set; }

    /// <summary>A Proxmox lock held while a task changes the guest.</summary>
    public string? Lock { get; set; }

    /// <summary>The power task in progress, so a second one on the same guest fails the way Proxmox's lock does.</summary>
    public string? BusyWithUpid { get; set; }

    public List<SimRrdPoint> Rrd { get; } = [];
}

internal sealed class SimStorage(StorageSeed seed)
{
    public StorageSeed Seed { get; } = seed;

    public long Used { get; set; } = (long)(seed.Total * seed.UsedFraction);

    public bool Available { get; set; } = true;
}

internal sealed class SimTask
{
    public required string Upid { get; init; }

    public required string Node { get; init; }

    public required string Type { get; init; }

    public required string Id { get; init; }

    public required string User { get; init; }

    public required int Pid { get; init; }

    public required long PStart { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the work finishes; the task shows as running until then.</summary>
    public required DateTimeOffset EndsAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary><c>OK</c> or an error text once finished.</summary>
    public string? ExitStatus { get; set; }

    /// <summary>Applied to the state when the task finishes; returns the exit status.</summary>
    public required Func<DateTimeOffset, string> Complete { get; init; }

    public List<string> Log { get; } = [];
}

/// <summary>One RRD sample; rates are bytes/s, CPU a fraction.</summary>
internal sealed record SimRrdPoint(long Time, double Cpu, double MaxCpu, long MemoryUsed, long MemoryTotal, long RootUsed, long RootTotal, double NetIn, double NetOut, double IoWait, double Load);

internal sealed class SimContainer
{
    public required ContainerSeed Seed { get; init; }

    public required string Id { get; init; }

    public required string ImageId { get; init; }

    public required DateTimeOffset Created { get; init; }

    public string State { get; set; } = "created";

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public int ExitCode { get; set; }

    public int RestartCount { get; set; }

    public int Pid { get; set; }

    /// <summary><c>starting</c>, <c>healthy</c> or <c>unhealthy</c> when the container has a health check.</summary>
    public string? Health { get; set; }

    public int FailingStreak { get; set; }

    public DateTimeOffset? HealthyAt { get; set; }

    /// <summary>Crash-loop timing: when the running process dies, and when Docker restarts it.</summary>
    public DateTimeOffset? DiesAt { get; set; }

    public DateTimeOffset? RestartsAt { get; set; }

    /// <summary>Docker clears "restart on failure" for a container a person stopped (until it is started again).</summary>
    public bool StoppedByUser { get; set; }

    /// <summary>Cumulative CPU time in nanoseconds.</summary>
    public ulong CpuNanos { get; set; }

    public double CpuFraction { get; set; }

    public long MemoryUsage { get; set; }

    public long InactiveFile { get; set; }

    public long RxBytes { get; set; }

    public long TxBytes { get; set; }

    public DateTimeOffset NextLogAt { get; set; }

    public List<SimLogEntry> Logs { get; } = [];

    /// <summary>Serialises start/stop/restart on one container, as the daemon does.</summary>
    public SemaphoreSlim Operation { get; } = new(1, 1);
}

/// <summary>A log line: stream 1 is stdout, 2 stderr.</summary>
internal sealed record SimLogEntry(DateTimeOffset Time, int Stream, string Text);

/// <summary>An entry of the Docker event stream.</summary>
internal sealed record SimDockerEvent(string Action, string ContainerId, string Name, string Image, IReadOnlyDictionary<string, string> Attributes, long TimeNano)
{
    public long Time => TimeNano / 1_000_000_000;
}
