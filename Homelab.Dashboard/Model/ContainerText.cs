using Homelab.Domain.Containers;

namespace Homelab.Dashboard.Model;

/// <summary>Words for container states and health, and which commands make sense in which state.</summary>
public static class ContainerText
{
    /// <summary>"healthy", "unhealthy", "starting", "no check".</summary>
    public static string HealthWord(ContainerHealth health) => health switch
    {
        ContainerHealth.Healthy => "healthy",
        ContainerHealth.Unhealthy => "unhealthy",
        ContainerHealth.Starting => "starting",
        _ => "no check",
    };

    /// <summary>The <c>?health=</c> value: the health word, or <c>none</c>.</summary>
    public static string HealthQuery(ContainerHealth health) => health == ContainerHealth.None ? "none" : HealthWord(health);

    public static ContainerHealth? ParseHealthQuery(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "healthy" => ContainerHealth.Healthy,
        "unhealthy" => ContainerHealth.Unhealthy,
        "starting" => ContainerHealth.Starting,
        "none" or "no check" => ContainerHealth.None,
        _ => null,
    };

    public static ContainerState? ParseStateQuery(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var state = ContainerStateRules.ParseState(value.Trim());
        return state == ContainerState.Unknown && !value.Trim().Equals("unknown", StringComparison.OrdinalIgnoreCase) ? null : state;
    }

    /// <summary>
    /// Whether <paramref name="command"/> makes sense for a container in <paramref name="state"/>: start what is
    /// not running (Docker cannot start a dead one), stop what runs or loops, restart what runs.
    /// </summary>
    public static bool AppliesTo(this ContainerCommand command, ContainerState state) => command switch
    {
        ContainerCommand.Start => state is ContainerState.Created or ContainerState.Exited,
        ContainerCommand.Stop => state is ContainerState.Running or ContainerState.Restarting or ContainerState.Paused,
        ContainerCommand.Restart => state is ContainerState.Running,
        _ => false,
    };

    /// <summary>The commands to offer for a container, in button order.</summary>
    public static IReadOnlyList<ContainerCommand> CommandsFor(ContainerState state) =>
        s_commands.Where(c => c.AppliesTo(state)).ToArray();

    private static readonly ContainerCommand[] s_commands = [ContainerCommand.Start, ContainerCommand.Stop, ContainerCommand.Restart];
}
