using System.ComponentModel;
using Homelab.Dashboard.Live;
using Homelab.Dashboard.Model;
using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Tools;
using Homelab.Domain.Containers;

namespace Homelab.Dashboard.Agent.Tools;

/// <summary>State-changing tools that start, stop or restart a Docker container, each after a person's approval.</summary>
internal sealed class ContainerActionTools(ToolContext context, ActionProposer proposer)
{
    public IEnumerable<AgentTool> Create() =>
    [
        ToolFactory.Create(StartContainerAsync, "start_container", ToolEffect.ChangesState, context.ResultLimit),
        ToolFactory.Create(StopContainerAsync, "stop_container", ToolEffect.ChangesState, context.ResultLimit),
        ToolFactory.Create(RestartContainerAsync, "restart_container", ToolEffect.ChangesState, context.ResultLimit),
    ];

    [Description("Starts a stopped (exited or created) container. Changes state: the user must approve it first.")]
    public Task<string> StartContainerAsync([Description("Container name, e.g. lncrawl (host/name when two hosts share a name)")] string name, CancellationToken cancellationToken = default) =>
        CommandAsync("start_container", name, ContainerCommand.Start, cancellationToken);

    [Description("Stops a running or crash-looping container; what it serves is unavailable until started again. Changes state: the user must approve it first.")]
    public Task<string> StopContainerAsync([Description("Container name, e.g. jellyfin (host/name when two hosts share a name)")] string name, CancellationToken cancellationToken = default) =>
        CommandAsync("stop_container", name, ContainerCommand.Stop, cancellationToken);

    [Description("Restarts a running container; what it serves drops out for a few seconds. Changes state: the user must approve it first.")]
    public Task<string> RestartContainerAsync([Description("Container name, e.g. linkwarden (host/name when two hosts share a name)")] string name, CancellationToken cancellationToken = default) =>
        CommandAsync("restart_container", name, ContainerCommand.Restart, cancellationToken);

    private async Task<string> CommandAsync(string toolName, string name, ContainerCommand command, CancellationToken cancellationToken)
    {
        var snapshot = context.Snapshot;
        var found = ToolTargets.Container(snapshot, name);
        if (found.Value is not { } c)
        {
            return context.Error(found.Error!);
        }

        if (context.Unavailable(snapshot, SourceIds.Docker(c.Host), $"Docker host {c.Host}", hasData: true) is { } why)
        {
            return context.Error($"{why}; nothing was done");
        }

        if (!command.AppliesTo(c.State))
        {
            return context.Error($"{UntrustedText.Inline(c.Name)} is {c.State.Word()}, so {toolName} does not apply; nothing was done");
        }

        // The same request the containers page confirms (ContainerRowModel).
        return await proposer.ProposeAsync(toolName, name.Trim(), new ContainerCommandRequest(c.Host, c.Id, c.Name, command), cancellationToken);
    }
}
