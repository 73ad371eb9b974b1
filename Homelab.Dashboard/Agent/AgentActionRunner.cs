using Homelab.Dashboard.Actions;
using Homelab.Domain.Actions;

namespace Homelab.Dashboard.Agent;

/// <summary>How an approved agent action reaches the one action path; a seam for the gate's tests.</summary>
internal interface IAgentActionRunner
{
    /// <param name="traceId">The model call that asked for it, written on the audit record.</param>
    Task<ActionResult> RunAsync(Actor actor, HomelabAction action, Guid? traceId, CancellationToken cancellationToken);
}

/// <summary>Runs through <see cref="ActionService"/>: permission check, waiting for the end state, audit.</summary>
internal sealed class ActionServiceRunner(ActionService actions) : IAgentActionRunner
{
    public Task<ActionResult> RunAsync(Actor actor, HomelabAction action, Guid? traceId, CancellationToken cancellationToken) =>
        actions.ExecuteAsync(actor, action, traceId, cancellationToken);
}
