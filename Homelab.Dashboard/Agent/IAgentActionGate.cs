using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Tools;

namespace Homelab.Dashboard.Agent;

/// <summary>
/// Where the agent's state-changing tool calls go: a person approves or denies the proposal, and an approved one runs
/// through <see cref="Actions.ActionService"/> (permission check, audit with via=agent, wait for the end state).
/// </summary>
/// <remarks>
/// One gate per conversation: a chat in the browser shows an approval card and waits for the click; an API caller's
/// gate parks the proposal for approval in the dashboard. Tools never call the action path themselves, and nothing a
/// tool or an upstream returns can answer the gate.
/// </remarks>
public interface IAgentActionGate
{
    /// <summary>Asks for approval of <paramref name="proposal"/> and, if given, runs it.</summary>
    /// <param name="cancellationToken">Ends the wait (the turn was cancelled); an action already started still runs to its end.</param>
    Task<GateOutcome> RequestAsync(ProposedAction proposal, CancellationToken cancellationToken);
}

/// <summary>How a proposal left the gate.</summary>
public abstract record GateOutcome;

/// <summary>A person approved it and it ran; <see cref="Result"/> says honestly how it ended (including a timeout or failure).</summary>
public sealed record GateApproved(ActionResult Result) : GateOutcome;

/// <summary>The person said no.</summary>
/// <param name="Reason">What they said, if anything.</param>
public sealed record GateDenied(string? Reason = null) : GateOutcome;

/// <summary>
/// Nobody here can approve it (an API caller): it waits for a person in the dashboard and has not run.
/// </summary>
/// <param name="ApprovalId">Identifies the pending approval.</param>
/// <param name="Link">Where a person approves it, e.g. <c>/agent/approvals/42</c>.</param>
public sealed record GateNeedsApproval(string ApprovalId, string Link) : GateOutcome;

/// <summary>The caller may not ask for this at all (permission or policy); it was not offered for approval and did not run.</summary>
public sealed record GateRefused(string Reason) : GateOutcome;
