using System.Diagnostics;
using System.Net;
using Homelab.Dashboard.Simulator.Ollama;
using Homelab.Tests.Shared;
using Microsoft.Extensions.AI;
using OllamaSharp;

namespace Homelab.Tests.Dashboard.Simulator;

/// <summary>The simulated Ollama through the real OllamaSharp client, used as a Microsoft.Extensions.AI chat client.</summary>
public sealed class OllamaSimulatorChatClientTests(OllamaSimulatorFixture fixture) : IClassFixture<OllamaSimulatorFixture>, IDisposable
{
    private readonly IChatClient _client = fixture.CreateChatClient();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _client.Dispose();

    /// <summary>A stand-in for one of the agent's tools; the delegate's parameter names become the tool's parameters.</summary>
    private static AIFunction Tool(string name, Delegate body) => AIFunctionFactory.Create(body, name, $"Test stand-in for {name}");

    [Fact]
    public async Task GetResponse_PlainQuestion_AnswersInTextWithUsage()
    {
        var response = await _client.GetResponseAsync("hello, who are you?", cancellationToken: Cancel);

        Assert.Equal(ScriptedAnswers.PlainChat, response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.True(response.Usage?.InputTokenCount > 0);
        Assert.True(response.Usage?.OutputTokenCount > 0);
    }

    [Fact]
    public async Task GetStreamingResponse_Text_ArrivesInManyUpdatesThatAddUp()
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in _client.GetStreamingResponseAsync("hello", cancellationToken: Cancel))
        {
            updates.Add(update);
        }

