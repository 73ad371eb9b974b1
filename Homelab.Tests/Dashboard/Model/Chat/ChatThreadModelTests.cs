using Homelab.Dashboard.Agent.Chat;
using Homelab.Dashboard.Model.Chat;
using Homelab.Domain.Agent.Conversations;
using Homelab.Domain.Common;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Model.Chat;

public sealed class ChatThreadModelTests
{
    private static readonly Conversation s_conversation = new() { Title = "Why is sonarr slow?", CreatedAt = TestSnapshots.Now, UpdatedAt = TestSnapshots.Now };

    private static Guid Id => s_conversation.Id;

    private static ConversationMessage Message(MessageRole role, string text, bool complete = true, int ordinal = 0) => new()
    {
        ConversationId = Id,
        Role = role,
        Text = text,
        IsComplete = complete,
        Ordinal = ordinal,
        CreatedAt = TestSnapshots.Now,
    };

    private static ChatThreadModel Thread(bool running, params ConversationMessage[] messages) =>
        ChatThreadModel.From(new ConversationThread(s_conversation, new EquatableArray<ConversationMessage>(messages)), running);

    [Fact]
    public void From_Snapshot_OrdersMessagesByOrdinal()
    {
        var second = Message(MessageRole.Assistant, "b", ordinal: 1);
        var first = Message(MessageRole.User, "a", ordinal: 0);

        var thread = Thread(running: true, second, first);

        Assert.Equal(["a", "b"], thread.Messages.Select(m => m.Text));
        Assert.True(thread.TurnRunning);
    }

    [Fact]
    public void Apply_TextDelta_AppendsToTheRightMessageOnly()
    {
        var earlier = Message(MessageRole.Assistant, "Earlier answer.");
        var answer = Message(MessageRole.Assistant, "Son", complete: false);
        var thread = Thread(running: true, earlier, answer);

        var next = thread.Apply(new TextDelta(Id, answer.Id, "arr is ")).Apply(new TextDelta(Id, answer.Id, "fine."));

        Assert.Equal("Sonarr is fine.", next.Messages[1].Text);
        Assert.Same(thread.Messages[0], next.Messages[0]);
        Assert.Equal("Son", thread.Messages[1].Text);
        Assert.True(next.IsStreaming(next.Messages[1]));
    }

    [Fact]
    public void Apply_TextDeltaForAnUnknownMessage_ChangesNothing()
    {
        var thread = Thread(running: true, Message(MessageRole.User, "hi"));

        Assert.Same(thread, thread.Apply(new TextDelta(Id, Guid.NewGuid(), "lost")));
    }

    [Fact]
    public void Apply_MessageUpdated_ReplacesTheMessageInPlace()
    {
        var user = Message(MessageRole.User, "restart sonarr");
        var tool = Message(MessageRole.Tool, "") with { ToolCalls = [new ToolCallCard("c1", "list_containers", "{}", null, null, ToolCallOutcome.Running)] };
        var thread = Thread(running: true, user, tool);
        var finished = tool with { ToolCalls = [new ToolCallCard("c1", "list_containers", "{}", "12 containers", TimeSpan.FromMilliseconds(40), ToolCallOutcome.Succeeded)] };

        var next = thread.Apply(new MessageUpdated(Id, finished));

        Assert.Equal(2, next.Messages.Count);
        Assert.Same(finished, next.Messages[1]);
        Assert.Same(user, next.Messages[0]);
    }

    [Fact]
    public void Apply_MessageAddedTwice_IsStoredOnce()
    {
        var user = Message(MessageRole.User, "hi");
        var thread = Thread(running: false, user);

        var next = thread.Apply(new MessageAdded(Id, user));

        Assert.Single(next.Messages);
    }

    [Fact]
    public void Apply_MessageUpdatedForAnUnseenMessage_AppendsIt()
    {
        var thread = Thread(running: false);
        var answer = Message(MessageRole.Assistant, "done");

        Assert.Same(answer, Assert.Single(thread.Apply(new MessageUpdated(Id, answer)).Messages));
    }

    [Fact]
    public void Apply_TurnEnded_ClearsTheRunningStateAndTheCaret()
    {
        var answer = Message(MessageRole.Assistant, "partial", complete: false);
        var thread = Thread(running: true, answer);

        var next = thread.Apply(new TurnEnded(Id, FakeAgentChat.Summary(Id, TurnOutcome.Stopped)));

        Assert.False(next.TurnRunning);
        Assert.False(next.IsStreaming(next.Messages[0]));
        Assert.Equal(TurnOutcome.Stopped, next.LastOutcome);
        Assert.Null(next.Error);
    }

    [Fact]
    public void Apply_TurnEndedFailed_KeepsTheErrorUntilTheNextTurnStarts()
    {
        var thread = Thread(running: true);

        var failed = thread.Apply(new TurnEnded(Id, FakeAgentChat.Summary(Id, TurnOutcome.Failed, "Ollama is unreachable at http://ollama:11434")));
        var restarted = failed.Apply(new TurnStarted(Id));

        Assert.Equal("Ollama is unreachable at http://ollama:11434", failed.Error);
        Assert.Null(restarted.Error);
        Assert.True(restarted.TurnRunning);
    }

    [Fact]
    public void Apply_TurnEndedFailedWithoutReason_SaysSo()
    {
        var failed = Thread(running: true).Apply(new TurnEnded(Id, FakeAgentChat.Summary(Id, TurnOutcome.Failed, error: null)));

        Assert.Equal(ChatThreadModel.FailureText(null), failed.Error);
    }

    [Fact]
    public void Apply_EventOfAnotherConversation_ChangesNothing()
    {
        var thread = Thread(running: false);

        Assert.Same(thread, thread.Apply(new TurnStarted(Guid.NewGuid())));
    }

    [Fact]
    public void IsWorking_RunningWithoutAnAnswerOrPendingApproval_IsTrue()
    {
        var user = Message(MessageRole.User, "hi");
        var approval = Message(MessageRole.Approval, "Stop jellyfin?") with { Approval = ApprovalState.Pending };

        Assert.True(Thread(running: true, user).IsWorking);
        Assert.False(Thread(running: true, user, Message(MessageRole.Assistant, "x", complete: false)).IsWorking);
        Assert.False(Thread(running: true, user, approval).IsWorking);
        Assert.False(Thread(running: false, user).IsWorking);
    }
}
