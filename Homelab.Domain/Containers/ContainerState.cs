namespace Homelab.Domain.Containers;

/// <summary>Docker's container states.</summary>
public enum ContainerState
{
    Unknown,
    Created,
    Running,
    Paused,
    Restarting,
    Removing,
    Exited,
    Dead,
}

/// <summary>Docker health-check states; <see cref="None"/> when the container has no health check.</summary>
public enum ContainerHealth
{
    None,
    Starting,
    Healthy,
    Unhealthy,
}

/// <summary>Container lifecycle commands.</summary>
public enum ContainerCommand
{
    Start,
    Stop,
    Restart,
}

/// <summary>What Docker said to a command: done (204) or nothing to do (304).</summary>
public enum ContainerCommandOutcome
{
    Done,
    AlreadyInState,
}

/// <summary>Parsing and meaning of Docker's state words.</summary>
public static class ContainerStateRules
{
    public static ContainerState ParseState(string? value) => value?.ToLowerInvariant() switch
    {
        "created" => ContainerState.Created,
        "running" => ContainerState.Running,
        "paused" => ContainerState.Paused,
        "restarting" => ContainerState.Restarting,
        "removing" => ContainerState.Removing,
        "exited" => ContainerState.Exited,
        "dead" => ContainerState.Dead,
        _ => ContainerState.Unknown,
    };

    public static ContainerHealth ParseHealth(string? value) => value?.ToLowerInvariant() switch
    {
        "starting" => ContainerHealth.Starting,
        "healthy" => ContainerHealth.Healthy,
        "unhealthy" => ContainerHealth.Unhealthy,
        _ => ContainerHealth.None,
    };

    /// <summary>
    /// Reads the health out of a status string such as <c>Up 3 hours (healthy)</c> or <c>Up 5 seconds (health: starting)</c>,
    /// for daemons older than API 1.52 that leave <c>Health</c> out of the list.
    /// </summary>
    public static ContainerHealth HealthFromStatusText(string? status)
    {
        if (string.IsNullOrEmpty(status))
        {
            return ContainerHealth.None;
        }

        if (status.Contains("(unhealthy)", StringComparison.OrdinalIgnoreCase))
        {
            return ContainerHealth.Unhealthy;
        }

        if (status.Contains("(healthy)", StringComparison.OrdinalIgnoreCase))
        {
            return ContainerHealth.Healthy;
        }

        return status.Contains("(health: starting)", StringComparison.OrdinalIgnoreCase) ? ContainerHealth.Starting : ContainerHealth.None;
    }

    /// <summary>Whether <paramref name="state"/> is where <paramref name="command"/> should leave a container.</summary>
    public static bool IsTargetState(this ContainerCommand command, ContainerState state) => command switch
    {
        ContainerCommand.Start or ContainerCommand.Restart => state == ContainerState.Running,
        ContainerCommand.Stop => state is ContainerState.Exited or ContainerState.Dead or ContainerState.Created,
        _ => false,
    };

    public static string TargetStateWord(this ContainerCommand command) => command == ContainerCommand.Stop ? "exited" : "running";

    public static string Title(this ContainerCommand command) => command switch
    {
        ContainerCommand.Start => "Start",
        ContainerCommand.Stop => "Stop",
        ContainerCommand.Restart => "Restart",
        _ => command.ToString(),
    };

    public static string Progressive(this ContainerCommand command) => command switch
    {
        ContainerCommand.Start => "starting",
        ContainerCommand.Stop => "stopping",
        ContainerCommand.Restart => "restarting",
        _ => command.ToString(),
    };

    public static string Word(this ContainerState state) => state.ToString().ToLowerInvariant();
}
