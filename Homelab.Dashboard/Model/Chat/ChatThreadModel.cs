using System.Collections.Immutable;
using Homelab.Dashboard.Agent.Chat;
using Homelab.Domain.Agent.Conversations;

namespace Homelab.Dashboard.Model.Chat;

/// <summary>
/// A conversation as the chat shows it: the stored thread, then every watched event applied in order.
/// </summary>
/// <remarks>
/// Immutable, so a component can hand the current value to the renderer while the watch loop builds the next one,
/// and a message that did not change keeps its instance (message components re-render only when theirs changed).
/// Events are applied leniently: the snapshot and the stream may overlap, so an added message already present
/// replaces it, and an update for a message not seen yet is appended.
/// </remarks>
public sealed record ChatThreadModel
{
    public required Conversation Conversation { get; init; }

    public ImmutableList<ConversationMessage> Messages { get; init; } = [];

    /// <summary>True between a turn starting and ending: the input waits and Stop is offered.</summary>
    public bool TurnRunning { get; init; }

    /// <summary>How the last turn watched here ended; null until one ends.</summary>
    public TurnOutcome? LastOutcome { get; init; }

    /// <summary>Why the last turn failed, for the error line; cleared when the next turn starts.</summary>
    public string? Error { get; init; }

    public Guid ConversationId => Conversation.Id;

    public static ChatThreadModel From(ConversationWatch watch) => From(watch.Thread, watch.TurnRunning);

    public static ChatThreadModel From(ConversationThread thread, bool turnRunning) => new()
    {
        Conversation = thread.Conversation,
        Messages = [.. thread.Messages.OrderBy(m => m.Ordinal)],
        TurnRunning = turnRunning,
    };

    /// <summary>The thread after <paramref name="chatEvent"/>; events of other conversations change nothing.</summary>
    public ChatThreadModel Apply(ChatEvent chatEvent)
    {
        if (chatEvent.ConversationId != ConversationId)
        {
            return this;
        }

        return chatEvent switch
        {
            TurnStarted => this with { TurnRunning = true, Error = null, LastOutcome = null },
            MessageAdded added => Upsert(added.Message),
            MessageUpdated updated => Upsert(updated.Message),
            TextDelta delta => AppendText(delta.MessageId, delta.Delta),
            TurnEnded ended => this with
            {
                TurnRunning = false,
                LastOutcome = ended.Summary.Outcome,
                Error = ended.Summary.Outcome == TurnOutcome.Failed ? FailureText(ended.Summary.Error) : null,
            },
            _ => this,
        };
    }

    /// <summary>Whether <paramref name="message"/> is an answer still being written (it shows a caret).</summary>
    public bool IsStreaming(ConversationMessage message) =>
        TurnRunning && !message.IsComplete && message.Role == MessageRole.Assistant;

    /// <summary>Whether the turn is running but nothing is being written yet (the model is thinking or a tool runs).</summary>
    public bool IsWorking => TurnRunning && !Messages.Any(IsStreaming) && !Messages.Any(m => m.Approval == ApprovalState.Pending);

    public static string FailureText(string? error) =>
        string.IsNullOrWhiteSpace(error) ? "The answer failed and the model gave no reason." : error.Trim();

    private ChatThreadModel Upsert(ConversationMessage message)
    {
        var index = IndexOf(message.Id);
        return index < 0
            ? this with { Messages = Messages.Add(message) }
            : this with { Messages = Messages.SetItem(index, message) };
    }

    private ChatThreadModel AppendText(Guid messageId, string delta)
    {
        var index = IndexOf(messageId);
        if (index < 0 || delta.Length == 0)
        {
            // A delta for a message not seen yet: its MessageAdded or MessageUpdated will bring the whole text.
            return this;
        }

        var message = Messages[index];
        return this with { Messages = Messages.SetItem(index, message with { Text = message.Text + delta, IsComplete = false }) };
    }

    private int IndexOf(Guid messageId)
    {
        // Streaming happens at the end of the thread, so search from there.
        for (var i = Messages.Count - 1; i >= 0; i--)
        {
            if (Messages[i].Id == messageId)
            {
                return i;
            }
        }

        return -1;
    }
}
