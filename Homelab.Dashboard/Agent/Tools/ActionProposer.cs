using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Tools;

namespace Homelab.Dashboard.Agent.Tools;

/// <summary>
/// Hands a resolved request to the conversation's gate and words the outcome for the model: the action path's honest
/// result when it ran, a plain denial when the person said no, and a clear "has not run" while it waits elsewhere.
/// </summary>
internal sealed class ActionProposer(ToolContext context, IAgentActionGate gate)
{
    public async Task<string> ProposeAsync(string toolName, string arguments, HomelabAction action, CancellationToken cancellationToken)
    {
        var proposal = new ProposedAction(toolName, UntrustedText.Inline(arguments, 120), action);
        GateOutcome outcome;
        try
        {
            outcome = await gate.RequestAsync(proposal, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // The gate may have failed before or after running it; say so rather than guess.
            return context.Error($"the approval step failed ({ex.GetType().Name}: {UntrustedText.Inline(ex.Message)}); whether {proposal.Call} ran is unknown, so check list_recent_actions before anything else");
        }

        return outcome switch
        {
            GateApproved approved => context.Json(new
            {
                approved.Result.Outcome,
                Target = UntrustedText.Inline(action.TargetDisplay),
                Message = UntrustedText.Inline(approved.Result.Message, 400),
                DurationS = ToolContext.Round(approved.Result.Duration.TotalSeconds),
            }),
            GateDenied denied => context.Json(new
            {
                Denied = $"the user denied {proposal.Call}; do not retry",
                Reason = string.IsNullOrWhiteSpace(denied.Reason) ? null : UntrustedText.Inline(denied.Reason),
            }),
            GateNeedsApproval pending => context.Json(new
            {
                PendingApproval = $"{proposal.Call} waits for a person to approve it in the dashboard; it has not run",
                ApprovalId = pending.ApprovalId,
                pending.Link,
            }),
            GateRefused refused => context.Json(new
            {
                Refused = $"{proposal.Call} is not allowed: {UntrustedText.Inline(refused.Reason)}; it did not run",
            }),
            _ => context.Error($"the approval step gave no answer for {proposal.Call}; it did not run"),
        };
    }
}
