using Homelab.Domain.Common;

namespace Homelab.Domain.Cluster;

/// <summary>One cluster member with its live figures. Figures are absent while the node is offline.</summary>
public sealed record ClusterNode
{
    public required string Name { get; init; }

    public required NodeStatus Status { get; init; }

    /// <summary>CPU use as a fraction (0–1) of all its threads.</summary>
    public double? Cpu { get; init; }

    /// <summary>Logical CPUs.</summary>
    public int? MaxCpu { get; init; }

    public long? MemoryUsed { get; init; }

    public long? MemoryTotal { get; init; }

    /// <summary>Root filesystem in use, bytes.</summary>
    public long? RootUsed { get; init; }

    public long? RootTotal { get; init; }

    public TimeSpan? Uptime { get; init; }

    public string? CpuModel { get; init; }

    public string? PveVersion { get; init; }

    public string? KernelVersion { get; init; }

    /// <summary>1, 5 and 15 minute load averages.</summary>
    public EquatableArray<double> LoadAverage { get; init; } = EquatableArray<double>.Empty;

    /// <summary>I/O wait as a fraction (0–1).</summary>
    public double? IoWait { get; init; }

    public string? Ip { get; init; }

    /// <summary>The last hour at one-minute steps, oldest first, for sparklines.</summary>
    public EquatableArray<NodeSample> History { get; init; } = EquatableArray<NodeSample>.Empty;
}

/// <summary>One point of a node's RRD history. Any value may be missing for a sample with no data.</summary>
public sealed record NodeSample(
    DateTimeOffset Time,
    double? Cpu,
    long? MemoryUsed,
    long? MemoryTotal,
    long? RootUsed,
    long? RootTotal,
    double? NetInBytesPerSecond,
    double? NetOutBytesPerSecond);

/// <summary>Slow-moving facts from <c>/nodes/{node}/status</c>.</summary>
public sealed record NodeDetails
{
    public string? CpuModel { get; init; }

    public string? PveVersion { get; init; }

    public string? KernelVersion { get; init; }

    public EquatableArray<double> LoadAverage { get; init; } = EquatableArray<double>.Empty;

    public double? IoWait { get; init; }

    public long? RootUsed { get; init; }

    public long? RootTotal { get; init; }
}
