using Homelab.Dashboard.Agent.Model;
using Homelab.Dashboard.Agent.Tools;
using Homelab.Domain.Agent.Tools;
using Homelab.Tests.Shared;
using Microsoft.Extensions.AI;

namespace Homelab.Tests.Dashboard.Agent.Model;

/// <summary>The tool loop's guards, with a scripted model.</summary>
public sealed class GuardedFunctionInvokerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TestChatClient _model = new();

    private GuardedFunctionInvoker Invoker(int rounds = 6) => new(_model, rounds, maxIdenticalCalls: 2, resultLimit: 4_000, TimeProvider.System, loggerFactory: null);

    private static List<ChatMessage> Ask(string text) => [new(ChatRole.User, text)];

    private static IEnumerable<FunctionResultContent> Results(IEnumerable<ChatMessage> messages) => messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>();

    [Fact]
    public async Task GetResponse_SameCallThreeTimes_RunsItTwiceThenEndsTheLoop()
    {
        var runs = 0;
        var tool = AIFunctionFactory.Create(() => { runs++; return """{"ok":true}"""; }, "get_status");
        _model.Reply = (_, _, _, _) => Task.FromResult(TestChatClient.Call("get_status"));
        var scope = new ModelCallScope("test.agent", null);

        ChatResponse response;
        using (ModelCallScope.Begin(scope))
        {
            response = await Invoker().GetResponseAsync(Ask("loop"), new ChatOptions { Tools = [tool] }, Ct);
        }

        Assert.Equal(2, runs);
        Assert.Equal(3, _model.Calls.Count);
        Assert.Contains("more than 2 times", scope.LoopStopReason, StringComparison.Ordinal);
        Assert.Contains("answer with the data you already have", (string)Results(response.Messages).Last().Result!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponse_ModelNeverStops_RunsAtMostTheRoundCap()
    {
        var runs = 0;
        var tool = AIFunctionFactory.Create((int n) => { runs++; return $"{{\"n\":{n}}}"; }, "get_page");
        _model.Reply = (i, _, _, _) => Task.FromResult(TestChatClient.Call("get_page", new Dictionary<string, object?> { ["n"] = i }));

        var response = await Invoker(rounds: 3).GetResponseAsync(Ask("pages"), new ChatOptions { Tools = [tool] }, Ct);

        Assert.Equal(3, runs);
        Assert.Equal(4, _model.Calls.Count);
        Assert.IsType<FunctionCallContent>(response.Messages[^1].Contents.Single());
    }

    [Fact]
    public async Task GetResponse_UnknownTool_AnswersTheSeedsErrorAndGoesOn()
    {
        var tool = AIFunctionFactory.Create(() => "x", "get_status");
        _model.Reply = (i, _, _, _) => Task.FromResult(i == 0 ? TestChatClient.Call("delete_everything") : TestChatClient.Text("sorry"));

        var response = await Invoker().GetResponseAsync(Ask("go"), new ChatOptions { Tools = [tool] }, Ct);

        Assert.Equal("sorry", response.Text);
        Assert.Equal("""{"error":"unknown tool 'delete_everything'; use only the tools you were given"}""", Results(_model.Calls[1].Messages).Single().Result);
    }

    [Fact]
    public async Task GetResponse_BadArguments_AnswersBadArgumentsAndGoesOn()
    {
        var tool = ToolFactory.Create((int lines) => $"{lines} lines", "get_lines", ToolEffect.ReadOnly, 4_000).Function;
        _model.Reply = (i, _, _, _) => Task.FromResult(i == 0 ? TestChatClient.Call("get_lines", new Dictionary<string, object?> { ["lines"] = "many" }) : TestChatClient.Text("ok"));

        await Invoker().GetResponseAsync(Ask("go"), new ChatOptions { Tools = [tool] }, Ct);

        Assert.StartsWith("""{"error":"bad arguments""", (string)Results(_model.Calls[1].Messages).Single().Result!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponse_HugeToolResult_IsCappedWithANote()
    {
        var tool = AIFunctionFactory.Create(() => new string('x', 10_000), "get_dump");
        _model.Reply = (i, _, _, _) => Task.FromResult(i == 0 ? TestChatClient.Call("get_dump") : TestChatClient.Text("ok"));

        await Invoker().GetResponseAsync(Ask("go"), new ChatOptions { Tools = [tool] }, Ct);

        var result = (string)Results(_model.Calls[1].Messages).Single().Result!;
        Assert.True(result.Length <= 4_000, $"{result.Length} characters");
        Assert.EndsWith("chars)", result, StringComparison.Ordinal);
        Assert.Contains("…(truncated ", result, StringComparison.Ordinal);
    }
}
