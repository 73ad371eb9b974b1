using Bunit;
using Homelab.Dashboard.Agent.Chat;
using Homelab.Dashboard.Components.Chat;
using Homelab.Domain.Agent.Conversations;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Components;

public sealed class ChatViewTests : HomelabComponentTestBase
{
    private IRenderedComponent<ChatView> Open(Guid conversationId)
    {
        var cut = Render<ChatView>(p => p.Add(c => c.ConversationId, conversationId));
        cut.WaitForAssertion(() => Assert.Equal(1, AgentChat.OpenWatches));
        return cut;
    }

    private (Conversation Conversation, ConversationMessage Answer) StreamingAnswer(string question = "Is sonarr healthy?")
    {
        var conversation = AgentChat.Add("sonarr");
        var user = AgentChat.Message(conversation.Id, MessageRole.User, question);
        AgentChat.Publish(new MessageAdded(conversation.Id, user));
        AgentChat.SetRunning(conversation.Id, true);
        return (conversation, AgentChat.Message(conversation.Id, MessageRole.Assistant, complete: false));
    }

    private static string AnswerText(IRenderedComponent<ChatView> cut) =>
        cut.Find("[data-role=assistant] [data-testid=markdown]").TextContent.Trim();

    [Fact]
    public void Watch_TextDeltas_AppearAsTheyArrive()
    {
        var (conversation, answer) = StreamingAnswer();
        var cut = Open(conversation.Id);

        AgentChat.Publish(new MessageAdded(conversation.Id, answer));
        AgentChat.Publish(new TextDelta(conversation.Id, answer.Id, "Sonarr "));
        cut.WaitForAssertion(() => Assert.Equal("Sonarr", AnswerText(cut)));
        Assert.NotEmpty(cut.FindAll("[data-testid=chat-caret]"));
        Assert.Equal("true", cut.Find("[data-role=assistant]").GetAttribute("data-streaming"));

        AgentChat.Publish(new TextDelta(conversation.Id, answer.Id, "is **healthy**."));
        cut.WaitForAssertion(() => Assert.Equal("Sonarr is healthy.", AnswerText(cut)));
        Assert.Equal("healthy", cut.Find("[data-role=assistant] strong").TextContent);

        AgentChat.Publish(new MessageUpdated(conversation.Id, answer with { Text = "Sonarr is **healthy**.", IsComplete = true }));
        AgentChat.Publish(new TurnEnded(conversation.Id, FakeAgentChat.Summary(conversation.Id, TurnOutcome.Completed)));

        // The completed message and the turn's end may render in two passes: wait for both.
        cut.WaitForAssertion(() =>
        {
            Assert.Empty(cut.FindAll("[data-testid=chat-caret]"));
            Assert.Empty(cut.FindAll("[data-testid=chat-stop]"));
        });
        Assert.Null(cut.Find("[data-testid=chat-input]").GetAttribute("disabled"));
    }

    [Fact]
    public void Watch_TextDelta_RerendersOnlyTheStreamingMessage()
    {
        var (conversation, answer) = StreamingAnswer();
        AgentChat.Publish(new MessageAdded(conversation.Id, answer));
        var cut = Open(conversation.Id);
        var items = cut.FindComponents<ChatMessageItem>();
        var userRenders = items[0].Instance.RenderCount;
        var answerRenders = items[1].Instance.RenderCount;

        for (var i = 0; i < 5; i++)
        {
            AgentChat.Publish(new TextDelta(conversation.Id, answer.Id, $"t{i} "));
            cut.WaitForAssertion(() => Assert.EndsWith($"t{i}", AnswerText(cut), StringComparison.Ordinal));
        }

        Assert.Equal(userRenders, items[0].Instance.RenderCount);
        Assert.True(items[1].Instance.RenderCount > answerRenders);
    }

    [Fact]
    public void Stop_WhileATurnRuns_CallsStopTurn()
    {
        var (conversation, _) = StreamingAnswer();
        var cut = Open(conversation.Id);

        cut.Find("[data-testid=chat-stop]").Click();

        Assert.Equal([conversation.Id], AgentChat.Stopped);
        Assert.True(cut.Find("[data-testid=chat-input]").HasAttribute("disabled"));
    }

