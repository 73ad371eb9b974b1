using Homelab.Domain.Agent.Conversations;

namespace Homelab.Domain.Ports;

/// <summary>The agent's conversations and their messages.</summary>
public interface IConversationStore
{
    Task<Conversation> CreateAsync(Conversation conversation, CancellationToken cancellationToken);

    /// <summary>Most recently updated first.</summary>
    Task<IReadOnlyList<Conversation>> ListAsync(int skip, int take, CancellationToken cancellationToken);

    /// <summary>The conversation with its messages in order; null if unknown.</summary>
    Task<ConversationThread?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Adds a message at the end; returns it with its ordinal. Throws if the conversation is unknown.</summary>
    Task<ConversationMessage> AppendAsync(ConversationMessage message, CancellationToken cancellationToken);

    /// <summary>Replaces a stored message's text, tool calls, approval, trace ids and completeness; false if unknown.</summary>
    Task<bool> UpdateMessageAsync(ConversationMessage message, CancellationToken cancellationToken);

    Task<bool> RenameAsync(Guid id, string title, CancellationToken cancellationToken);

    /// <summary>Deletes the conversation and all its messages; false if unknown.</summary>
    Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken);
}
