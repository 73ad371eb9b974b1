using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Conversations;

namespace Homelab.Dashboard.Agent.Chat;

/// <summary>
/// A decision on a card no turn waits for (asked through the API, or the turn was stopped): the card is updated, an
/// approved action runs here through the one action path, and the result is added to the conversation.
/// </summary>
internal static class DetachedDecision
{
    public static async Task<ApprovalDecisionResult> CarryOutAsync(AgentChatServices services, ConversationLive live, PendingApproval approval, ApprovalDecision decision, Actor actor, CancellationToken cancellationToken)
    {
        var thread = await services.Store.GetAsync(approval.ConversationId, cancellationToken);
        var card = thread?.Messages.FirstOrDefault(m => m.Id == approval.ApprovalId);
        if (card is not null)
        {
            var decided = card with { Approval = ConversationGate.StateOf(decision) };
            await services.Store.UpdateMessageAsync(decided, CancellationToken.None);
            live.Publish(new MessageUpdated(approval.ConversationId, decided));
        }

        string text;
        ApprovalDecisionResult result;
        if (decision == ApprovalDecision.Deny)
        {
            text = $"Denied by {actor.Name}: {approval.Proposal.Call} did not run, nothing was changed.";
            result = new ApprovalDecisionResult(true, "Denied; nothing was changed.");
        }
        else
        {
            if (decision == ApprovalDecision.AllowToolForConversation)
            {
                live.Allow(approval.Proposal.ToolName);
            }

            // Not the page's token: once approved, the action runs to its end and is audited.
            var outcome = await services.Actions.RunAsync(ConversationGate.AsAgent(actor), approval.Proposal.Action, approval.TraceId, CancellationToken.None);
            text = $"Approved by {actor.Name}: {approval.Proposal.Title} {Word(outcome.Outcome)}: {outcome.Message}.";
            result = new ApprovalDecisionResult(true, $"{Word(outcome.Outcome)}: {outcome.Message}");
        }

        var message = await services.Store.AppendAsync(new ConversationMessage
        {
            ConversationId = approval.ConversationId,
            Role = MessageRole.Assistant,
            Text = text,
            TraceIds = approval.TraceId is { } trace ? [trace] : [],
            CreatedAt = services.Time.GetUtcNow(),
        }, CancellationToken.None);
        live.Publish(new MessageAdded(approval.ConversationId, message));
        return result;
    }

    private static string Word(ActionOutcome outcome) => outcome switch
    {
        ActionOutcome.Succeeded => "succeeded",
        ActionOutcome.TimedOut => "timed out",
        ActionOutcome.Denied => "was not allowed",
        _ => "failed",
    };
}
