using System.ComponentModel;
using Homelab.Dashboard.Live;
using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Tools;
using Homelab.Domain.Cluster;

namespace Homelab.Dashboard.Agent.Tools;

/// <summary>State-changing tools that power Proxmox guests on, off or through a reboot, each after a person's approval.</summary>
internal sealed class GuestActionTools(ToolContext context, ActionProposer proposer)
{
    public IEnumerable<AgentTool> Create() =>
    [
        ToolFactory.Create(StartGuestAsync, "start_guest", ToolEffect.ChangesState, context.ResultLimit),
        ToolFactory.Create(ShutdownGuestAsync, "shutdown_guest", ToolEffect.ChangesState, context.ResultLimit),
        ToolFactory.Create(StopGuestAsync, "stop_guest", ToolEffect.ChangesState, context.ResultLimit),
        ToolFactory.Create(RebootGuestAsync, "reboot_guest", ToolEffect.ChangesState, context.ResultLimit),
    ];

    [Description("Boots a stopped VM or LXC guest. Changes state: the user must approve it first.")]
    public Task<string> StartGuestAsync([Description("The guest's VMID (e.g. 106) or its name")] string guest, CancellationToken cancellationToken = default) =>
        PowerAsync("start_guest", guest, PowerAction.Start, cancellationToken);

    [Description("Shuts a running VM or LXC guest down cleanly; everything inside it stops. Changes state: the user must approve it first.")]
    public Task<string> ShutdownGuestAsync([Description("The guest's VMID (e.g. 103) or its name")] string guest, CancellationToken cancellationToken = default) =>
        PowerAsync("shutdown_guest", guest, PowerAction.Shutdown, cancellationToken);

    [Description("Cuts power to a VM or LXC guest at once, like pulling the plug; unsaved data inside is lost. Prefer shutdown_guest. Changes state: the user must approve it first.")]
    public Task<string> StopGuestAsync([Description("The guest's VMID (e.g. 103) or its name")] string guest, CancellationToken cancellationToken = default) =>
        PowerAsync("stop_guest", guest, PowerAction.Stop, cancellationToken);

    [Description("Restarts a running VM or LXC guest; it is unavailable until it is back up. Changes state: the user must approve it first.")]
    public Task<string> RebootGuestAsync([Description("The guest's VMID (e.g. 103) or its name")] string guest, CancellationToken cancellationToken = default) =>
        PowerAsync("reboot_guest", guest, PowerAction.Reboot, cancellationToken);

    private async Task<string> PowerAsync(string toolName, string guest, PowerAction action, CancellationToken cancellationToken)
    {
        var snapshot = context.Snapshot;
        if (context.Unavailable(snapshot, SourceIds.Proxmox, "Proxmox", snapshot.Cluster is not null) is { } why)
        {
            return context.Error($"{why}; nothing was done");
        }

        var found = ToolTargets.Guest(snapshot.Cluster!, guest);
        if (found.Value is not { } g)
        {
            return context.Error(found.Error!);
        }

        var label = UntrustedText.Inline(g.DisplayName);
        if (g.Template)
        {
            return context.Error($"{label} is a template and cannot be powered on or off");
        }

        if (!action.AppliesTo(g.Status))
        {
            return context.Error($"{label} is {g.Status.ToString().ToLowerInvariant()}, so {toolName} does not apply; nothing was done");
        }

        // The same request the cluster page confirms (ClusterPageModel.Request).
        return await proposer.ProposeAsync(toolName, guest.Trim(), new GuestPowerRequest(g.Ref, g.Name, action), cancellationToken);
    }
}
