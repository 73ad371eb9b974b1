using System.Threading.Channels;
using Homelab.Dashboard.Agent.Chat;
using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Conversations;
using Homelab.Domain.Common;

namespace Homelab.Tests.Shared;

/// <summary>
/// An in-memory <see cref="IAgentChat"/> whose turns run <see cref="Turn"/>: a test scripts what the "model" does
/// (tokens, tool cards, approvals, how the turn ends) and can hold a turn open to look at it mid-way.
/// </summary>
internal sealed class TestAgentChat : IAgentChat
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, Conversation> _conversations = [];
    private readonly Dictionary<Guid, List<ConversationMessage>> _messages = [];
    private readonly Dictionary<Guid, Task<TurnSummary>> _running = [];
    private readonly List<Channel<ChatEvent>> _watchers = [];
    private readonly List<SentMessage> _sent = [];
    private int _stopRequests;

    public AgentModelInfo Model { get; set; } = new("test-model", Simulated: true, Available: true);

    /// <summary>Streams "Hello there" and completes in one round.</summary>
    public static Func<TestTurn, Task<TurnSummary>> DefaultTurn { get; } = async turn =>
    {
        var answer = turn.AddMessage(MessageRole.Assistant, "", isComplete: false);
        turn.Delta(answer, "Hello ");
        turn.Delta(answer, "there");
        await Task.Yield();
        return turn.Summary(TurnOutcome.Completed, "Hello there");
    };

    /// <summary>What a turn does; <see cref="DefaultTurn"/> unless a test scripts another.</summary>
    public Func<TestTurn, Task<TurnSummary>> Turn { get; set; } = DefaultTurn;

    public IReadOnlyList<SentMessage> Sent
    {
        get
        {
            lock (_lock)
            {
                return [.. _sent];
            }
        }
    }

    public int WatcherCount
    {
        get
        {
            lock (_lock)
            {
                return _watchers.Count;
            }
        }
    }

    public int StopRequests => Volatile.Read(ref _stopRequests);

    public bool IsRunning(Guid conversationId)
    {
        lock (_lock)
        {
            return _running.ContainsKey(conversationId);
        }
    }

    public Task<Conversation> StartConversationAsync(ConversationSurface surface, CancellationToken cancellationToken)
    {
        var conversation = new Conversation { Title = "Test", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, Surface = surface };
        lock (_lock)
        {
            _conversations[conversation.Id] = conversation;
            _messages[conversation.Id] = [];
        }

        return Task.FromResult(conversation);
    }

    public Conversation? Find(Guid conversationId)
    {
        lock (_lock)
        {
            return _conversations.GetValueOrDefault(conversationId);
        }
    }

    public Task<IReadOnlyList<Conversation>> ListAsync(int skip, int take, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<Conversation>>([.. _conversations.Values.OrderByDescending(c => c.UpdatedAt).Skip(skip).Take(take)]);
        }
    }

    public Task<ConversationThread?> GetAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(Thread(conversationId));
        }
    }

    public Task<bool> DeleteAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _messages.Remove(conversationId);
            return Task.FromResult(_conversations.Remove(conversationId));
        }
    }

    public Task<TurnStart> SendAsync(Guid conversationId, string message, Actor actor, CancellationToken cancellationToken)
    {
        var turn = new TestTurn(this, conversationId);
        var begin = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _sent.Add(new SentMessage(conversationId, message, actor, cancellationToken));
            if (_running.ContainsKey(conversationId))
            {
                const string Busy = "A turn is already running in this conversation.";
                return Task.FromResult(new TurnStart(false, Busy, Task.FromResult(turn.Summary(TurnOutcome.Failed, "", error: Busy))));
            }

            _running[conversationId] = RunAsync(turn, begin.Task);
        }

        turn.AddMessage(MessageRole.User, message);
        begin.SetResult();
        lock (_lock)
        {
            return Task.FromResult(new TurnStart(true, null, _running[conversationId]));
        }
    }

    public Task<ConversationWatch> WatchAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<ChatEvent>(new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
        ConversationWatch watch;
        lock (_lock)
        {
            _watchers.Add(channel);
            watch = new ConversationWatch(Thread(conversationId)!, _running.ContainsKey(conversationId), ReadAsync(channel, cancellationToken));
        }

        // Registered at once, not when the enumeration starts: a watch that is never read must still end.
        cancellationToken.Register(() => Unwatch(channel));
        return Task.FromResult(watch);
    }

    public bool StopTurn(Guid conversationId)
    {
        Interlocked.Increment(ref _stopRequests);
        return false;
    }

    public Task<ApprovalDecisionResult> DecideAsync(Guid conversationId, Guid approvalMessageId, ApprovalDecision decision, Actor actor, CancellationToken cancellationToken) =>
        Task.FromResult(new ApprovalDecisionResult(false, "Not supported by the test chat."));

    internal ConversationMessage Store(ConversationMessage message, bool update)
    {
        lock (_lock)
        {
            var messages = _messages[message.ConversationId];
            if (update)
            {
                var index = messages.FindIndex(m => m.Id == message.Id);
                message = message with { Ordinal = messages[index].Ordinal };
                messages[index] = message;
            }
            else
            {
                message = message with { Ordinal = messages.Count };
                messages.Add(message);
            }
        }

        Publish(update ? new MessageUpdated(message.ConversationId, message) : new MessageAdded(message.ConversationId, message));
        return message;
    }

    internal void Append(ConversationMessage message, string text)
    {
        lock (_lock)
        {
            var messages = _messages[message.ConversationId];
            var index = messages.FindIndex(m => m.Id == message.Id);
            messages[index] = messages[index] with { Text = messages[index].Text + text };
        }

        Publish(new TextDelta(message.ConversationId, message.Id, text));
    }

    internal void Publish(ChatEvent chatEvent)
    {
        lock (_lock)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(chatEvent);
            }
        }
    }

    private async Task<TurnSummary> RunAsync(TestTurn turn, Task begin)
    {
        await begin;
        Publish(new TurnStarted(turn.ConversationId));
        TurnSummary summary;
        try
        {
            summary = await Turn(turn);
        }
        catch (Exception ex)
        {
            summary = turn.Summary(TurnOutcome.Failed, "", error: ex.Message);
        }

        lock (_lock)
        {
            _running.Remove(turn.ConversationId);
        }

        Publish(new TurnEnded(turn.ConversationId, summary));
        return summary;
    }

    private ConversationThread? Thread(Guid conversationId) =>
        _conversations.TryGetValue(conversationId, out var conversation)
            ? new ConversationThread(conversation, _messages[conversationId].ToEquatableArray())
            : null;

    private void Unwatch(Channel<ChatEvent> channel)
    {
        lock (_lock)
        {
            _watchers.Remove(channel);
        }

        channel.Writer.TryComplete();
    }

    private async IAsyncEnumerable<ChatEvent> ReadAsync(Channel<ChatEvent> channel, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
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
            Unwatch(channel);
        }
    }
}

