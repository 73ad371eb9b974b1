using Homelab.Domain.Common;

namespace Homelab.Domain.Agent.Conversations;

public enum MessageRole
{
    User,
    Assistant,
    Tool,

    /// <summary>A request to approve a state-changing tool call, and the answer.</summary>
    Approval,
}

public enum ApprovalState
{
    Pending,
    Approved,
    Denied,

    /// <summary>Approved, and the same tool may run again in this conversation without asking.</summary>
    AllowedForConversation,
}

/// <summary>One message of a conversation.</summary>
/// <remarks>
/// A turn in progress is stored with <see cref="IsComplete"/> false and updated as it streams, so that if the browser
/// drops mid-answer the server can finish the turn and the page finds it on reconnecting.
/// </remarks>
public sealed record ConversationMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid ConversationId { get; init; }

    /// <summary>Position in the conversation, from 0; assigned by the store on append.</summary>
    public int Ordinal { get; init; }

    public required MessageRole Role { get; init; }

    /// <summary>Markdown for the assistant, plain text otherwise; no length limit.</summary>
    public string Text { get; init; } = "";

    public EquatableArray<ToolCallCard> ToolCalls { get; init; } = EquatableArray<ToolCallCard>.Empty;

    /// <summary>Set on <see cref="MessageRole.Approval"/> messages.</summary>
    public ApprovalState? Approval { get; init; }

    /// <summary>The model calls that produced this message.</summary>
    public EquatableArray<Guid> TraceIds { get; init; } = EquatableArray<Guid>.Empty;

    public required DateTimeOffset CreatedAt { get; init; }

    public bool IsComplete { get; init; } = true;
}
