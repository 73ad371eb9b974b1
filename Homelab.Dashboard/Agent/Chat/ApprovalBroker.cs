using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Tools;

namespace Homelab.Dashboard.Agent.Chat;

/// <summary>A person's answer to an approval card.</summary>
internal sealed record HumanDecision(ApprovalDecision Decision, Actor Actor);

/// <summary>An approval card waiting for a person, and what runs if they approve.</summary>
/// <param name="Waiter">Set while a turn is paused on the card; null once nobody waits (an API turn, a stopped turn).</param>
internal sealed record PendingApproval(
    Guid ApprovalId,
    Guid ConversationId,
    ProposedAction Proposal,
    Guid? TraceId,
    Actor Requester,
    TaskCompletionSource<HumanDecision>? Waiter);

/// <summary>
/// The approval cards that wait for a person. Only <see cref="TryResolve"/>, called from
/// <see cref="IAgentChat.DecideAsync"/> (a click in the dashboard), can answer one; nothing a model or a tool returns
/// reaches it.
/// </summary>
/// <remarks>Kept in memory: after a restart an old card can no longer be approved, and says so.</remarks>
internal sealed class ApprovalBroker
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, PendingApproval> _pending = [];

    public void Register(PendingApproval approval)
    {
        lock (_lock)
        {
            _pending[approval.ApprovalId] = approval;
        }
    }

    /// <summary>The turn stopped waiting: a later decision runs the action itself.</summary>
    public void Detach(Guid approvalId)
    {
        lock (_lock)
        {
            if (_pending.TryGetValue(approvalId, out var approval))
            {
                _pending[approvalId] = approval with { Waiter = null };
            }
        }
    }

    /// <summary>
    /// Takes the card out of the pending set. If a turn waits on it, the decision goes to that turn and
    /// null is returned; otherwise the card is returned for the caller to carry out.
    /// </summary>
    public bool TryResolve(Guid conversationId, Guid approvalId, HumanDecision decision, out PendingApproval? detached)
    {
        lock (_lock)
        {
            detached = null;
            if (!_pending.TryGetValue(approvalId, out var approval) || approval.ConversationId != conversationId)
            {
                return false;
            }

            _pending.Remove(approvalId);
            if (approval.Waiter is { } waiter && waiter.TrySetResult(decision))
            {
                return true;
            }

            detached = approval;
            return true;
        }
    }

    public bool IsPending(Guid approvalId)
    {
        lock (_lock)
        {
            return _pending.ContainsKey(approvalId);
        }
    }

    /// <summary>Forgets a deleted conversation's cards.</summary>
    public void Forget(Guid conversationId)
    {
        lock (_lock)
        {
            foreach (var id in _pending.Where(p => p.Value.ConversationId == conversationId).Select(p => p.Key).ToList())
            {
                _pending.Remove(id);
            }
        }
    }
}
