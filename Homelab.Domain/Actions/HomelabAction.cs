using Homelab.Domain.Cluster;
using Homelab.Domain.Containers;

namespace Homelab.Domain.Actions;

/// <summary>Something that changes the homelab. Every such request, from any caller, is one of these.</summary>
public abstract record HomelabAction
{
    /// <summary>Identifies the target; actions on one target are serialised on this key.</summary>
    public abstract string TargetKey { get; }

    /// <summary>The target as people name it, e.g. <c>VM 103 gaming-bazzite on pve</c>.</summary>
    public abstract string TargetDisplay { get; }

    /// <summary>A short machine name for the audit log, e.g. <c>guest.shutdown</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>Title for a confirmation, e.g. "Shut down VM 103 gaming-bazzite?".</summary>
    public abstract string ConfirmationTitle { get; }

    /// <summary>What will happen, in a sentence, for the confirmation dialog.</summary>
    public abstract string Effect { get; }

    /// <summary>Whether the effect interrupts a running service (the dialog makes that visible).</summary>
    public abstract bool Disruptive { get; }
}

/// <summary>Power a Proxmox guest on, off or through a reboot.</summary>
public sealed record GuestPowerRequest(GuestRef Guest, string GuestName, PowerAction Action) : HomelabAction
{
    private string GuestLabel => $"{(Guest.Kind == GuestKind.Qemu ? "VM" : "LXC")} {Guest.VmId} {GuestName}";

    public override string TargetKey => $"guest/{Guest.VmId}";

    public override string TargetDisplay => $"{GuestLabel} on {Guest.Node}";

    public override string Kind => $"guest.{Action.ApiVerb()}";

    public override string ConfirmationTitle => $"{Action.Title()} {GuestLabel}?";

    public override string Effect => Action switch
    {
        PowerAction.Start => $"Boots {GuestLabel} on {Guest.Node}.",
        PowerAction.Shutdown => $"Asks {GuestLabel} on {Guest.Node} to shut down cleanly; everything running inside it stops.",
        PowerAction.Stop => $"Cuts power to {GuestLabel} on {Guest.Node} at once, like pulling the plug; unsaved data inside it is lost.",
        PowerAction.Reboot => $"Restarts {GuestLabel} on {Guest.Node}; it is unavailable until it is back up.",
        _ => Action.ToString(),
    };

    public override bool Disruptive => Action != PowerAction.Start;
}

/// <summary>Start, stop or restart a Docker container.</summary>
public sealed record ContainerCommandRequest(string Host, string ContainerId, string ContainerName, ContainerCommand Command) : HomelabAction
{
    public override string TargetKey => $"container/{Host}/{ContainerId}";

    public override string TargetDisplay => $"container {ContainerName} on {Host}";

    public override string Kind => $"container.{Command.ToString().ToLowerInvariant()}";

    public override string ConfirmationTitle => $"{Command.Title()} {ContainerName}?";

    public override string Effect => Command switch
    {
        ContainerCommand.Start => $"Starts container {ContainerName} on {Host}.",
        ContainerCommand.Stop => $"Stops container {ContainerName} on {Host}; what it serves is unavailable until it is started again.",
        ContainerCommand.Restart => $"Restarts container {ContainerName} on {Host}; what it serves drops out for a few seconds.",
        _ => Command.ToString(),
    };

    public override bool Disruptive => Command != ContainerCommand.Start;
}
