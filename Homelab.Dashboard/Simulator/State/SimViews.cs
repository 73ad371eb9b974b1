using Homelab.Domain.Cluster;

namespace Homelab.Dashboard.Simulator.State;

// Immutable views of the simulated state, taken under the simulator's lock and handed to the wire endpoints.
// Units are the wire's: bytes, seconds, CPU as a 0–1 fraction.

internal sealed record SimNodeView(
    string Name,
    int NodeId,
    string Ip,
    bool Online,
    double Cpu,
    int MaxCpu,
    long MemoryUsed,
    long MemoryTotal,
    long RootUsed,
    long RootTotal,
    long UptimeSeconds,
    double IoWait,
    IReadOnlyList<double> Load,
    string CpuModel,
    int Sockets,
    int Cores,
    string PveVersion,
    string KernelVersion,
    double CpuMhz);

internal sealed record SimGuestView(
    int VmId,
    string Name,
    string Node,
    GuestKind Kind,
    bool Running,
    double Cpu,
    int MaxCpu,
    long Memory,
    long MaxMemory,
    long Disk,
    long MaxDisk,
    long UptimeSeconds,
    long NetIn,
    long NetOut,
    long DiskRead,
    long DiskWrite,
    int Pid,
    string Tags,
    string? Lock);

internal sealed record SimStorageView(string Name, string Node, string Type, string Content, long Used, long Total, bool Available, bool Shared);

internal sealed record SimTaskView(string Upid, string Node, string Type, string Id, string User, int Pid, long PStart, long StartTime, bool Running, string? ExitStatus, long? EndTime, IReadOnlyList<string> Log);

internal sealed record SimClusterView(string Name, int Version, bool Quorate, IReadOnlyList<SimNodeView> Nodes, IReadOnlyList<SimGuestView> Guests, IReadOnlyList<SimStorageView> Storage);

/// <summary>What the simulated Proxmox answers to a power request: a UPID, or an HTTP error.</summary>
internal sealed record SimPowerResult(string? Upid, int StatusCode, string? Error);

internal sealed record SimPortView(int PrivatePort, int? PublicPort, string Type);

internal sealed record SimContainerView(
    string Id,
    string Name,
    string Image,
    string ImageId,
    string Command,
    DateTimeOffset Created,
    string State,
    string Status,
    string? Health,
    int FailingStreak,
    IReadOnlyList<SimHealthLogEntry> HealthLog,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int ExitCode,
    int RestartCount,
    int Pid,
    bool Tty,
    string RestartPolicy,
    string? NetworkMode,
    IReadOnlyList<SimPortView> Ports,
    IReadOnlyDictionary<string, string> Labels,
    long MemoryLimit)
{
    public bool Running => State == "running";

    public bool Paused => State == "paused";

    public bool Restarting => State == "restarting";
}

internal sealed record SimHealthLogEntry(DateTimeOffset Start, DateTimeOffset End, int ExitCode, string Output);

/// <summary>Raw counters for one stats reading; zeroes for a stopped container.</summary>
internal sealed record SimStatsView(
    DateTimeOffset Read,
    ulong CpuTotalNanos,
    ulong SystemNanos,
    int OnlineCpus,
    long MemoryUsage,
    long MemoryLimit,
    long InactiveFile,
    long RxBytes,
    long TxBytes,
    int Pids);

/// <summary>Outcome of a container command: 204 done, 304 nothing to do, 404 unknown, 409/500 refused.</summary>
internal sealed record SimCommandResult(int StatusCode, string? Error = null);
