using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Homelab.Dashboard.Agent.Chat;
using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Conversations;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Integration;

/// <summary><c>POST /api/ai/agent</c> on the real host over HTTP, with the test chat as the agent.</summary>
public sealed class AgentApiTests : IClassFixture<AgentApiAppFactory>
{
    private const string Path = "/api/ai/agent";

    private readonly AgentApiAppFactory _app;

    public AgentApiTests(AgentApiAppFactory app)
    {
        _app = app;
        _app.Chat.Turn = TestAgentChat.DefaultTurn;
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ask_NoKey_Returns401WithBearerChallenge()
    {
        using var client = _app.Client(key: null);

        var response = await client.PostAsJsonAsync(Path, new { message = "hi" }, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(AgentApiAppFactory.KeyName, await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("X-API-Key")]
    public async Task Ask_WrongKey_Returns401(string header)
    {
        using var client = _app.Client(key: null);
        using var request = Request(new { message = "hi" });
        request.Headers.TryAddWithoutValidation(header, header == "Authorization" ? "Bearer not-the-key" : "not-the-key");

        var response = await client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("X-API-Key")]
    public async Task Ask_RightKey_ReturnsSummaryShape(string header)
    {
        using var client = _app.Client(key: null);
        using var request = Request(new { message = "hello?" });
        request.Headers.TryAddWithoutValidation(header, header == "Authorization" ? $"Bearer {AgentApiAppFactory.Key}" : AgentApiAppFactory.Key);

        var response = await client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json(response);
        Assert.True(Guid.TryParse(body.GetProperty("conversation_id").GetString(), out _));
        Assert.Equal("test-model", body.GetProperty("model").GetString());
        Assert.True(body.GetProperty("simulated").GetBoolean());
        Assert.Equal("Hello there", body.GetProperty("answer").GetString());
        Assert.Equal(0, body.GetProperty("tool_calls").GetArrayLength());
        Assert.Equal(1, body.GetProperty("rounds").GetInt32());
        Assert.Equal("completed", body.GetProperty("outcome").GetString());
        Assert.Equal(0, body.GetProperty("approvals").GetArrayLength());
        Assert.False(body.GetProperty("timed_out").GetBoolean());
        Assert.False(body.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task Ask_RightKey_KeyNameReachesSendAsyncAsApiCaller()
    {
        using var client = _app.Client();

        var body = await Json(await client.PostAsJsonAsync(Path, new { message = "who am I?" }, Token));

        var conversationId = Guid.Parse(body.GetProperty("conversation_id").GetString()!);
        var sent = _app.Chat.Sent.Last(s => s.ConversationId == conversationId);
        Assert.Equal(new Actor(AgentApiAppFactory.KeyName, ActionVia.Api, [HomelabRoles.Operator]), sent.Actor);
        Assert.Equal("who am I?", sent.Message);
        Assert.Equal(ConversationSurface.Api, _app.Chat.Find(conversationId)?.Surface);
    }

    [Fact]
    public async Task Ask_CamelCaseConversationId_ContinuesThatConversation()
    {
        using var client = _app.Client();
        var first = await Json(await client.PostAsJsonAsync(Path, new { message = "one" }, Token));
        var conversationId = first.GetProperty("conversation_id").GetString();

        var second = await Json(await client.PostAsJsonAsync(Path, new { message = "two", conversationId }, Token));

        Assert.Equal(conversationId, second.GetProperty("conversation_id").GetString());
        Assert.Equal(2, _app.Chat.Sent.Count(s => s.ConversationId.ToString() == conversationId));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"message\": \"\"}")]
    [InlineData("{\"message\": \"   \"}")]
    [InlineData("{\"message\": 42}")]
    [InlineData("[\"hi\"]")]
    [InlineData("hi")]
    [InlineData("{\"message\": \"hi\", \"conversation_id\": \"not-a-guid\"}")]
    public async Task Ask_InvalidBody_Returns400Problem(string json)
    {
        using var client = _app.Client();

        var response = await client.PostAsync(Path, new StringContent(json, Encoding.UTF8, "application/json"), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace((await Json(response)).GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Ask_MessageOver8000Characters_Returns400()
    {
        using var client = _app.Client();

        var response = await client.PostAsJsonAsync(Path, new { message = new string('x', 8_001) }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("8,000", (await Json(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_BodyOver32KB_Returns413()
    {
        using var client = _app.Client();

        var response = await client.PostAsJsonAsync(Path, new { message = new string('x', 40_000) }, Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Ask_UnknownConversation_Returns404()
    {
        using var client = _app.Client();

        var response = await client.PostAsJsonAsync(Path, new { message = "hi", conversation_id = Guid.NewGuid() }, Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Ask_TurnAlreadyRunning_Returns409()
    {
        var gate = new TaskCompletionSource();
        _app.Chat.Turn = async turn =>
        {
            await gate.Task;
            return turn.Summary(TurnOutcome.Completed, "late");
        };
        var conversation = await _app.Chat.StartConversationAsync(ConversationSurface.Web, Token);
        await _app.Chat.SendAsync(conversation.Id, "busy", new Actor("someone", ActionVia.Ui), Token);
        using var client = _app.Client();

        var response = await client.PostAsJsonAsync(Path, new { message = "hi", conversation_id = conversation.Id }, Token);

        gate.SetResult();
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("already running", (await Json(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_ModelFails_Returns200FailedWithError()
    {
        _app.Chat.Turn = turn => Task.FromResult(turn.Summary(TurnOutcome.Failed, "", error: "Ollama at http://gpu:11434 is not answering."));
        using var client = _app.Client();

        var response = await client.PostAsJsonAsync(Path, new { message = "hi" }, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json(response);
        Assert.Equal("failed", body.GetProperty("outcome").GetString());
        Assert.Equal("Ollama at http://gpu:11434 is not answering.", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Ask_ApprovalPending_ReturnsApprovalLinksAndSaysSo()
    {
        Guid approvalId = default;
        _app.Chat.Turn = turn =>
        {
            var call = turn.StartCall("restart_container", "{\"container\":\"jellyfin\"}");
            turn.AddMessage(MessageRole.Tool, "", toolCalls: [turn.Finish(call, "waiting for approval", ToolCallOutcome.Denied)]);
            approvalId = turn.AddMessage(MessageRole.Approval, "Restart container jellyfin on docker-server", approval: ApprovalState.Pending).Id;
            return Task.FromResult(turn.Summary(TurnOutcome.AwaitingApproval, "I asked to restart jellyfin.", rounds: 2));
        };
        using var client = _app.Client();

        var body = await Json(await client.PostAsJsonAsync(Path, new { message = "restart jellyfin" }, Token));

        var conversationId = body.GetProperty("conversation_id").GetString();
        var expectedLink = $"{_app.BaseAddress}chat/{conversationId}#approval-{approvalId}";
        Assert.Equal("awaiting_approval", body.GetProperty("outcome").GetString());
        var approval = Assert.Single(body.GetProperty("approvals").EnumerateArray());
        Assert.Equal(approvalId, approval.GetProperty("id").GetGuid());
        Assert.Equal(expectedLink, approval.GetProperty("link").GetString());
        Assert.Equal("Restart container jellyfin on docker-server", approval.GetProperty("what").GetString());
        var answer = body.GetProperty("answer").GetString()!;
        Assert.StartsWith("I asked to restart jellyfin.", answer, StringComparison.Ordinal);
        Assert.Contains("Approval is needed in the dashboard", answer, StringComparison.Ordinal);
        Assert.Contains(expectedLink, answer, StringComparison.Ordinal);
        var toolCall = Assert.Single(body.GetProperty("tool_calls").EnumerateArray());
        Assert.Equal("restart_container", toolCall.GetProperty("name").GetString());
        Assert.Equal("jellyfin", toolCall.GetProperty("arguments").GetProperty("container").GetString());
        Assert.Equal("waiting for approval", toolCall.GetProperty("result").GetString());
        Assert.Equal("denied", toolCall.GetProperty("outcome").GetString());
        Assert.Equal(42, toolCall.GetProperty("duration_ms").GetInt64());
    }

    [Fact]
    public async Task Ask_TurnOutlastsWait_AnswersWithWhatIsThereAndTurnKeepsRunning()
    {
        var gate = new TaskCompletionSource();
        _app.Chat.Turn = async turn =>
        {
            var answer = turn.AddMessage(MessageRole.Assistant, "", isComplete: false);
            turn.Delta(answer, "Still checking");
            await gate.Task;
            return turn.Summary(TurnOutcome.Completed, "Still checking, done.");
        };
        using var client = _app.Client();

        var body = await Json(await client.PostAsJsonAsync(Path, new { message = "slow one" }, Token));

        var conversationId = Guid.Parse(body.GetProperty("conversation_id").GetString()!);
        Assert.True(body.GetProperty("timed_out").GetBoolean());
        Assert.Equal("running", body.GetProperty("outcome").GetString());
        Assert.Equal("Still checking", body.GetProperty("answer").GetString());
        Assert.True(_app.Chat.IsRunning(conversationId));
        gate.SetResult();
        await HomelabAppFactory.WaitForAsync(() => !_app.Chat.IsRunning(conversationId), TimeSpan.FromSeconds(5), "the turn to finish on the server");
        Assert.Equal(0, _app.Chat.StopRequests);
    }

    private static HttpRequestMessage Request(object body) => new(HttpMethod.Post, Path) { Content = JsonContent.Create(body) };

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement;
}
