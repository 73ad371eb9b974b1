using System.Threading.Channels;
using Homelab.Domain.Agent.Conversations;

namespace Homelab.Dashboard.Agent.Chat;

/// <summary>
/// One conversation's live side: its running turn, the messages that turn has written as they are now (partial
/// answer included), the tools allowed for the rest of the conversation, and the watchers' channels.
/// </summary>
/// <remarks>
/// Every change is applied and fanned out under one lock, and a watcher is added under the same lock with a snapshot
/// that includes the changes so far, so a watcher sees each change exactly once: in its snapshot or as an event.
/// </remarks>
internal sealed class ConversationLive(Guid conversationId)
{
    /// <summary>Enough for a long answer streamed token by token; a watcher further behind is dropped and watches again.</summary>
    public const int WatcherCapacity = 4_096;

    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, ConversationMessage> _messages = [];
    private readonly HashSet<string> _allowedTools = new(StringComparer.Ordinal);
    private readonly List<Channel<ChatEvent>> _watchers = [];

    public Guid ConversationId => conversationId;

    public RunningTurn? Turn
    {
        get
        {
            lock (_lock)
            {
                return field;
            }
        }

        private set;
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

    /// <summary>Claims the conversation for <paramref name="turn"/>; false if another turn runs.</summary>
    public bool TryBegin(RunningTurn turn)
    {
        lock (_lock)
        {
            if (Turn is not null)
            {
                return false;
            }

            // The last turn's messages are in the store by now; keep only what this turn writes.
            _messages.Clear();
            Turn = turn;
            return true;
        }
    }

    /// <summary>Publishes the turn's end and releases the conversation, atomically for watchers.</summary>
    public void End(RunningTurn turn, TurnEnded ended)
    {
        lock (_lock)
        {
            PublishLocked(ended);
            if (ReferenceEquals(Turn, turn))
            {
                Turn = null;
            }
        }
    }

    public bool IsAllowed(string tool)
    {
        lock (_lock)
        {
            return _allowedTools.Contains(tool);
        }
    }

    public void Allow(string tool)
    {
        lock (_lock)
        {
            _allowedTools.Add(tool);
        }
    }

    public void Publish(ChatEvent change)
    {
        lock (_lock)
        {
            PublishLocked(change);
        }
    }

    /// <summary>A new watcher: the stored thread with this conversation's live changes laid over it, and its channel.</summary>
    public (ConversationThread Thread, bool TurnRunning, Channel<ChatEvent> Channel) Watch(ConversationThread stored)
    {
        var channel = Channel.CreateBounded<ChatEvent>(new BoundedChannelOptions(WatcherCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            AllowSynchronousContinuations = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        lock (_lock)
        {
            _watchers.Add(channel);
            return (Overlay(stored), Turn is not null, channel);
        }
    }

    public void Unwatch(Channel<ChatEvent> channel)
    {
        lock (_lock)
        {
            _watchers.Remove(channel);
        }

        channel.Writer.TryComplete();
    }

    /// <summary>The stored thread with the live versions of messages laid over it.</summary>
    public ConversationThread Overlay(ConversationThread stored)
    {
        lock (_lock)
        {
            if (_messages.Count == 0)
            {
                return stored;
            }

            var merged = stored.Messages.ToDictionary(m => m.Id);
            foreach (var (id, message) in _messages)
            {
                merged[id] = message;
            }

            return stored with { Messages = [.. merged.Values.OrderBy(m => m.Ordinal).ThenBy(m => m.CreatedAt)] };
        }
    }

    /// <summary>Ends every watch (the conversation was deleted).</summary>
    public void Close()
    {
        lock (_lock)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryComplete();
            }

            _watchers.Clear();
        }
    }

    private void PublishLocked(ChatEvent change)
    {
        switch (change)
        {
            case MessageAdded added:
                _messages[added.Message.Id] = added.Message;
                break;
            case MessageUpdated updated:
                _messages[updated.Message.Id] = updated.Message;
                break;
            case TextDelta delta when _messages.TryGetValue(delta.MessageId, out var message):
                _messages[delta.MessageId] = message with { Text = message.Text + delta.Delta };
                break;
        }

        for (var i = _watchers.Count - 1; i >= 0; i--)
        {
            // A watcher that cannot keep up is dropped (its stream ends) rather than slowing the turn; it watches
            // again and gets a fresh snapshot.
            if (!_watchers[i].Writer.TryWrite(change))
            {
                _watchers[i].Writer.TryComplete();
                _watchers.RemoveAt(i);
            }
        }
    }
}

/// <summary>A turn in progress: how to stop it and how it ended.</summary>
internal sealed class RunningTurn(CancellationToken hostStopping) : IDisposable
{
    private readonly CancellationTokenSource _cts = CancellationTokenSource.CreateLinkedTokenSource(hostStopping);

    public CancellationToken Token => _cts.Token;

    public TaskCompletionSource<TurnSummary> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether the user asked it to stop (as opposed to the host shutting down).</summary>
    public bool StopRequested { get; private set; }

    public void Stop()
    {
        StopRequested = true;
        try
        {
            _cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose() => _cts.Dispose();
}