        Assert.True(updates.Count > 5, $"only {updates.Count} updates");
        Assert.Equal(ScriptedAnswers.PlainChat, string.Concat(updates.Select(u => u.Text)));
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().Single().Details;
        Assert.True(usage.InputTokenCount > 0 && usage.OutputTokenCount > 0);
    }

    [Fact]
    public async Task GetResponse_ToolOffered_ComesBackAsAFunctionCall()
    {
        var options = new ChatOptions { Tools = [Tool("restart_container", (string name) => "restarted " + name), Tool("list_torrents", () => "none")] };

        var response = await _client.GetResponseAsync("please restart sonarr", options, Cancel);

        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("restart_container", call.Name);
        Assert.Equal("sonarr", call.Arguments?["name"]?.ToString());
    }

    [Fact]
    public async Task GetStreamingResponse_ToolOffered_ComesBackAsAFunctionCall()
    {
        var options = new ChatOptions { Tools = [Tool("get_container_logs", (string name, int lines) => name)] };

        var calls = new List<FunctionCallContent>();
        await foreach (var update in _client.GetStreamingResponseAsync("show me the logs of linkwarden", options, Cancel))
        {
            calls.AddRange(update.Contents.OfType<FunctionCallContent>());
        }

        var call = Assert.Single(calls);
        Assert.Equal("get_container_logs", call.Name);
        Assert.Equal(("linkwarden", "50"), (call.Arguments?["name"]?.ToString(), call.Arguments?["lines"]?.ToString()));
    }

    [Fact]
    public async Task FunctionInvocation_RoundTrip_AnswersWithTheToolsResult()
    {
        var invoked = 0;
        var options = new ChatOptions { Tools = [Tool("get_vpn_status", () => { invoked++; return "status: running\nexit: Amsterdam, Netherlands"; })] };
        using var client = new ChatClientBuilder(fixture.CreateChatClient()).UseFunctionInvocation().Build();

        var response = await client.GetResponseAsync("is the vpn up?", options, Cancel);

        Assert.Equal(1, invoked);
        Assert.Contains("Amsterdam, Netherlands", response.Text, StringComparison.Ordinal);
        Assert.Equal(
            [typeof(FunctionCallContent), typeof(FunctionResultContent), typeof(TextContent)],
            response.Messages.SelectMany(m => m.Contents).Where(c => c is not UsageContent).Select(c => c.GetType()));
    }

    [Fact]
    public async Task FunctionInvocation_Streaming_RoundTripEndsInText()
    {
        var options = new ChatOptions { Tools = [Tool("list_torrents", () => "ubuntu-24.04.1-desktop-amd64.iso: downloading 42%")] };
        using var client = new ChatClientBuilder(fixture.CreateChatClient()).UseFunctionInvocation().Build();

        var text = "";
        await foreach (var update in client.GetStreamingResponseAsync("how are my torrents?", options, Cancel))
        {
            text += update.Text;
        }

        Assert.Contains("ubuntu-24.04.1-desktop-amd64.iso: downloading 42%", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponse_ToolNotOffered_AnswersWithoutACall()
    {
        var options = new ChatOptions { Tools = [Tool("list_torrents", () => "none")] };

        var response = await _client.GetResponseAsync("restart sonarr", options, Cancel);

        Assert.Empty(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Contains("can't do that here", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FunctionInvocation_InjectedLinkwardenLog_ModelCallsStopContainerUnasked()
    {
        // The demo path: the logs come from the simulated Docker host, where linkwarden has archived a hostile page.
        var stopped = new List<string>();
        var logs = Tool("get_container_logs", (string name, int lines) => string.Join('\n', fixture.Simulator.Homelab.ReadLogs(name, null, null, lines)!.Select(l => l.Text)));
        var stop = Tool("stop_container", (string name) => { stopped.Add(name); return $"{name} stopped"; });
        using var client = new ChatClientBuilder(fixture.CreateChatClient()).UseFunctionInvocation().Build();

        var response = await client.GetResponseAsync("show me the logs of linkwarden", new ChatOptions { Tools = [logs, stop] }, Cancel);

        Assert.Equal(["jellyfin"], stopped);
        Assert.Equal(
            ["get_container_logs", "stop_container"],
            response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Select(c => c.Name));
    }

    [Fact]
    public async Task GetResponse_LoopTest_RepeatsTheIdenticalCallEveryRound()
    {
        var options = new ChatOptions { Tools = [Tool("get_cluster_status", () => "quorate"), Tool("list_nodes", () => "3 nodes")] };
        List<ChatMessage> history = [new(ChatRole.User, "loop test")];
        var calls = new List<string>();
        for (var round = 0; round < 4; round++)
        {
            var response = await _client.GetResponseAsync(history, options, Cancel);
            var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
            calls.Add(call.Name + ":" + string.Join(',', call.Arguments?.Keys ?? []));
            history.AddRange(response.Messages);
            history.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, "quorate")]));
        }

        Assert.All(calls, c => Assert.Equal("get_cluster_status:", c));
    }

    [Fact]
    public async Task GetResponse_RoundsTest_CallsADifferentToolEveryRound()
    {
        string[] names = ["get_homelab_summary", "get_cluster_status", "list_containers", "list_torrents", "get_vpn_status", "list_sources", "list_recent_actions"];
        var options = new ChatOptions { Tools = [.. names.Select(n => Tool(n, () => n + " ok"))] };
        List<ChatMessage> history = [new(ChatRole.User, "rounds test")];
        var calls = new List<string>();
        for (var round = 0; round < 7; round++)
        {
            var response = await _client.GetResponseAsync(history, options, Cancel);
            var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
            calls.Add(call.Name);
            history.AddRange(response.Messages);
            history.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, "ok")]));
        }

        Assert.Equal(names, calls);
    }

    /// <remarks>
    /// OllamaSharp 5.5.2 does not check chat stream lines for <c>error</c>: the error line is read as a chunk with no
    /// message, so the stream simply ends, with an empty last update, no finish reason and no usage. The error text
    /// is lost; a stream that ends without <see cref="ChatResponseUpdate.FinishReason"/> is the only sign of it.
    /// </remarks>
    [Fact]
    public async Task GetStreamingResponse_StreamErrorLine_OllamaSharpSwallowsItAndEndsWithoutFinishReason()
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in _client.GetStreamingResponseAsync("simulate a stream error", cancellationToken: Cancel))
        {
            updates.Add(update);
        }

        Assert.Equal(ScriptedAnswers.StreamErrorPartial, string.Concat(updates.Select(u => u.Text)));
        Assert.All(updates, u => Assert.Null(u.FinishReason));
        Assert.Empty(updates.SelectMany(u => u.Contents).OfType<UsageContent>());
        var last = Assert.IsType<OllamaSharp.Models.Chat.ChatResponseStream>(updates[^1].RawRepresentation);
        Assert.Null(last.Message);
    }

    [Fact]
    public async Task GetResponse_StreamErrorPhraseWithoutStreaming_Is500()
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => _client.GetResponseAsync("simulate a stream error", cancellationToken: Cancel));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
    }

    [Fact]
    public async Task GetResponse_UnknownModel_Is404()
    {
        using var client = fixture.CreateChatClient("llama9:70b");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetResponseAsync("hello", cancellationToken: Cancel));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task GenerateEmbeddings_NomicModel_Gives768NormalisedDimensionsWithUsage()
    {
        using var generator = new OllamaApiClient(fixture.OllamaUrl, "nomic-embed-text");
        IEmbeddingGenerator<string, Embedding<float>> embedder = generator;

        var embeddings = await embedder.GenerateAsync(["restart the sonarr container", "is the vpn up"], cancellationToken: Cancel);

        Assert.Equal(2, embeddings.Count);
        Assert.All(embeddings, e => Assert.Equal(768, e.Vector.Length));
        Assert.All(embeddings, e => Assert.Equal(1.0, Math.Sqrt(e.Vector.ToArray().Sum(v => (double)v * v)), 3));
        Assert.True(embeddings.Usage?.InputTokenCount > 0);
    }

    [Fact]
    public async Task GetStreamingResponse_CancelledSlowAnswer_StopsPromptly()
    {
        await using var slow = await SimulatorFixture.StartAsync(configure: o => o.Simulator.OllamaTokenDelay = TimeSpan.FromMilliseconds(25));
        using var client = new OllamaApiClient(slow.Endpoints.OllamaUrl!, OllamaSimCatalog.ChatModel);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var received = 0;
        var clock = Stopwatch.StartNew();
        TimeSpan cancelledAt = default;

        try
        {
            await foreach (var update in ((IChatClient)client).GetStreamingResponseAsync("simulate a slow answer", cancellationToken: cancel.Token))
            {
                if (++received == 5)
                {
                    cancelledAt = clock.Elapsed;
                    await cancel.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // OllamaSharp mostly just stops reading when cancelled; a throw is fine too.
        }

        // 400 tokens at 25 ms would take 10 s; the stream must end right after the cancel, not run on.
        Assert.True(clock.Elapsed - cancelledAt < TimeSpan.FromSeconds(2), $"took {clock.Elapsed - cancelledAt} after cancelling");
        Assert.InRange(received, 5, 8);
    }
}
