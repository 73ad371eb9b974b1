using Homelab.Domain.Containers;

namespace Homelab.Tests.Domain;

public sealed class ContainerAssemblerTests
{
    private const string Host = "docker-server";
    private static readonly DateTimeOffset s_started = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    private static ContainerSummary Summary(ContainerState state = ContainerState.Running, ContainerHealth health = ContainerHealth.Healthy) => new()
    {
        Id = new string('a', 64),
        Name = "sonarr",
        Image = "lscr.io/linuxserver/sonarr:4.0.16",
        State = state,
        StatusText = "Up 3 hours (healthy)",
        Health = health,
        ComposeProject = "media",
        Ports = [new ContainerPort(8989, 8989, "tcp", "0.0.0.0")],
    };

    private static ContainerDetails Details(ContainerState state = ContainerState.Running, ContainerHealth health = ContainerHealth.Healthy) => new()
    {
        Id = new string('a', 64),
        Name = "sonarr",
        State = state,
        Health = health,
        FailingStreak = 0,
        RestartCount = 2,
        StartedAt = s_started,
        FinishedAt = s_started.AddMinutes(-1),
        ExitCode = 0,
    };

    private static readonly ContainerStatsSample s_stats = new()
    {
        CpuTotalUsage = 1_000,
        SystemCpuUsage = 10_000,
        OnlineCpus = 12,
        MemoryUsage = 400_000_000,
        MemoryLimit = 25_769_803_776,
        InactiveFile = 100_000_000,
    };

    [Fact]
    public void Assemble_RunningWithEverything_MergesListInspectAndStats()
    {
        var container = ContainerAssembler.Assemble(Host, Summary(), Details(), s_stats, cpuPercent: 12.5);

        Assert.Equal(Host, container.Host);
        Assert.Equal("sonarr", container.Name);
        Assert.Equal(ContainerState.Running, container.State);
        Assert.Equal(ContainerHealth.Healthy, container.Health);
        Assert.Equal("media", container.ComposeProject);
        Assert.Equal(2, container.RestartCount);
        Assert.Equal(s_started, container.StartedAt);
        Assert.Equal(12.5, container.CpuPercent);
        Assert.Equal(300_000_000, container.MemoryUsed);
        Assert.Equal(25_769_803_776, container.MemoryLimit);
        Assert.Single(container.Ports);
    }

    [Fact]
    public void Assemble_InspectSawTheSameState_TakesHealthFromInspect()
    {
        var container = ContainerAssembler.Assemble(Host, Summary(health: ContainerHealth.Healthy), Details(health: ContainerHealth.Unhealthy), null, null);

        Assert.Equal(ContainerHealth.Unhealthy, container.Health);
    }

    [Fact]
    public void Assemble_InspectSawAnotherState_KeepsHealthFromTheList()
    {
        var container = ContainerAssembler.Assemble(Host, Summary(health: ContainerHealth.Starting), Details(ContainerState.Exited, ContainerHealth.Unhealthy), null, null);

        Assert.Equal(ContainerHealth.Starting, container.Health);
    }

    [Fact]
    public void Assemble_InspectWithoutHealth_FallsBackToTheList()
    {
        var container = ContainerAssembler.Assemble(Host, Summary(health: ContainerHealth.Healthy), Details(health: ContainerHealth.None), null, null);

        Assert.Equal(ContainerHealth.Healthy, container.Health);
    }

    [Fact]
    public void Assemble_Stopped_ShowsNoHealthCpuOrMemoryEvenWithAnOldReading()
    {
        var container = ContainerAssembler.Assemble(Host, Summary(ContainerState.Exited, ContainerHealth.Unhealthy), Details(ContainerState.Exited, ContainerHealth.Unhealthy), s_stats, cpuPercent: 40);

        Assert.Equal(ContainerHealth.None, container.Health);
        Assert.Null(container.CpuPercent);
        Assert.Null(container.MemoryUsed);
        Assert.Null(container.MemoryLimit);
        Assert.Null(container.MemoryPercent);
    }

    [Fact]
    public void Assemble_Restarting_KeepsHealth()
    {
        var container = ContainerAssembler.Assemble(Host, Summary(ContainerState.Restarting, ContainerHealth.Unhealthy), null, null, null);

        Assert.Equal(ContainerHealth.Unhealthy, container.Health);
    }

    [Fact]
    public void Assemble_RunningWithLimitZero_HasNoLimitOrPercent()
    {
        var container = ContainerAssembler.Assemble(Host, Summary(), Details(), s_stats with { MemoryLimit = 0 }, null);

        Assert.Equal(300_000_000, container.MemoryUsed);
        Assert.Null(container.MemoryLimit);
        Assert.Null(container.MemoryPercent);
    }

    [Fact]
    public void Assemble_WithoutInspect_LeavesInspectOnlyFactsUnknown()
    {
        var container = ContainerAssembler.Assemble(Host, Summary(), details: null, stats: null, cpuPercent: null);

        Assert.Null(container.RestartCount);
        Assert.Null(container.StartedAt);
        Assert.Null(container.ExitCode);
        Assert.Null(container.CpuPercent);
        Assert.Equal(ContainerHealth.Healthy, container.Health);
    }
}
