using Homelab.Domain.Containers;

namespace Homelab.Tests.Domain;

public sealed class DockerStatsMathTests
{
    /// <summary>The stats reading from protocols.md §2.</summary>
    private static readonly ContainerStatsSample s_example = new()
    {
        CpuTotalUsage = 905_000_000_000,
        SystemCpuUsage = 88_000_000_000_000,
        OnlineCpus = 8,
        PreCpuTotalUsage = 904_500_000_000,
        PreSystemCpuUsage = 87_992_000_000_000,
        MemoryUsage = 524_288_000,
        MemoryLimit = 8_589_934_592,
        InactiveFile = 104_857_600,
    };

    [Fact]
    public void CpuPercent_ProtocolsExample_IsFiftyPercentOfOneCore()
    {
        // cpu_delta 0.5e9 / sys_delta 8e9 × 8 CPUs × 100.
        Assert.Equal(50.0, DockerStatsMath.CpuPercent(s_example, previous: null)!.Value, precision: 9);
    }

    [Fact]
    public void CpuPercent_WithOwnPreviousSample_DiffsAgainstItNotThePreCpuBlock()
    {
        var previous = new ContainerStatsSample { CpuTotalUsage = 903_000_000_000, SystemCpuUsage = 87_984_000_000_000, OnlineCpus = 8 };

        // 2e9 of CPU over 16e9 of system time on 8 CPUs.
        Assert.Equal(100.0, DockerStatsMath.CpuPercent(s_example, previous)!.Value, precision: 9);
    }

    [Fact]
    public void CpuPercent_BusyOnSeveralCores_ExceedsHundred()
    {
        var current = s_example with { CpuTotalUsage = 904_500_000_000 + 3_000_000_000 };

        Assert.Equal(300.0, DockerStatsMath.CpuPercent(current, previous: null)!.Value, precision: 9);
    }

    [Fact]
    public void CpuPercent_OnlineCpusMissing_FallsBackToPerCpuCount()
    {
        var cgroupV1 = s_example with { OnlineCpus = null, PerCpuCount = 4 };

        Assert.Equal(4, DockerStatsMath.CpuCount(cgroupV1));
        Assert.Equal(25.0, DockerStatsMath.CpuPercent(cgroupV1, previous: null)!.Value, precision: 9);
    }

    [Fact]
    public void CpuPercent_OnlineCpusZero_FallsBackToPerCpuCount()
    {
        Assert.Equal(2, DockerStatsMath.CpuCount(s_example with { OnlineCpus = 0, PerCpuCount = 2 }));
    }

    [Fact]
    public void CpuPercent_NoCpuCountAtAll_IsZero()
    {
        Assert.Equal(0, DockerStatsMath.CpuPercent(s_example with { OnlineCpus = null, PerCpuCount = null }, previous: null));
    }

    [Theory]
    [InlineData(100ul, 100ul, 1_000ul, 2_000ul)]
    [InlineData(200ul, 100ul, 1_000ul, 2_000ul)]
    [InlineData(100ul, 200ul, 2_000ul, 2_000ul)]
    [InlineData(100ul, 200ul, 3_000ul, 2_000ul)]
    public void CpuPercent_ZeroOrNegativeDelta_IsZero(ulong previousCpu, ulong currentCpu, ulong previousSystem, ulong currentSystem)
    {
        Assert.Equal(0, DockerStatsMath.CpuPercent(previousCpu, currentCpu, previousSystem, currentSystem, cpus: 8));
    }

    [Fact]
    public void CpuPercent_OneShotReadingWithoutPreviousSample_IsUnknown()
    {
        // One-shot leaves precpu_stats empty; a percentage needs a second reading.
        var oneShot = s_example with { PreCpuTotalUsage = null, PreSystemCpuUsage = null };

        Assert.Null(DockerStatsMath.CpuPercent(oneShot, previous: null));
    }

    [Fact]
    public void CpuPercent_PreSystemZero_IsUnknown()
    {
        Assert.Null(DockerStatsMath.CpuPercent(s_example with { PreCpuTotalUsage = 0, PreSystemCpuUsage = 0 }, previous: null));
    }

    [Fact]
    public void CpuPercent_NoSystemUsage_IsUnknown()
    {
        Assert.Null(DockerStatsMath.CpuPercent(s_example with { SystemCpuUsage = null }, previous: null));
    }

    [Fact]
    public void MemoryUsed_CgroupV2_SubtractsInactiveFile()
    {
        Assert.Equal(419_430_400ul, DockerStatsMath.MemoryUsed(s_example));
        Assert.Equal(4.8828125, DockerStatsMath.MemoryPercent(419_430_400, 8_589_934_592)!.Value, precision: 9);
    }

    [Fact]
    public void MemoryUsed_CgroupV1_SubtractsTotalInactiveFile()
    {
        var cgroupV1 = s_example with { InactiveFile = 1_000, TotalInactiveFile = 24_288_000 };

        Assert.Equal(500_000_000ul, DockerStatsMath.MemoryUsed(cgroupV1));
    }

    [Fact]
    public void MemoryUsed_V1KeyNotSmallerThanUsage_FallsBackToV2Key()
    {
        // docker/cli checks total_inactive_file first and, when it does not fit, inactive_file.
        var sample = s_example with { TotalInactiveFile = 600_000_000 };

        Assert.Equal(419_430_400ul, DockerStatsMath.MemoryUsed(sample));
    }

    [Fact]
    public void MemoryUsed_InactiveNotSmallerThanUsage_IsUsage()
    {
        Assert.Equal(524_288_000ul, DockerStatsMath.MemoryUsed(s_example with { InactiveFile = 524_288_000 }));
    }

    [Fact]
    public void MemoryUsed_NoCacheFigures_IsUsage()
    {
        Assert.Equal(524_288_000ul, DockerStatsMath.MemoryUsed(s_example with { InactiveFile = null }));
    }

    [Fact]
    public void MemoryUsed_NoUsage_IsUnknown()
    {
        Assert.Null(DockerStatsMath.MemoryUsed(new ContainerStatsSample()));
    }

    [Fact]
    public void MemoryPercent_StoppedContainerWithLimitZero_IsUnknownRatherThanADivisionByZero()
    {
        Assert.Null(DockerStatsMath.MemoryPercent(0, 0));
    }
}
