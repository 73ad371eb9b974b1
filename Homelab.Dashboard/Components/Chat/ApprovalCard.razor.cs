using Homelab.Dashboard.Actions;
using Homelab.Dashboard.Agent.Chat;
using Homelab.Dashboard.Model.Chat;
using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Conversations;
using Microsoft.AspNetCore.Components;

namespace Homelab.Dashboard.Components.Chat;

/// <summary>
/// The approval card of a paused turn. Answers go straight to <see cref="IAgentChat.DecideAsync"/> as the current
/// user; the card locks after one answer and shows it until the stored card says how it was decided.
/// </summary>
/// <remarks>
/// Its element id is <c>approval-{messageId}</c>, so <c>/chat/{conversationId}#approval-{messageId}</c> (the link an
/// API caller is given) lands on it.
/// </remarks>
public partial class ApprovalCard : ComponentBase
{
    private ApprovalCardModel _card = null!;
    private ApprovalDecision? _sending;
    private ApprovalDecision? _sent;
    private string? _error;

    /// <summary>An <see cref="MessageRole.Approval"/> message.</summary>
    [Parameter, EditorRequired]
    public required ConversationMessage Message { get; set; }

    [Inject]
    public required IAgentChat Chat { get; init; }

    [Inject]
    internal ICurrentActor CurrentActor { get; init; } = null!;

    // Once answered here, the buttons stay disabled until the stored card says how it was decided.
    private bool Busy => _sending is not null || _sent is not null;

    private bool Locked => Busy || !_card.IsPending || !CanAnswer;

    // Only hides the buttons; IAgentChat.DecideAsync refuses a viewer's answer whatever the page shows.
    private bool CanAnswer => HomelabRoles.CanOperate(CurrentActor.Actor.Roles);

    /// <summary>The stored decision, or the one just sent from here while the card catches up.</summary>
    private string? DecisionText => _card.DecisionText ?? (_sent is { } sent ? ApprovalCardModel.SentText(sent, _card.Tool) : null);

    private bool Denied => _card.State == ApprovalState.Denied || (_card.IsPending && _sent == ApprovalDecision.Deny);

    protected override void OnParametersSet()
    {
        _card = ApprovalCardModel.From(Message);
        if (!_card.IsPending)
        {
            _sent = null;
        }
    }

    private async Task DecideAsync(ApprovalDecision decision)
    {
        if (Locked)
        {
            return;
        }

        _sending = decision;
        _error = null;
        try
        {
            var result = await Chat.DecideAsync(Message.ConversationId, Message.Id, decision, CurrentActor.Actor, CancellationToken.None);
            if (result.Accepted)
            {
                _sent = decision;
            }
            else
            {
                _error = result.Message;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _error = $"The answer was not recorded: {ex.Message}";
        }
        finally
        {
            _sending = null;
        }
    }

    private static string SendingText(ApprovalDecision decision) => decision == ApprovalDecision.Deny ? "denying…" : "approving…";
}