    [Fact]
    public void TurnEndedStopped_SaysThePartialAnswerIsKept()
    {
        var (conversation, answer) = StreamingAnswer();
        var cut = Open(conversation.Id);

        AgentChat.Publish(new MessageAdded(conversation.Id, answer with { Text = "Half an" }));
        AgentChat.Publish(new TurnEnded(conversation.Id, FakeAgentChat.Summary(conversation.Id, TurnOutcome.Stopped)));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=chat-stopped]")));
        Assert.NotNull(cut.Find("[data-testid=chat-message-incomplete]"));
        Assert.Equal("Half an", AnswerText(cut));
    }

    [Fact]
    public void Send_Message_GoesOutAsTheCurrentUserAndClearsTheBox()
    {
        var conversation = AgentChat.Add("empty");
        var cut = Open(conversation.Id);

        cut.Find("[data-testid=chat-input]").Input("  Which containers are unhealthy?\nAnd why?  ");
        cut.Find("[data-testid=chat-input-form]").Submit();

        var sent = Assert.Single(AgentChat.Sent);
        Assert.Equal((conversation.Id, "Which containers are unhealthy?\nAnd why?", "local user"), (sent.ConversationId, sent.Message, sent.Actor.Name));
        cut.WaitForAssertion(() => Assert.Equal("Which containers are unhealthy?\nAnd why?", cut.Find("[data-role=user] .hl-msg-bubble").TextContent));
        Assert.Equal("", cut.Find("[data-testid=chat-input]").GetAttribute("value") ?? "");
        Assert.True(cut.Find("[data-testid=chat-input]").HasAttribute("disabled"));
        Assert.NotNull(cut.Find("[data-testid=chat-working]"));
    }

    [Fact]
    public void Send_Refused_ShowsTheReasonAndKeepsTheText()
    {
        var conversation = AgentChat.Add("empty");
        AgentChat.Refusal = "A turn is already running in this conversation.";
        var cut = Open(conversation.Id);

        cut.Find("[data-testid=chat-input]").Input("hello");
        cut.Find("[data-testid=chat-input-form]").Submit();

        Assert.Equal("A turn is already running in this conversation.", cut.Find("[data-testid=chat-refusal]").TextContent);
        Assert.Equal("hello", cut.Find("[data-testid=chat-input]").GetAttribute("value"));
    }

    [Fact]
    public void Send_EmptyText_SendsNothing()
    {
        var conversation = AgentChat.Add("empty");
        var cut = Open(conversation.Id);

        cut.Find("[data-testid=chat-input]").Input("   \n ");
        cut.Find("[data-testid=chat-input-form]").Submit();

        Assert.Empty(AgentChat.Sent);
        Assert.True(cut.Find("[data-testid=chat-send]").HasAttribute("disabled"));
    }

    [Fact]
    public void Draft_FirstMessage_StartsAConversationWatchesItAndSends()
    {
        Guid? started = null;
        var cut = Render<ChatView>(p => p.Add(c => c.OnConversationStarted, id => started = id));

        cut.Find("[data-testid=chat-input]").Input("hello");
        cut.Find("[data-testid=chat-input-form]").Submit();

        var sent = Assert.Single(AgentChat.Sent);
        Assert.Equal(started, sent.ConversationId);
        cut.WaitForAssertion(() => Assert.Equal("hello", cut.Find("[data-role=user] .hl-msg-bubble").TextContent));
        Assert.Equal(started.ToString(), cut.Find("[data-testid=chat-view]").GetAttribute("data-conversation-id"));
    }

    [Fact]
    public void ToolCall_Expanded_ShowsArgumentsAndResultAsText()
    {
        var conversation = AgentChat.Add("tools");
        var call = new ToolCallCard("c1", "container_logs", """{"name":"<b>sonarr</b>","lines":20}""", "<script>alert('x')</script> database is locked", TimeSpan.FromMilliseconds(420), ToolCallOutcome.Failed);
        AgentChat.Publish(new MessageAdded(conversation.Id, AgentChat.Message(conversation.Id, MessageRole.Tool) with { ToolCalls = [call] }));
        var cut = Open(conversation.Id);

        var card = cut.Find("[data-testid=tool-call]");
        Assert.Equal("container_logs", card.GetAttribute("data-tool"));
        Assert.Equal("failed", cut.Find("[data-testid=tool-call-outcome]").TextContent);
        Assert.Equal("420 ms", cut.Find("[data-testid=tool-call-duration]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=tool-call-args]"));

        cut.Find("[data-testid=tool-call-toggle]").Click();

        Assert.Equal("true", cut.Find("[data-testid=tool-call-toggle]").GetAttribute("aria-expanded"));
        Assert.Equal("{\n  \"name\": \"<b>sonarr</b>\",\n  \"lines\": 20\n}", cut.Find("[data-testid=tool-call-args]").TextContent.ReplaceLineEndings("\n"));
        Assert.Equal("<script>alert('x')</script> database is locked", cut.Find("[data-testid=tool-call-result]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=tool-call] script"));
        Assert.Empty(cut.FindAll("[data-testid=tool-call] b"));

        cut.Find("[data-testid=tool-call-toggle]").Click();
        Assert.Empty(cut.FindAll("[data-testid=tool-call-args]"));
    }

    [Fact]
    public void ToolCall_ResultArrives_UpdatesTheCard()
    {
        var conversation = AgentChat.Add("tools");
        var running = AgentChat.Message(conversation.Id, MessageRole.Tool) with { ToolCalls = [new ToolCallCard("c1", "list_containers", "{}", null, null, ToolCallOutcome.Running)] };
        AgentChat.Publish(new MessageAdded(conversation.Id, running));
        var cut = Open(conversation.Id);
        Assert.Equal("running", cut.Find("[data-testid=tool-call-outcome]").TextContent);

        AgentChat.Publish(new MessageUpdated(conversation.Id, running with { ToolCalls = [new ToolCallCard("c1", "list_containers", "{}", "57 containers", TimeSpan.FromMilliseconds(35), ToolCallOutcome.Succeeded)] }));

        cut.WaitForAssertion(() => Assert.Equal("succeeded", cut.Find("[data-testid=tool-call-outcome]").TextContent));
        Assert.Equal("35 ms", cut.Find("[data-testid=tool-call-duration]").TextContent);
    }

    [Fact]
    public void TurnEndedFailed_ShowsTheError()
    {
        var (conversation, _) = StreamingAnswer();
        var cut = Open(conversation.Id);
        Assert.Empty(cut.FindAll("[data-testid=chat-error]"));

        AgentChat.Publish(new TurnEnded(conversation.Id, FakeAgentChat.Summary(conversation.Id, TurnOutcome.Failed, "Ollama did not answer: connection refused")));

        cut.WaitForAssertion(() => Assert.Contains("Ollama did not answer: connection refused", cut.Find("[data-testid=chat-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal("alert", cut.Find("[data-testid=chat-error]").GetAttribute("role"));
        Assert.Null(cut.Find("[data-testid=chat-input]").GetAttribute("disabled"));
    }

    [Fact]
    public void Model_Simulated_IsLabelledSimulatedModel()
    {
        AgentChat.Model = new AgentModelInfo("homelab-scripted", Simulated: true, Available: true);
        var cut = Open(AgentChat.Add("x").Id);

        Assert.Equal("true", cut.Find("[data-testid=chat-model]").GetAttribute("data-simulated"));
        Assert.Equal("Simulated model", cut.Find("[data-testid=chat-model-simulated]").TextContent);
        Assert.Contains("homelab-scripted", cut.Find("[data-testid=chat-model]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_Real_HasNoSimulatedLabel()
    {
        var cut = Open(AgentChat.Add("x").Id);

        Assert.Empty(cut.FindAll("[data-testid=chat-model-simulated]"));
        Assert.Empty(cut.FindAll("[data-testid=chat-unavailable]"));
    }

    [Fact]
    public void Model_Unavailable_SaysSoAndDisablesTheInput()
    {
        AgentChat.Model = new AgentModelInfo("qwen3:8b", Simulated: false, Available: false);
        var cut = Open(AgentChat.Add("x").Id);

        Assert.Contains("Model unavailable", cut.Find("[data-testid=chat-unavailable]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=chat-input]").HasAttribute("disabled"));
        Assert.Equal("false", cut.Find("[data-testid=chat-model]").GetAttribute("data-available"));
    }

    [Fact]
    public void HostileModelOutput_RendersInert()
    {
        var conversation = AgentChat.Add("hostile");
        const string Hostile = "Done. <script>alert(1)</script> <img src=x onerror=alert(2)>\n\n[click me](javascript:alert(3)) <javascript:alert(4)> ![pixel](https://evil.example/p.gif)\n\n<iframe src=\"https://evil.example\"></iframe>";
        AgentChat.Publish(new MessageAdded(conversation.Id, AgentChat.Message(conversation.Id, MessageRole.Assistant, Hostile)));
        var cut = Open(conversation.Id);

        var answer = cut.Find("[data-role=assistant]");
        Assert.Empty(answer.QuerySelectorAll("script, img, iframe"));
        Assert.Empty(answer.QuerySelectorAll("[onerror], [onclick], [onload]"));
        Assert.All(answer.QuerySelectorAll("a"), a => Assert.StartsWith("https://", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Contains("<script>alert(1)</script>", answer.TextContent, StringComparison.Ordinal);
        Assert.Contains("click me", answer.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void UserMessage_IsPlainTextNotMarkdown()
    {
        var conversation = AgentChat.Add("x");
        AgentChat.Publish(new MessageAdded(conversation.Id, AgentChat.Message(conversation.Id, MessageRole.User, "**bold** <b>tag</b>")));
        var cut = Open(conversation.Id);

        var bubble = cut.Find("[data-role=user] .hl-msg-bubble");
        Assert.Equal("**bold** <b>tag</b>", bubble.TextContent);
        Assert.Empty(bubble.QuerySelectorAll("b, strong"));
    }

    [Fact]
    public async Task Rewatch_AfterTheTurnFinishedWhileAway_ShowsTheCompleteAnswer()
    {
        var (conversation, answer) = StreamingAnswer();
        AgentChat.Publish(new MessageAdded(conversation.Id, answer));
        AgentChat.Publish(new TextDelta(conversation.Id, answer.Id, "Sonarr is"));
        var first = Open(conversation.Id);
        first.WaitForAssertion(() => Assert.Equal("Sonarr is", AnswerText(first)));

        // The browser drops: the component goes away, and its watch with it, while the server finishes the turn.
        await DisposeComponentsAsync();
        Assert.Equal(0, AgentChat.OpenWatches);
        AgentChat.Publish(new TextDelta(conversation.Id, answer.Id, " healthy."));
        AgentChat.Publish(new MessageUpdated(conversation.Id, answer with { Text = "Sonarr is healthy.", IsComplete = true }));
        AgentChat.Publish(new TurnEnded(conversation.Id, FakeAgentChat.Summary(conversation.Id, TurnOutcome.Completed)));

        var second = Open(conversation.Id);

        Assert.Equal("Sonarr is healthy.", AnswerText(second));
        Assert.Empty(second.FindAll("[data-testid=chat-caret]"));
        Assert.Empty(second.FindAll("[data-testid=chat-stop]"));
        Assert.Equal(2, AgentChat.WatchCount[conversation.Id]);
    }

    [Fact]
    public void WatchBroken_OffersReconnect_WhichWatchesAgainFromTheStoredThread()
    {
        var (conversation, answer) = StreamingAnswer();
        var cut = Open(conversation.Id);

        AgentChat.BreakWatches(new InvalidOperationException("connection reset"));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=chat-watch-lost]")));
        AgentChat.Publish(new MessageAdded(conversation.Id, answer with { Text = "Finished meanwhile.", IsComplete = true }));
        AgentChat.Publish(new TurnEnded(conversation.Id, FakeAgentChat.Summary(conversation.Id, TurnOutcome.Completed)));

        cut.Find("[data-testid=chat-rewatch]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Finished meanwhile.", AnswerText(cut)));
        Assert.Empty(cut.FindAll("[data-testid=chat-watch-lost]"));
        Assert.Equal(2, AgentChat.WatchCount[conversation.Id]);
    }

    [Fact]
    public void ConversationIdChanges_WatchesTheNewOneAndEndsTheOldWatch()
    {
        var a = AgentChat.Add("a", 1, AgentChat.Message(Guid.Empty, MessageRole.User, "from a"));
        var b = AgentChat.Add("b", 0, AgentChat.Message(Guid.Empty, MessageRole.User, "from b"));
        var cut = Open(a.Id);

        cut.Render(p => p.Add(c => c.ConversationId, b.Id));

        cut.WaitForAssertion(() => Assert.Equal("from b", cut.Find("[data-role=user] .hl-msg-bubble").TextContent));
        Assert.Equal(1, AgentChat.OpenWatches);
    }

    [Fact]
    public async Task ConversationIdChanges_WhileTheFirstWatchStarts_ShowsOnlyTheLatest()
    {
        var a = AgentChat.Add("a", 1, AgentChat.Message(Guid.Empty, MessageRole.User, "from a"));
        var b = AgentChat.Add("b", 0, AgentChat.Message(Guid.Empty, MessageRole.User, "from b"));

        var cut = Render<ChatView>(p => p.Add(c => c.ConversationId, a.Id));
        cut.Render(p => p.Add(c => c.ConversationId, b.Id));

        cut.WaitForAssertion(() => Assert.Equal("from b", cut.Find("[data-role=user] .hl-msg-bubble").TextContent));
        await AgentChat.WaitForOpenWatchesAsync(1);
        Assert.Equal(b.Id.ToString(), cut.Find("[data-testid=chat-view]").GetAttribute("data-conversation-id"));
    }

    [Fact]
    public void UnknownConversation_SaysItCouldNotBeOpened()
    {
        var cut = Render<ChatView>(p => p.Add(c => c.ConversationId, Guid.NewGuid()));

        cut.WaitForAssertion(() => Assert.Contains("could not be opened", cut.Find("[data-testid=chat-load-error]").TextContent, StringComparison.Ordinal));
        Assert.True(cut.Find("[data-testid=chat-input]").HasAttribute("disabled"));
    }
}
