using Homelab.Domain.Common;

namespace Homelab.Domain.Agent.Conversations;

/// <summary>Where a conversation was started.</summary>
public enum ConversationSurface
{
    Web,
    Api,
}

/// <summary>A chat with the agent, without its messages.</summary>
public sealed record Conversation
{
    public const int MaxTitleLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Title { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a message was last added or changed; lists sort on it.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    public ConversationSurface Surface { get; init; } = ConversationSurface.Web;
}

/// <summary>A conversation with its messages in order.</summary>
public sealed record ConversationThread(Conversation Conversation, EquatableArray<ConversationMessage> Messages);
