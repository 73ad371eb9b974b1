using Homelab.Domain.Common;

namespace Homelab.Domain.Containers;

/// <summary>A published or exposed port.</summary>
public sealed record ContainerPort(int PrivatePort, int? PublicPort, string Protocol, string? Ip)
{
    public override string ToString() => PublicPort is { } pub ? $"{pub}→{PrivatePort}/{Protocol}" : $"{PrivatePort}/{Protocol}";
}

/// <summary>One container on one Docker host, merged from the list, inspect and stats calls.</summary>
public sealed record Container
{
    /// <summary>The configured Docker host name, e.g. <c>docker-server</c>.</summary>
    public required string Host { get; init; }

    /// <summary>Full 64-hex container id.</summary>
    public required string Id { get; init; }

    /// <summary>Name without Docker's leading slash.</summary>
    public required string Name { get; init; }

    public string Image { get; init; } = "";

    public required ContainerState State { get; init; }

    public ContainerHealth Health { get; init; }

    /// <summary>Docker's human status, e.g. <c>Up 3 hours (healthy)</c>.</summary>
    public string StatusText { get; init; } = "";

    public int? RestartCount { get; init; }

    public DateTimeOffset? Created { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public int? ExitCode { get; init; }

    /// <summary>Percent of one core, as <c>docker stats</c> shows it; can exceed 100.</summary>
    public double? CpuPercent { get; init; }

    /// <summary>Memory in use without the reclaimable page cache, bytes.</summary>
    public long? MemoryUsed { get; init; }

    public long? MemoryLimit { get; init; }

    /// <summary>The <c>com.docker.compose.project</c> label.</summary>
    public string? ComposeProject { get; init; }

    public EquatableArray<ContainerPort> Ports { get; init; } = EquatableArray<ContainerPort>.Empty;

    /// <summary>Health-check failures in a row, from inspect.</summary>
    public int? FailingStreak { get; init; }

    public string ShortId => Id.Length > 12 ? Id[..12] : Id;

    public double? MemoryPercent => MemoryUsed is { } used && MemoryLimit is > 0 and var limit ? used * 100.0 / limit : null;

    /// <summary>How long it has been running, given the current time.</summary>
    public TimeSpan? UptimeAt(DateTimeOffset now) =>
        State == ContainerState.Running && StartedAt is { } started && started.Year > 1 ? now - started : null;
}

/// <summary>A container as the list call returns it.</summary>
public sealed record ContainerSummary
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string Image { get; init; } = "";

    public required ContainerState State { get; init; }

    public string StatusText { get; init; } = "";

    /// <summary>Health from the list (API 1.52+) or from the status text; inspect refines it.</summary>
    public ContainerHealth Health { get; init; }

    public DateTimeOffset? Created { get; init; }

    public string? ComposeProject { get; init; }

    public EquatableArray<ContainerPort> Ports { get; init; } = EquatableArray<ContainerPort>.Empty;
}

/// <summary>The facts only inspect gives.</summary>
public sealed record ContainerDetails
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required ContainerState State { get; init; }

    public ContainerHealth Health { get; init; }

    public int? FailingStreak { get; init; }

    public int? RestartCount { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public int? ExitCode { get; init; }

    public bool OomKilled { get; init; }

    public string? Error { get; init; }

    /// <summary>With a TTY, logs are raw bytes rather than multiplexed frames.</summary>
    public bool Tty { get; init; }

    public string Image { get; init; } = "";
}
