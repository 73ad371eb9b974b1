using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Conversations;
using Homelab.Domain.Agent.Tools;
using Homelab.Dashboard.Agent.Model;

namespace Homelab.Dashboard.Agent.Chat;

/// <summary>Where a turn's approval cards are stored and shown; implemented by the turn.</summary>
internal interface IApprovalCards
{
    Task<ConversationMessage> AddApprovalAsync(ProposedAction proposal, ApprovalState state, CancellationToken cancellationToken);

    Task UpdateApprovalAsync(ConversationMessage card, ApprovalState state, CancellationToken cancellationToken);
}

/// <summary>
/// One turn's approval gate. In the browser a state-changing call shows a card and the turn waits for the click;
/// from the API it runs only if the tool is in <c>Homelab:Agent:ApiAllowedTools</c>, and otherwise leaves a card
/// for a person in the dashboard. Approved actions run as the approving person, via the agent, linked to the model
/// call that asked for them.
/// </summary>
internal sealed class ConversationGate(
    Guid conversationId,
    ConversationSurface surface,
    Actor requester,
    IReadOnlySet<string> apiAllowedTools,
    ConversationLive live,
    IApprovalCards cards,
    ApprovalBroker broker,
    IAgentActionRunner runner) : IAgentActionGate
{
    public async Task<GateOutcome> RequestAsync(ProposedAction proposal, CancellationToken cancellationToken)
    {
        var traceId = ModelCallScope.Current?.LastTraceId;
        if (surface == ConversationSurface.Api && apiAllowedTools.Contains(proposal.ToolName))
        {
            return new GateApproved(await runner.RunAsync(AsAgent(requester), proposal.Action, traceId, cancellationToken));
        }

        if (live.IsAllowed(proposal.ToolName))
        {
            // Allowed earlier in this conversation: a decided card still shows what ran.
            await cards.AddApprovalAsync(proposal, ApprovalState.AllowedForConversation, cancellationToken);
            return new GateApproved(await runner.RunAsync(AsAgent(requester), proposal.Action, traceId, cancellationToken));
        }

        var card = await cards.AddApprovalAsync(proposal, ApprovalState.Pending, cancellationToken);
        if (surface == ConversationSurface.Api)
        {
            broker.Register(new PendingApproval(card.Id, conversationId, proposal, traceId, requester, Waiter: null));
            return new GateNeedsApproval(card.Id.ToString(), ApprovalLink(conversationId, card.Id));
        }

        var waiter = new TaskCompletionSource<HumanDecision>(TaskCreationOptions.RunContinuationsAsynchronously);
        broker.Register(new PendingApproval(card.Id, conversationId, proposal, traceId, requester, waiter));
        HumanDecision decision;
        try
        {
            decision = await waiter.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The turn ended; the card stays, and approving it later still runs the action.
            broker.Detach(card.Id);
            throw;
        }

        if (decision.Decision == ApprovalDecision.Deny)
        {
            await cards.UpdateApprovalAsync(card, ApprovalState.Denied, cancellationToken);
            return new GateDenied();
        }

        if (decision.Decision == ApprovalDecision.AllowToolForConversation)
        {
            live.Allow(proposal.ToolName);
        }

        await cards.UpdateApprovalAsync(card, StateOf(decision.Decision), cancellationToken);
        return new GateApproved(await runner.RunAsync(AsAgent(decision.Actor), proposal.Action, traceId, cancellationToken));
    }

    /// <summary>Where a person approves a card: the conversation page, at the card.</summary>
    public static string ApprovalLink(Guid conversationId, Guid approvalId) => $"/chat/{conversationId}#approval-{approvalId}";

    public static ApprovalState StateOf(ApprovalDecision decision) => decision switch
    {
        ApprovalDecision.Approve => ApprovalState.Approved,
        ApprovalDecision.AllowToolForConversation => ApprovalState.AllowedForConversation,
        _ => ApprovalState.Denied,
    };

    /// <summary>The person who approved (or asked), acting through the agent: the audit record says via=agent.</summary>
    public static Actor AsAgent(Actor actor) => actor with { Via = ActionVia.Agent };
}
