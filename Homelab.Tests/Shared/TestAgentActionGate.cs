using Homelab.Dashboard.Agent;
using Homelab.Domain.Agent.Tools;

namespace Homelab.Tests.Shared;

/// <summary>An approval gate that records every proposal and answers with <see cref="Outcome"/>.</summary>
internal sealed class TestAgentActionGate : IAgentActionGate
{
    public List<ProposedAction> Proposals { get; } = [];

    /// <summary>How each proposal is answered; approves with a success by default.</summary>
    public Func<ProposedAction, GateOutcome> Outcome { get; set; } = _ =>
        new GateApproved(new Homelab.Domain.Actions.ActionResult(Homelab.Domain.Actions.ActionOutcome.Succeeded, "done after 2 s", TimeSpan.FromSeconds(2)));

    public Task<GateOutcome> RequestAsync(ProposedAction proposal, CancellationToken cancellationToken)
    {
        lock (Proposals)
        {
            Proposals.Add(proposal);
        }

        return Task.FromResult(Outcome(proposal));
    }
}
