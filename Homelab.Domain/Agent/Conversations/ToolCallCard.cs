namespace Homelab.Domain.Agent.Conversations;

public enum ToolCallOutcome
{
    Running,
    Succeeded,
    Failed,

    /// <summary>The user or the permission check refused it; it never ran.</summary>
    Denied,

    /// <summary>A state-changing call waits for a person to approve it in the dashboard; it has not run (yet).</summary>
    AwaitingApproval,
}

/// <summary>A tool call as the chat shows it: what was called with what, and what came back.</summary>
/// <param name="CallId">The model's id for the call, to match its result; null if the model gave none.</param>
/// <param name="ResultPreview">A short, capped view of the result; the full result is in the trace's exchange.</param>
public sealed record ToolCallCard(string? CallId, string Tool, string ArgumentsJson, string? ResultPreview, TimeSpan? Duration, ToolCallOutcome Outcome);
