using Homelab.Dashboard.Agent.Chat;
using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Conversations;
using Homelab.Domain.Agent.Traces;
using Homelab.Tests.Integration;
using Homelab.Tests.Shared;
using Microsoft.Extensions.AI;

namespace Homelab.Tests.Dashboard.Agent.Chat;

/// <summary>The chat service over the real pipeline and tools with a scripted model.</summary>
public sealed class AgentChatTests : IDisposable
{
    private static readonly Actor s_alice = new("alice", ActionVia.Ui, [HomelabRoles.Operator]);

    private readonly AgentTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Guid Id, TurnStart Start)> SendAsync(string message)
    {
        var conversation = await _host.Chat.StartConversationAsync(ConversationSurface.Web, Ct);
        var start = await _host.Chat.SendAsync(conversation.Id, message, s_alice, Ct);
        Assert.True(start.Started, start.Refusal);
        return (conversation.Id, start);
    }

    private static bool Offers(ChatOptions? options) => options?.Tools is { Count: > 0 };

    [Fact]
    public async Task Send_ToolThenAnswer_StoresCardsAnswerAndOneTracePerRound()
    {
        _host.Client.Reply = (i, _, _, _) => Task.FromResult(i == 0 ? TestChatClient.Call("get_cluster_status") : TestChatClient.Text("All three nodes are online."));

        var (id, start) = await SendAsync("how is the cluster?");
        var summary = await start.Completion.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal((TurnOutcome.Completed, "All three nodes are online.", 2), (summary.Outcome, summary.Answer, summary.Rounds));
        Assert.Equal(("get_cluster_status", ToolCallOutcome.Succeeded), (summary.ToolCalls[0].Tool, summary.ToolCalls[0].Outcome));
        var thread = (await _host.Chat.GetAsync(id, Ct))!;
        Assert.Equal([MessageRole.User, MessageRole.Tool, MessageRole.Assistant], thread.Messages.Select(m => m.Role));
        Assert.All(thread.Messages, m => Assert.True(m.IsComplete));
        Assert.Equal("how is the cluster?", thread.Conversation.Title);
        var traces = _host.Traces.Traces.OrderBy(t => t.Caller, StringComparer.Ordinal).ToList();
        Assert.Equal(["chat.agent.r0", "chat.agent.r1"], traces.Select(t => t.Caller));
        Assert.Equal((1, 1, 20, 5), (traces[0].ToolCallCount, traces[0].ToolCallsSucceeded, traces[0].PromptTokens, traces[0].CompletionTokens));
        Assert.All(traces, t => Assert.Equal((id, TraceOutcome.Ok), (t.ConversationId!.Value, t.Outcome)));
        Assert.All(traces, t => Assert.NotNull(t.TimeToFirstToken));
        Assert.Equal("how is the cluster?", traces[0].PromptPreview);
        Assert.StartsWith("[tool result] {", traces[1].PromptPreview, StringComparison.Ordinal);
        Assert.Contains("\"tool_calls\"", traces[0].Exchange, StringComparison.Ordinal);
        Assert.Equal(thread.Messages[^1].TraceIds.ToHashSet(), traces.Select(t => t.Id).ToHashSet());
    }

    [Fact]
    public async Task Send_RoundCapReached_LastCallHasNoToolsSoTheModelAnswers()
    {
        using var host = new AgentTestHost(o => o.Agent.MaxToolRounds = 2);
        string[] tools = ["get_cluster_status", "list_nodes", "list_storage"];
        host.Client.Reply = (i, _, options, _) => Task.FromResult(Offers(options) ? TestChatClient.Call(tools[i]) : TestChatClient.Text("Three nodes, all fine."));
        var conversation = await host.Chat.StartConversationAsync(ConversationSurface.Web, Ct);

        var summary = await (await host.Chat.SendAsync(conversation.Id, "tell me everything", s_alice, Ct)).Completion.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal((TurnOutcome.Completed, "Three nodes, all fine."), (summary.Outcome, summary.Answer));
        Assert.Equal((2, 3), (summary.ToolCalls.Count, summary.Rounds));
        Assert.Equal([true, true, false], host.Client.Calls.Select(c => Offers(c.Options)));
    }

    [Fact]
    public async Task Send_SameCallAgainAndAgain_LoopGuardEndsItAndTheSeedsSummaryIsAskedFor()
    {
        _host.Client.Reply = (_, _, options, _) => Task.FromResult(Offers(options) ? TestChatClient.Call("get_cluster_status") : TestChatClient.Text("The cluster is fine."));

        var (_, start) = await SendAsync("loop");
        var summary = await start.Completion.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal((TurnOutcome.Completed, "The cluster is fine.", 4), (summary.Outcome, summary.Answer, summary.Rounds));
        Assert.Equal([ToolCallOutcome.Succeeded, ToolCallOutcome.Succeeded, ToolCallOutcome.Failed], summary.ToolCalls.Select(c => c.Outcome));
        var last = _host.Client.Calls[^1];
        Assert.False(Offers(last.Options));
        Assert.Equal(AgentPrompt.SummaryRequest, last.Messages[^1].Text);
    }

    [Fact]
    public async Task Send_ModelStopsAContainerUnasked_WaitsOnACardAndTellsTheModelItWasDenied()
    {
        _host.Client.Reply = (i, _, _, _) => Task.FromResult(i == 0
            ? TestChatClient.Call("stop_container", new Dictionary<string, object?> { ["name"] = "jellyfin" })
            : TestChatClient.Text("I did not stop jellyfin."));
        var (id, start) = await SendAsync("what's up?");

        ConversationMessage? card = null;
        await HomelabAppFactory.WaitForAsync(() => (card = _host.Store.GetAsync(id, Ct).Result!.Messages.FirstOrDefault(m => m.Role == MessageRole.Approval)) is not null, TimeSpan.FromSeconds(10), "the approval card");
        await Task.Delay(100, Ct);
        Assert.False(start.Completion.IsCompleted);
        Assert.Empty(_host.Runner.Runs);
        var decided = await _host.Chat.DecideAsync(id, card!.Id, ApprovalDecision.Deny, s_alice, Ct);
        var summary = await start.Completion.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.True(decided.Accepted);
        Assert.Empty(_host.Runner.Runs);
        Assert.Equal(ToolCallOutcome.Denied, Assert.Single(summary.ToolCalls).Outcome);
        var told = (string)_host.Client.Calls[1].Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Single().Result!;
        Assert.Contains("the user denied stop_container jellyfin", told, StringComparison.Ordinal);
        Assert.Equal(ApprovalState.Denied, (await _host.Chat.GetAsync(id, Ct))!.Messages.Single(m => m.Id == card.Id).Approval);
    }

    [Fact]
    public async Task Send_Approved_RunsWithTheTraceOfTheCallThatAskedForIt()
    {
        _host.Client.Reply = (i, _, _, _) => Task.FromResult(i == 0
            ? TestChatClient.Call("restart_container", new Dictionary<string, object?> { ["name"] = "jellyfin" })
            : TestChatClient.Text("Restarted."));
        var (id, start) = await SendAsync("restart jellyfin");

        ConversationMessage? card = null;
        await HomelabAppFactory.WaitForAsync(() => (card = _host.Store.GetAsync(id, Ct).Result!.Messages.FirstOrDefault(m => m.Role == MessageRole.Approval)) is not null, TimeSpan.FromSeconds(10), "the approval card");
        await _host.Chat.DecideAsync(id, card!.Id, ApprovalDecision.Approve, s_alice, Ct);
        await start.Completion.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var run = Assert.Single(_host.Runner.Runs);
        Assert.Equal(ActionVia.Agent, run.Actor.Via);
        Assert.Equal(_host.Traces.Traces.Single(t => t.Caller == "chat.agent.r0").Id, run.TraceId);
    }

    [Fact]
    public async Task Send_WhileATurnRuns_IsRefused()
    {
        _host.Client.UpdateDelay = TimeSpan.FromMilliseconds(50);
        _host.Client.Reply = (_, _, _, _) => Task.FromResult(TestChatClient.Text("one two three four five six seven eight"));
        var (id, start) = await SendAsync("first");

        var second = await _host.Chat.SendAsync(id, "second", s_alice, Ct);
        await start.Completion.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var third = await _host.Chat.SendAsync(id, "third", s_alice, Ct);
        await third.Completion.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.False(second.Started);
        Assert.Contains("still answering", second.Refusal, StringComparison.Ordinal);
        Assert.True(third.Started);
    }

    [Fact]
    public async Task StopTurn_MidAnswer_KeepsThePartialAnswerAndWatchersSawIt()
    {
        _host.Client.UpdateDelay = TimeSpan.FromMilliseconds(40);
        _host.Client.Reply = (_, _, _, _) => Task.FromResult(TestChatClient.Text(string.Join(' ', Enumerable.Range(1, 200).Select(n => $"w{n}"))));
        var (id, start) = await SendAsync("talk");
        using var watching = new CancellationTokenSource();
        await HomelabAppFactory.WaitForAsync(() => _host.Store.GetAsync(id, Ct).Result!.Messages.Any(m => m.Role == MessageRole.Assistant), TimeSpan.FromSeconds(10), "the answer to start");
        await Task.Delay(200, Ct);

        var watch = await _host.Chat.WatchAsync(id, watching.Token);
        var events = new List<ChatEvent>();
        var reader = Task.Run(async () =>
        {
            await foreach (var change in watch.Events)
            {
                events.Add(change);
                if (change is TurnEnded)
                {
                    break;
                }
            }
        }, Ct);
        Assert.True(_host.Chat.StopTurn(id));
        var summary = await start.Completion.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        await reader.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        await watching.CancelAsync();

        Assert.True(watch.TurnRunning);
        var partial = watch.Thread.Messages.Single(m => m.Role == MessageRole.Assistant);
        Assert.StartsWith("w1 w2", partial.Text, StringComparison.Ordinal);
        Assert.False(partial.IsComplete);
        Assert.Equal(TurnOutcome.Stopped, summary.Outcome);
        Assert.EndsWith("*(stopped)*", summary.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("w200", summary.Answer, StringComparison.Ordinal);
        var streamed = partial.Text + string.Concat(events.OfType<TextDelta>().Select(d => d.Delta));
        Assert.StartsWith(streamed, summary.Answer, StringComparison.Ordinal);
        Assert.Equal(TurnOutcome.Stopped, Assert.IsType<TurnEnded>(events[^1]).Summary.Outcome);
        Assert.False(_host.Chat.StopTurn(id));
    }

    [Fact]
    public async Task Send_ModelThrows_FailsWithAMessageAndStillEndsTheTurn()
    {
        _host.Client.Reply = (_, _, _, _) => throw new HttpRequestException("connection refused");
        var conversation = await _host.Chat.StartConversationAsync(ConversationSurface.Web, Ct);
        var watch = await _host.Chat.WatchAsync(conversation.Id, Ct);

        var summary = await (await _host.Chat.SendAsync(conversation.Id, "hello", s_alice, Ct)).Completion.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var events = new List<ChatEvent>();
        await foreach (var change in watch.Events.WithCancellation(Ct))
        {
            events.Add(change);
            if (change is TurnEnded)
            {
                break;
            }
        }

        Assert.Equal(TurnOutcome.Failed, summary.Outcome);
        Assert.Contains("can't reach the model", summary.Error, StringComparison.Ordinal);
        Assert.IsType<TurnStarted>(events[0]);
        Assert.Equal(TurnOutcome.Failed, Assert.IsType<TurnEnded>(events[^1]).Summary.Outcome);
        Assert.Equal(TraceOutcome.Error, Assert.Single(_host.Traces.Traces).Outcome);
        Assert.Equal(summary.Error, (await _host.Chat.GetAsync(conversation.Id, Ct))!.Messages[^1].Text);
    }

    [Fact]
    public async Task Send_TraceStoreBroken_ChatStillAnswers()
    {
        _host.Traces.FailOnRecord = true;
        _host.Client.Reply = (i, _, _, _) => Task.FromResult(i == 0 ? TestChatClient.Call("get_cluster_status") : TestChatClient.Text("Fine."));

        var (_, start) = await SendAsync("how is the cluster?");
        var summary = await start.Completion.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal((TurnOutcome.Completed, "Fine."), (summary.Outcome, summary.Answer));
    }
}
