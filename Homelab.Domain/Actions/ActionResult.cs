namespace Homelab.Domain.Actions;

/// <summary>How an action ended.</summary>
public enum ActionOutcome
{
    /// <summary>The target reached the state the action promises.</summary>
    Succeeded,

    /// <summary>The upstream refused or the task ended in error.</summary>
    Failed,

    /// <summary>The request was accepted but the target did not reach its state in time.</summary>
    TimedOut,

    /// <summary>The permission check said no; nothing was sent upstream.</summary>
    Denied,
}

/// <summary>The honest end of an action: what happened, said plainly, and how long it took.</summary>
public sealed record ActionResult(ActionOutcome Outcome, string Message, TimeSpan Duration)
{
    public bool Succeeded => Outcome == ActionOutcome.Succeeded;
}

/// <summary>One line of the audit log.</summary>
public sealed record AuditRecord
{
    public long Id { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Actor { get; init; }

    public required ActionVia Via { get; init; }

    /// <summary>The action kind, e.g. <c>container.restart</c>.</summary>
    public required string Action { get; init; }

    public required string Target { get; init; }

    public required ActionOutcome Outcome { get; init; }

    public required string Message { get; init; }

    public required TimeSpan Duration { get; init; }

    /// <summary>The model call that asked for this action, when the agent did; see <c>ITraceStore.LinkActionAsync</c>.</summary>
    public Guid? TraceId { get; init; }
}

/// <summary>A permission decision with its reason.</summary>
public sealed record AuthorizationDecision(bool Allowed, string Reason)
{
    public static AuthorizationDecision Allow(string reason) => new(true, reason);

    public static AuthorizationDecision Deny(string reason) => new(false, reason);
}
