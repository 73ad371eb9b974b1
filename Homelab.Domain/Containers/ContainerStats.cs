namespace Homelab.Domain.Containers;

/// <summary>One raw reading of a container's counters, as Docker's stats call returns them.</summary>
public sealed record ContainerStatsSample
{
    public DateTimeOffset Read { get; init; }

    /// <summary>Nanoseconds of CPU time used by the container since it started.</summary>
    public ulong CpuTotalUsage { get; init; }

    /// <summary>Nanoseconds of CPU time of the whole host.</summary>
    public ulong? SystemCpuUsage { get; init; }

    public uint? OnlineCpus { get; init; }

    /// <summary>Entries of <c>percpu_usage</c> (cgroup v1 only), the fallback for <see cref="OnlineCpus"/>.</summary>
    public int? PerCpuCount { get; init; }

    /// <summary>The sample Docker took just before (filled when not one-shot).</summary>
    public ulong? PreCpuTotalUsage { get; init; }

    public ulong? PreSystemCpuUsage { get; init; }

    public ulong? MemoryUsage { get; init; }

    public ulong? MemoryLimit { get; init; }

    /// <summary><c>memory_stats.stats.total_inactive_file</c> (cgroup v1).</summary>
    public ulong? TotalInactiveFile { get; init; }

    /// <summary><c>memory_stats.stats.inactive_file</c> (cgroup v2).</summary>
    public ulong? InactiveFile { get; init; }
}

/// <summary>The arithmetic <c>docker stats</c> uses (docker/cli <c>stats_helpers.go</c>).</summary>
public static class DockerStatsMath
{
    /// <summary>
    /// CPU percent of one core between two readings; 0 when either delta is not positive.
    /// </summary>
    public static double CpuPercent(ulong previousCpu, ulong currentCpu, ulong previousSystem, ulong currentSystem, int cpus)
    {
        if (currentCpu <= previousCpu || currentSystem <= previousSystem || cpus <= 0)
        {
            return 0;
        }

        var cpuDelta = (double)(currentCpu - previousCpu);
        var systemDelta = (double)(currentSystem - previousSystem);
        return cpuDelta / systemDelta * cpus * 100.0;
    }

    /// <summary>CPU count: <c>online_cpus</c>, or the per-CPU array's length on cgroup v1.</summary>
    public static int CpuCount(ContainerStatsSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return sample.OnlineCpus is > 0 and var online ? (int)online : sample.PerCpuCount ?? 0;
    }

    /// <summary>
    /// CPU percent for <paramref name="current"/>, against <paramref name="previous"/> when given (our own earlier
    /// sample), otherwise against the pre-CPU figures Docker embedded in the same reading.
    /// </summary>
    public static double? CpuPercent(ContainerStatsSample current, ContainerStatsSample? previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.SystemCpuUsage is not { } system)
        {
            return null;
        }

        if (previous is { SystemCpuUsage: { } previousSystem })
        {
            return CpuPercent(previous.CpuTotalUsage, current.CpuTotalUsage, previousSystem, system, CpuCount(current));
        }

        if (current.PreSystemCpuUsage is { } preSystem and > 0 && current.PreCpuTotalUsage is { } preCpu)
        {
            return CpuPercent(preCpu, current.CpuTotalUsage, preSystem, system, CpuCount(current));
        }

        return null;
    }

    /// <summary>
    /// Memory in use without reclaimable cache: usage minus <c>total_inactive_file</c> (cgroup v1) or
    /// <c>inactive_file</c> (cgroup v2) when that is smaller than usage; otherwise usage as is.
    /// </summary>
    public static ulong? MemoryUsed(ContainerStatsSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (sample.MemoryUsage is not { } usage)
        {
            return null;
        }

        if (sample.TotalInactiveFile is { } v1 && v1 < usage)
        {
            return usage - v1;
        }

        if (sample.InactiveFile is { } v2 && v2 < usage)
        {
            return usage - v2;
        }

        return usage;
    }

    /// <summary>Memory percent of the limit; null when the limit is 0 (a stopped container).</summary>
    public static double? MemoryPercent(ulong used, ulong limit) => limit == 0 ? null : used * 100.0 / limit;
}
