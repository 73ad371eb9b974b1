using Homelab.Domain.Agent.Conversations;
using Homelab.Domain.Ports;

namespace Homelab.Tests.Shared;

/// <summary>Conversations in memory, with the store's ordinals and ordering.</summary>
internal sealed class TestConversationStore : IConversationStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, Conversation> _conversations = [];
    private readonly Dictionary<Guid, List<ConversationMessage>> _messages = [];

    public Task<Conversation> CreateAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _conversations[conversation.Id] = conversation;
            _messages[conversation.Id] = [];
        }

        return Task.FromResult(conversation);
    }

    public Task<IReadOnlyList<Conversation>> ListAsync(int skip, int take, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<Conversation>>([.. _conversations.Values.OrderByDescending(c => c.UpdatedAt).Skip(skip).Take(take)]);
        }
    }

    public Task<ConversationThread?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_conversations.TryGetValue(id, out var conversation) ? new ConversationThread(conversation, [.. _messages[id]]) : null);
        }
    }

    public Task<ConversationMessage> AppendAsync(ConversationMessage message, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var list = _messages.TryGetValue(message.ConversationId, out var found) ? found : throw new InvalidOperationException("unknown conversation");
            var stored = message with { Ordinal = list.Count };
            list.Add(stored);
            return Task.FromResult(stored);
        }
    }

    public Task<bool> UpdateMessageAsync(ConversationMessage message, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_messages.TryGetValue(message.ConversationId, out var list) || list.FindIndex(m => m.Id == message.Id) is var index && index < 0)
            {
                return Task.FromResult(false);
            }

            list[index] = message with { Ordinal = list[index].Ordinal };
            return Task.FromResult(true);
        }
    }

    public Task<bool> RenameAsync(Guid id, string title, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_conversations.TryGetValue(id, out var conversation))
            {
                return Task.FromResult(false);
            }

            _conversations[id] = conversation with { Title = title };
            return Task.FromResult(true);
        }
    }

    public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _messages.Remove(id);
            return Task.FromResult(_conversations.Remove(id));
        }
    }
}
