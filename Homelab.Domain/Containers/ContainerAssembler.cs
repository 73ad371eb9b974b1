namespace Homelab.Domain.Containers;

/// <summary>Merges what the list, inspect and stats calls say about a container into one row.</summary>
public static class ContainerAssembler
{
    public static Container Assemble(string host, ContainerSummary summary, ContainerDetails? details, ContainerStatsSample? stats, double? cpuPercent)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var running = summary.State == ContainerState.Running;
        ulong? memoryUsed = running && stats is not null ? DockerStatsMath.MemoryUsed(stats) : null;
        var memoryLimit = running && stats?.MemoryLimit is > 0 ? stats.MemoryLimit : null;

        // The list is the fresher source for state; inspect is only newer when it saw a change the list has not.
        var health = details is not null && details.State == summary.State ? details.Health : summary.Health;
        if (health == ContainerHealth.None && summary.Health != ContainerHealth.None)
        {
            health = summary.Health;
        }

        return new Container
        {
            Host = host,
            Id = summary.Id,
            Name = summary.Name,
            Image = summary.Image,
            State = summary.State,
            Health = running || summary.State == ContainerState.Restarting ? health : ContainerHealth.None,
            StatusText = summary.StatusText,
            Created = summary.Created,
            ComposeProject = summary.ComposeProject,
            Ports = summary.Ports,
            RestartCount = details?.RestartCount,
            StartedAt = details?.StartedAt,
            FinishedAt = details?.FinishedAt,
            ExitCode = details?.ExitCode,
            FailingStreak = details?.FailingStreak,
            CpuPercent = running ? cpuPercent : null,
            MemoryUsed = memoryUsed is { } m ? (long)m : null,
            MemoryLimit = memoryLimit is { } l ? (long)l : null,
        };
    }
}
