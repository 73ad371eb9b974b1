namespace Homelab.Domain.Cluster;

/// <summary>Guest power actions Proxmox offers.</summary>
public enum PowerAction
{
    Start,

    /// <summary>Clean shutdown: ACPI for VMs, init for containers.</summary>
    Shutdown,

    /// <summary>Hard power-off.</summary>
    Stop,

    Reboot,
}

/// <summary>What a power action means and when it is done.</summary>
public static class PowerActionRules
{
    /// <summary>The run state a guest must reach for the action to have worked.</summary>
    public static GuestStatus TargetStatus(this PowerAction action) => action switch
    {
        PowerAction.Start or PowerAction.Reboot => GuestStatus.Running,
        PowerAction.Shutdown or PowerAction.Stop => GuestStatus.Stopped,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>The Proxmox API verb (the last path segment of the status call).</summary>
    public static string ApiVerb(this PowerAction action) => action switch
    {
        PowerAction.Start => "start",
        PowerAction.Shutdown => "shutdown",
        PowerAction.Stop => "stop",
        PowerAction.Reboot => "reboot",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>Whether the action makes sense for a guest in <paramref name="status"/>.</summary>
    public static bool AppliesTo(this PowerAction action, GuestStatus status) => action switch
    {
        PowerAction.Start => status is GuestStatus.Stopped,
        PowerAction.Shutdown or PowerAction.Stop or PowerAction.Reboot => status is GuestStatus.Running or GuestStatus.Paused,
        _ => false,
    };

    /// <summary>Present participle for progress text, e.g. "shutting down".</summary>
    public static string Progressive(this PowerAction action) => action switch
    {
        PowerAction.Start => "starting",
        PowerAction.Shutdown => "shutting down",
        PowerAction.Stop => "stopping",
        PowerAction.Reboot => "rebooting",
        _ => action.ToString(),
    };

    /// <summary>Verb for titles, e.g. "Shut down".</summary>
    public static string Title(this PowerAction action) => action switch
    {
        PowerAction.Start => "Start",
        PowerAction.Shutdown => "Shut down",
        PowerAction.Stop => "Stop (power off)",
        PowerAction.Reboot => "Reboot",
        _ => action.ToString(),
    };
}