/// <param name="CancellationToken">What the caller passed to SendAsync; a turn must not end when it does.</param>
internal sealed record SentMessage(Guid ConversationId, string Message, Actor Actor, CancellationToken CancellationToken);

/// <summary>A running turn of <see cref="TestAgentChat"/>, for the script to act through.</summary>
internal sealed class TestTurn(TestAgentChat chat, Guid conversationId)
{
    private readonly List<ToolCallCard> _toolCalls = [];
    private readonly List<Guid> _approvals = [];
    private int _calls;

    public Guid ConversationId => conversationId;

    public ConversationMessage AddMessage(MessageRole role, string text, bool isComplete = true, ApprovalState? approval = null, IReadOnlyList<ToolCallCard>? toolCalls = null)
    {
        var message = chat.Store(
            new ConversationMessage
            {
                ConversationId = conversationId,
                Role = role,
                Text = text,
                Approval = approval,
                ToolCalls = (toolCalls ?? []).ToEquatableArray(),
                CreatedAt = DateTimeOffset.UtcNow,
                IsComplete = isComplete,
            },
            update: false);
        if (approval == ApprovalState.Pending)
        {
            _approvals.Add(message.Id);
        }

        return message;
    }

    public ConversationMessage Update(ConversationMessage message) => chat.Store(message, update: true);

    /// <summary>Streams <paramref name="text"/> onto <paramref name="message"/>: stored at once, published as a delta, as the real chat does.</summary>
    public void Delta(ConversationMessage message, string text) => chat.Append(message, text);

    /// <summary>A tool call as the model starts it.</summary>
    public ToolCallCard StartCall(string tool, string argumentsJson) =>
        new($"call-{++_calls}", tool, argumentsJson, null, null, ToolCallOutcome.Running);

    /// <summary>The call with its result; it counts toward the summary's tool calls.</summary>
    public ToolCallCard Finish(ToolCallCard card, string result, ToolCallOutcome outcome = ToolCallOutcome.Succeeded)
    {
        var finished = card with { ResultPreview = result, Duration = TimeSpan.FromMilliseconds(42), Outcome = outcome };
        _toolCalls.Add(finished);
        return finished;
    }

    public TurnSummary Summary(TurnOutcome outcome, string answer, int rounds = 1, string? error = null) =>
        new(conversationId, outcome, answer, [.. _toolCalls], rounds, error, [.. _approvals]);
}
