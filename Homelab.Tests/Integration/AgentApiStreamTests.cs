using System.Net;
using System.Net.Http.Json;
using Homelab.Dashboard.Agent.Chat;
using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Conversations;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Integration;

/// <summary><c>POST /api/ai/agent/stream</c>: real server-sent events while the test chat's turn runs.</summary>
public sealed class AgentApiStreamTests : IClassFixture<AgentApiAppFactory>
{
    private const string Path = "/api/ai/agent/stream";

    private readonly AgentApiAppFactory _app;
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AgentApiStreamTests(AgentApiAppFactory app)
    {
        _app = app;
        _app.Chat.Turn = TestAgentChat.DefaultTurn;
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stream_TurnRunning_EventsArriveInOrderBeforeTurnEnds()
    {
        _app.Chat.Turn = HeldTurnAsync;
        using var client = _app.Client();
        using var response = await PostAsync(client, new { message = "restart jellyfin" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var reader = new ServerSentEventReader(await response.Content.ReadAsStreamAsync(Token));

        var early = await reader.UntilAsync("token", Token);

        var conversationId = early[0].Json.GetProperty("conversation_id").GetGuid();
        Assert.True(_app.Chat.IsRunning(conversationId), "the first token must arrive while the turn is still running");
        Assert.Equal(["turn_started", "token"], early.Select(e => e.Event));
        Assert.Equal("Checking ", early[1].Json.GetProperty("text").GetString());
        _gate.SetResult();
        var rest = await reader.UntilAsync("answer", Token);
        Assert.Equal(["tool_call", "tool_result", "approval_needed", "token", "answer"], rest.Select(e => e.Event));
        var ids = early.Concat(rest).Select(e => long.Parse(e.Id!)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var call = rest[0].Json;
        Assert.Equal("restart_container", call.GetProperty("name").GetString());
        Assert.Equal("jellyfin", call.GetProperty("arguments").GetProperty("container").GetString());
        Assert.Equal("call-1", call.GetProperty("call_id").GetString());
        var result = rest[1].Json;
        Assert.Equal("succeeded", result.GetProperty("outcome").GetString());
        Assert.Equal("restarted", result.GetProperty("result").GetString());
        Assert.Equal(42, result.GetProperty("duration_ms").GetInt64());
        var approval = rest[2].Json;
        var approvalId = approval.GetProperty("id").GetGuid();
        Assert.Equal($"{_app.BaseAddress}chat/{conversationId}#approval-{approvalId}", approval.GetProperty("link").GetString());
        Assert.Equal("Restart container jellyfin", approval.GetProperty("what").GetString());
        var answer = rest[4].Json;
        Assert.Equal("awaiting_approval", answer.GetProperty("outcome").GetString());
        Assert.Equal(approvalId, Assert.Single(answer.GetProperty("approvals").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(2, answer.GetProperty("rounds").GetInt32());
        Assert.Null(await reader.NextAsync(Token));
    }

    [Fact]
    public async Task Stream_ClientDisconnects_TurnStillFinishes()
    {
        _app.Chat.Turn = HeldTurnAsync;
        Guid conversationId;
        using (var client = _app.Client())
        using (var response = await PostAsync(client, new { message = "restart jellyfin" }))
        {
            var reader = new ServerSentEventReader(await response.Content.ReadAsStreamAsync(Token));
            var early = await reader.UntilAsync("token", Token);
            conversationId = early[0].Json.GetProperty("conversation_id").GetGuid();
        }

        await HomelabAppFactory.WaitForAsync(() => _app.Chat.WatcherCount == 0, TimeSpan.FromSeconds(5), "the server to end the stream's watch");
        Assert.True(_app.Chat.IsRunning(conversationId));
        _gate.SetResult();
        await HomelabAppFactory.WaitForAsync(() => !_app.Chat.IsRunning(conversationId), TimeSpan.FromSeconds(5), "the turn to finish");
        Assert.Equal(0, _app.Chat.StopRequests);
        Assert.False(_app.Chat.Sent.Last(s => s.ConversationId == conversationId).CancellationToken.IsCancellationRequested);
        var thread = await _app.Chat.GetAsync(conversationId, Token);
        Assert.Contains(thread!.Messages, m => m.Role == MessageRole.Approval);
    }

    [Fact]
    public async Task Stream_IdleTurn_SendsKeepAliveComments()
    {
        _app.Chat.Turn = HeldTurnAsync;
        using var client = _app.Client();
        using var response = await PostAsync(client, new { message = "slow" });
        var reader = new ServerSentEventReader(await response.Content.ReadAsStreamAsync(Token));
        await reader.UntilAsync("token", Token);
        var heartbeats = Task.Delay(TimeSpan.FromMilliseconds(700), Token);

        await heartbeats;
        _gate.SetResult();
        await reader.UntilAsync("answer", Token);

        Assert.True(reader.Comments >= 2, $"expected keep-alive comments while the turn was held, got {reader.Comments}");
    }

    [Fact]
    public async Task Stream_ParsedLikeThePwa_TokensAddUpToTheAnswer()
    {
        using var client = _app.Client();
        using var response = await PostAsync(client, new { message = "hello?" });
        var reader = new ServerSentEventReader(await response.Content.ReadAsStreamAsync(Token));

        var events = await reader.UntilAsync("answer", Token);

        Assert.Equal(["turn_started", "token", "token", "answer"], events.Select(e => e.Event));
        var text = string.Concat(events.Where(e => e.Event == "token").Select(e => e.Json.GetProperty("text").GetString()));
        var answer = events[^1].Json;
        Assert.Equal(answer.GetProperty("answer").GetString(), text);
        Assert.Equal("completed", answer.GetProperty("outcome").GetString());
        Assert.Equal("test-model", answer.GetProperty("model").GetString());
    }

    [Fact]
    public async Task Stream_ModelFails_SendsErrorThenAnswer()
    {
        _app.Chat.Turn = turn => Task.FromResult(turn.Summary(TurnOutcome.Failed, "", error: "The model 'qwen3:8b' is not pulled."));
        using var client = _app.Client();
        using var response = await PostAsync(client, new { message = "hi" });
        var reader = new ServerSentEventReader(await response.Content.ReadAsStreamAsync(Token));

        var events = await reader.UntilAsync("answer", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["turn_started", "error", "answer"], events.Select(e => e.Event));
        Assert.Equal("The model 'qwen3:8b' is not pulled.", events[1].Json.GetProperty("message").GetString());
        Assert.Equal("failed", events[2].Json.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Stream_WrongKey_Returns401BeforeStreaming()
    {
        using var client = _app.Client(key: "wrong");

        using var response = await PostAsync(client, new { message = "hi" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Stream_EmptyMessage_Returns400BeforeStreaming()
    {
        using var client = _app.Client();

        using var response = await PostAsync(client, new { message = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Stream_TurnAlreadyRunning_Returns409AndEndsItsWatch()
    {
        _app.Chat.Turn = HeldTurnAsync;
        var conversation = await _app.Chat.StartConversationAsync(ConversationSurface.Api, Token);
        await _app.Chat.SendAsync(conversation.Id, "busy", new Actor("someone", ActionVia.Ui), Token);
        using var client = _app.Client();

        using var response = await PostAsync(client, new { message = "hi", conversation_id = conversation.Id });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await HomelabAppFactory.WaitForAsync(() => _app.Chat.WatcherCount == 0, TimeSpan.FromSeconds(5), "the refused stream's watch to end");
        _gate.SetResult();
    }

    /// <summary>A token, then held at the gate; then a tool call, an approval and the rest of the answer.</summary>
    private async Task<TurnSummary> HeldTurnAsync(TestTurn turn)
    {
        var answer = turn.AddMessage(MessageRole.Assistant, "", isComplete: false);
        turn.Delta(answer, "Checking ");
        await _gate.Task;
        var call = turn.StartCall("restart_container", "{\"container\":\"jellyfin\"}");
        var tool = turn.AddMessage(MessageRole.Tool, "", toolCalls: [call]);
        turn.Update(tool with { ToolCalls = [turn.Finish(call, "restarted")] });
        turn.AddMessage(MessageRole.Approval, "Restart container jellyfin", approval: ApprovalState.Pending);
        turn.Delta(answer, "done.");
        return turn.Summary(TurnOutcome.AwaitingApproval, "Checking done.", rounds: 2);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, object body) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Post, Path) { Content = JsonContent.Create(body) }, HttpCompletionOption.ResponseHeadersRead, Token);
}
