using System.Threading.Channels;
using Homelab.Dashboard.Agent.Chat;
using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Conversations;
using Homelab.Domain.Common;

namespace Homelab.Tests.Shared;

/// <summary>
/// The agent chat as the UI sees it, driven by the test: conversations are seeded with <see cref="Add"/>, events are
/// pushed with <see cref="Publish"/> (applied to the stored thread too, so a later watch starts from the result),
/// and every call the UI makes is recorded.
/// </summary>
internal sealed class FakeAgentChat : IAgentChat
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Conversation> _conversations = [];
    private readonly Dictionary<Guid, List<ConversationMessage>> _messages = [];
    private readonly HashSet<Guid> _running = [];
    private readonly List<(Guid ConversationId, Channel<ChatEvent> Channel)> _watchers = [];
    private int _clock;

    public AgentModelInfo Model { get; set; } = new("qwen3:8b", Simulated: false, Available: true);

    public List<(Guid ConversationId, string Message, Actor Actor)> Sent { get; } = [];

    public List<Guid> Stopped { get; } = [];

    public List<Guid> Deleted { get; } = [];

    public List<(Guid ConversationId, Guid MessageId, ApprovalDecision Decision, Actor Actor)> Decisions { get; } = [];

    /// <summary>Watches ever opened, per conversation.</summary>
    public Dictionary<Guid, int> WatchCount { get; } = [];

    /// <summary>When set, the next message is refused with this reason.</summary>
    public string? Refusal { get; set; }

    /// <summary>How <see cref="DecideAsync"/> answers; accepted by default.</summary>
    public ApprovalDecisionResult DecisionResult { get; set; } = new(true, "recorded");

    public static DateTimeOffset Now => TestSnapshots.Now;

    public int OpenWatches
    {
        get
        {
            lock (_gate)
            {
                return _watchers.Count;
            }
        }
    }

    /// <summary>Adds a stored conversation; <paramref name="minutesAgo"/> orders the list.</summary>
    public Conversation Add(string title, int minutesAgo = 0, params ConversationMessage[] messages)
    {
        var conversation = new Conversation { Title = title, CreatedAt = Now.AddMinutes(-minutesAgo - 1), UpdatedAt = Now.AddMinutes(-minutesAgo) };
        lock (_gate)
        {
            _conversations[conversation.Id] = conversation;
            _messages[conversation.Id] = [.. messages.Select(m => m with { ConversationId = conversation.Id })];
        }

        return conversation;
    }

    public void SetRunning(Guid conversationId, bool running)
    {
        lock (_gate)
        {
            if (running)
            {
                _running.Add(conversationId);
            }
            else
            {
                _running.Remove(conversationId);
            }
        }
    }

    public ConversationMessage Message(Guid conversationId, MessageRole role, string text = "", bool complete = true) => new()
    {
        ConversationId = conversationId,
        Role = role,
        Text = text,
        IsComplete = complete,
        CreatedAt = Now,
        Ordinal = Interlocked.Increment(ref _clock),
    };

    /// <summary>Stores the event's effect and sends it to every open watch of its conversation.</summary>
    public void Publish(ChatEvent chatEvent)
    {
        lock (_gate)
        {
            Store(chatEvent);
            foreach (var (conversationId, channel) in _watchers)
            {
                if (conversationId == chatEvent.ConversationId)
                {
                    channel.Writer.TryWrite(chatEvent);
                }
            }
        }
    }

    /// <summary>Ends every open watch's stream with <paramref name="error"/> (or normally).</summary>
    public void BreakWatches(Exception? error = null)
    {
        lock (_gate)
        {
            foreach (var (_, channel) in _watchers)
            {
                channel.Writer.TryComplete(error);
            }
        }
    }

    /// <summary>
    /// Waits until exactly <paramref name="count"/> watches are open. Polls, because a watch can end after the
    /// component's last render, when bUnit's render-driven waits would never look again.
    /// </summary>
    public async Task WaitForOpenWatchesAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (OpenWatches != count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal(count, OpenWatches);
    }

    public IReadOnlyList<ConversationMessage> StoredMessages(Guid conversationId)
    {
        lock (_gate)
        {
            return [.. _messages[conversationId]];
        }
    }

    public Task<Conversation> StartConversationAsync(ConversationSurface surface, CancellationToken cancellationToken) =>
        Task.FromResult(Add("New conversation"));

    public Task<IReadOnlyList<Conversation>> ListAsync(int skip, int take, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Conversation>>([.. _conversations.Values.OrderByDescending(c => c.UpdatedAt).Skip(skip).Take(take)]);
        }
    }

    public Task<ConversationThread?> GetAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(Thread(conversationId));
        }
    }

    public Task<bool> DeleteAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Deleted.Add(conversationId);
            _messages.Remove(conversationId);
            return Task.FromResult(_conversations.Remove(conversationId));
        }
    }

    public Task<TurnStart> SendAsync(Guid conversationId, string message, Actor actor, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Sent.Add((conversationId, message, actor));
        }

        if (Refusal is { } refusal)
        {
            Refusal = null;
            return Task.FromResult(new TurnStart(false, refusal, Task.FromResult(Summary(conversationId, TurnOutcome.Failed, refusal))));
        }

        Publish(new MessageAdded(conversationId, Message(conversationId, MessageRole.User, message)));
        Publish(new TurnStarted(conversationId));
        return Task.FromResult(new TurnStart(true, null, new TaskCompletionSource<TurnSummary>().Task));
    }

    public async Task<ConversationWatch> WatchAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var channel = Channel.CreateUnbounded<ChatEvent>(new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
        ConversationThread thread;
        bool running;
        lock (_gate)
        {
            thread = Thread(conversationId) ?? throw new KeyNotFoundException($"no conversation {conversationId}");
            running = _running.Contains(conversationId);
            _watchers.Add((conversationId, channel));
            WatchCount[conversationId] = WatchCount.GetValueOrDefault(conversationId) + 1;
        }

        return new ConversationWatch(thread, running, ReadAsync(conversationId, channel, cancellationToken));
    }

    public bool StopTurn(Guid conversationId)
    {
        lock (_gate)
        {
            Stopped.Add(conversationId);
            return _running.Contains(conversationId);
        }
    }

    public Task<ApprovalDecisionResult> DecideAsync(Guid conversationId, Guid approvalMessageId, ApprovalDecision decision, Actor actor, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Decisions.Add((conversationId, approvalMessageId, decision, actor));
        }

        return Task.FromResult(DecisionResult);
    }

    public static TurnSummary Summary(Guid conversationId, TurnOutcome outcome, string? error = null, string answer = "") =>
        new(conversationId, outcome, answer, [], 1, error, []);

    private async IAsyncEnumerable<ChatEvent> ReadAsync(Guid conversationId, Channel<ChatEvent> channel, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var chatEvent in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return chatEvent;
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.RemoveAll(w => w.Channel == channel);
            }
        }
    }

    private ConversationThread? Thread(Guid conversationId) =>
        _conversations.TryGetValue(conversationId, out var conversation)
            ? new ConversationThread(conversation, new EquatableArray<ConversationMessage>(_messages[conversationId]))
            : null;

    private void Store(ChatEvent chatEvent)
    {
        if (!_messages.TryGetValue(chatEvent.ConversationId, out var messages))
        {
            return;
        }

        switch (chatEvent)
        {
            case MessageAdded or MessageUpdated:
                var message = chatEvent is MessageAdded added ? added.Message : ((MessageUpdated)chatEvent).Message;
                var index = messages.FindIndex(m => m.Id == message.Id);
                if (index < 0)
                {
                    messages.Add(message);
                }
                else
                {
                    messages[index] = message;
                }

                break;
            case TextDelta delta:
                var at = messages.FindIndex(m => m.Id == delta.MessageId);
                if (at >= 0)
                {
                    messages[at] = messages[at] with { Text = messages[at].Text + delta.Delta, IsComplete = false };
                }

                break;
            case TurnStarted:
                _running.Add(chatEvent.ConversationId);
                break;
            case TurnEnded:
                _running.Remove(chatEvent.ConversationId);
                break;
        }
    }
}
