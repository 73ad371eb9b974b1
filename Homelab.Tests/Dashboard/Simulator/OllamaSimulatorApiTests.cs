using System.Net;
using System.Text;
using System.Text.Json;
using Homelab.Dashboard.Simulator;
using Homelab.Dashboard.Simulator.Ollama;

namespace Homelab.Tests.Dashboard.Simulator;

/// <summary>The simulated Ollama API over raw HTTP: framing, content types, shapes and failures as Ollama has them.</summary>
public sealed class OllamaSimulatorApiTests(OllamaSimulatorFixture fixture) : IClassFixture<OllamaSimulatorFixture>, IDisposable
{
    private const string Ndjson = "application/x-ndjson";
    private const string GinJson = "application/json; charset=utf-8";

    private readonly HttpClient _http = fixture.CreateHttpClient();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _http.Dispose();

    private Task<HttpResponseMessage> PostAsync(string path, string json) =>
        _http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Cancel);

    private static string Chat(string text, string extra = "") =>
        $$"""{"model":"qwen3.5:35b-a3b","messages":[{"role":"user","content":"{{text}}"}]{{extra}}}""";

    private static List<JsonElement> Lines(string body) =>
        [.. body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    [Fact]
    public async Task Chat_StreamByDefault_IsNdjsonEndingWithTheMetrics()
    {
        using var response = await PostAsync("/api/chat", Chat("hello"));
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Ndjson, response.Content.Headers.ContentType?.ToString());
        Assert.EndsWith("}\n", body, StringComparison.Ordinal);
        var lines = Lines(body);
        Assert.True(lines.Count > 5);
        Assert.All(lines[..^1], l => Assert.False(l.GetProperty("done").GetBoolean()));
        Assert.Equal(ScriptedAnswers.PlainChat, string.Concat(lines.Select(l => l.GetProperty("message").GetProperty("content").GetString())));
        var last = lines[^1];
        Assert.True(last.GetProperty("done").GetBoolean());
        Assert.Equal("stop", last.GetProperty("done_reason").GetString());
        foreach (var metric in new[] { "total_duration", "load_duration", "prompt_eval_count", "prompt_eval_duration", "eval_count", "eval_duration" })
        {
            Assert.True(last.GetProperty(metric).GetInt64() > 0, metric);
        }

        Assert.Equal(lines.Count - 1, last.GetProperty("eval_count").GetInt32());
        Assert.True(last.GetProperty("total_duration").GetInt64() >= last.GetProperty("eval_duration").GetInt64() + last.GetProperty("load_duration").GetInt64());
    }

    [Fact]
    public async Task Chat_StreamFalse_IsOneJsonObjectWithTheWholeMessage()
    {
        using var response = await PostAsync("/api/chat", Chat("hello", ""","stream":false"""));
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(GinJson, response.Content.Headers.ContentType?.ToString());
        Assert.DoesNotContain('\n', body);
        using var json = JsonDocument.Parse(body);
        Assert.True(json.RootElement.GetProperty("done").GetBoolean());
        Assert.Equal(ScriptedAnswers.PlainChat, json.RootElement.GetProperty("message").GetProperty("content").GetString());
        Assert.Equal("assistant", json.RootElement.GetProperty("message").GetProperty("role").GetString());
    }

    [Fact]
    public async Task Chat_PromptEvalCount_IsAboutAQuarterOfThePrompt()
    {
        var question = new string('x', 400);
        using var response = await PostAsync("/api/chat", Chat(question, ""","stream":false"""));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));

        Assert.Equal(100, json.RootElement.GetProperty("prompt_eval_count").GetInt32());
    }

    [Fact]
    public async Task Chat_ToolCall_ArgumentsAreAnObjectNotAString()
    {
        const string tools = ""","stream":false,"tools":[{"type":"function","function":{"name":"restart_container","parameters":{"type":"object","properties":{"name":{"type":"string"}}}}}]""";

        using var response = await PostAsync("/api/chat", Chat("restart sonarr", tools));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));

        var call = json.RootElement.GetProperty("message").GetProperty("tool_calls")[0];
        Assert.StartsWith("call_", call.GetProperty("id").GetString(), StringComparison.Ordinal);
        var function = call.GetProperty("function");
        Assert.Equal("restart_container", function.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Object, function.GetProperty("arguments").ValueKind);
        Assert.Equal("sonarr", function.GetProperty("arguments").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Chat_ToolCallStreamed_ComesInOneLineBeforeTheDoneLine()
    {
        const string tools = ""","tools":[{"type":"function","function":{"name":"get_vpn_status"}}]""";

        using var response = await PostAsync("/api/chat", Chat("is the vpn up", tools));
        var lines = Lines(await response.Content.ReadAsStringAsync(Cancel));

        Assert.Equal(2, lines.Count);
        Assert.Equal("get_vpn_status", lines[0].GetProperty("message").GetProperty("tool_calls")[0].GetProperty("function").GetProperty("name").GetString());
        Assert.True(lines[1].GetProperty("done").GetBoolean());
    }

    [Fact]
    public async Task Chat_OllamaSharpsExtraKeys_AreTolerated()
    {
        const string extra = ""","stream":false,"options":{"num_ctx":16384,"temperature":0.2},"keep_alive":"10m","format":"","think":true,"CustomHeaders":{}""";

        using var response = await PostAsync("/api/chat", Chat("hello", extra));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Chat_UnknownModel_Is404WithOllamasMessage()
    {
        using var response = await PostAsync("/api/chat", """{"model":"llama9:70b","messages":[{"role":"user","content":"hi"}]}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(GinJson, response.Content.Headers.ContentType?.ToString());
        Assert.Equal("""{"error":"model \"llama9:70b\" not found, try pulling it first"}""", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Theory]
    [InlineData("{\"model\":")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("{\"messages\":[]}")]
    [InlineData("[1,2]")]
    public async Task Chat_BadBody_Is400WithAnError(string body)
    {
        using var response = await PostAsync("/api/chat", body);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Chat_EmbeddingModel_Is400DoesNotSupportChat()
    {
        using var response = await PostAsync("/api/chat", """{"model":"nomic-embed-text","messages":[{"role":"user","content":"hi"}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"error":"\"nomic-embed-text\" does not support chat"}""", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Chat_StreamError_ArrivesAsAnErrorLineAfter200()
    {
        using var response = await PostAsync("/api/chat", Chat("simulate a stream error"));
        var lines = Lines(await response.Content.ReadAsStringAsync(Cancel));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ScriptedAnswers.StreamErrorMessage, lines[^1].GetProperty("error").GetString());
        Assert.All(lines[..^1], l => Assert.False(l.GetProperty("done").GetBoolean()));
    }

    [Fact]
    public async Task Chat_EmptyMessages_LoadsThenKeepAliveZeroUnloads()
    {
        const string model = "qwen3.5:4b";

        using var load = await PostAsync("/api/chat", $$"""{"model":"{{model}}","messages":[]}""");
        using var loaded = JsonDocument.Parse(await load.Content.ReadAsStringAsync(Cancel));
        var running = await _http.GetStringAsync("/api/ps", Cancel);
        using var unload = await PostAsync("/api/chat", $$"""{"model":"{{model}}","messages":[],"keep_alive":0}""");
        using var unloaded = JsonDocument.Parse(await unload.Content.ReadAsStringAsync(Cancel));
        var after = await _http.GetStringAsync("/api/ps", Cancel);

        Assert.Equal("load", loaded.RootElement.GetProperty("done_reason").GetString());
        Assert.Contains(model, running, StringComparison.Ordinal);
        Assert.Equal("unload", unloaded.RootElement.GetProperty("done_reason").GetString());
        Assert.DoesNotContain(model, after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ps_AfterAChat_ListsTheModelWithExpiryAndVram()
    {
        using var chat = await PostAsync("/api/chat", Chat("hello", ""","stream":false,"keep_alive":"30m" """));
        using var json = JsonDocument.Parse(await _http.GetStringAsync("/api/ps", Cancel));

        var model = json.RootElement.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("name").GetString() == OllamaSimCatalog.ChatModel);
        Assert.True(model.GetProperty("size_vram").GetInt64() > 30_000_000_000);
        Assert.True(model.GetProperty("context_length").GetInt32() > 0);
        var expires = DateTimeOffset.Parse(model.GetProperty("expires_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(31));
    }

    [Fact]
    public async Task Tags_ListsTheThreeModelsWithSizesAndDetails()
    {
        using var response = await _http.GetAsync("/api/tags", Cancel);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));

        Assert.Equal(GinJson, response.Content.Headers.ContentType?.ToString());
        var models = json.RootElement.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(["qwen3.5:35b-a3b", "qwen3.5:4b", "nomic-embed-text:latest"], models.Select(m => m.GetProperty("name").GetString()));
        Assert.All(models, m =>
        {
            Assert.True(m.GetProperty("size").GetInt64() > 100_000_000);
            Assert.Equal(64, m.GetProperty("digest").GetString()!.Length);
            var details = m.GetProperty("details");
            Assert.Equal("gguf", details.GetProperty("format").GetString());
            Assert.False(string.IsNullOrEmpty(details.GetProperty("parameter_size").GetString()));
            Assert.False(string.IsNullOrEmpty(details.GetProperty("quantization_level").GetString()));
        });
    }

    [Fact]
    public async Task Version_IsTheSeedsPinnedOllama()
    {
        Assert.Equal("""{"version":"0.20.7"}""", await _http.GetStringAsync("/api/version", Cancel));
    }

    [Fact]
    public async Task Root_SaysOllamaIsRunning()
    {
        Assert.Equal("Ollama is running", await _http.GetStringAsync("/", Cancel));
    }

    [Fact]
    public async Task Show_KnownModel_HasCapabilitiesAndModelInfo()
    {
        using var response = await PostAsync("/api/show", """{"model":"qwen3.5:35b-a3b"}""");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));

        Assert.Equal(["completion", "tools", "thinking"], json.RootElement.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("qwen35moe", json.RootElement.GetProperty("model_info").GetProperty("general.architecture").GetString());
    }

    [Fact]
    public async Task Show_UnknownModel_Is404()
    {
        using var response = await PostAsync("/api/show", """{"model":"nope"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"error":"model 'nope' not found"}""", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Embed_OneString_IsOneNormalised768Vector()
    {
        using var response = await PostAsync("/api/embed", """{"model":"nomic-embed-text","input":"restart sonarr","CustomHeaders":{}}""");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));

        var vector = Assert.Single(json.RootElement.GetProperty("embeddings").EnumerateArray()).EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.Equal(768, vector.Count);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(v => v * v)), 4);
        Assert.True(json.RootElement.GetProperty("prompt_eval_count").GetInt32() > 0);
        Assert.True(json.RootElement.GetProperty("total_duration").GetInt64() > 0);
    }

    [Fact]
    public async Task Embed_Texts_AreDeterministicAndRelatedOnesAreCloser()
    {
        const string body = """{"model":"nomic-embed-text","input":["The cat sits on the mat.","A cat is sitting on a mat.","Quarterly revenue grew by 12 percent.","The cat sits on the mat."]}""";

        var vectors = await EmbedAsync(body);
        var again = await EmbedAsync(body);

        Assert.Equal(vectors[0], again[0]);
        Assert.Equal(vectors[0], vectors[3]);
        Assert.True(Cosine(vectors[0], vectors[1]) > 0.5, $"related: {Cosine(vectors[0], vectors[1])}");
        Assert.True(Cosine(vectors[0], vectors[2]) < 0.2, $"unrelated: {Cosine(vectors[0], vectors[2])}");
    }

    [Fact]
    public async Task Embed_Dimensions_TruncatesAndRenormalises()
    {
        var vector = Assert.Single(await EmbedAsync("""{"model":"nomic-embed-text","input":["vpn status"],"dimensions":256}"""));

        Assert.Equal(256, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(v => v * v)), 4);
    }

    [Fact]
    public async Task Embed_UnknownModel_Is404()
    {
        using var response = await PostAsync("/api/embed", """{"model":"mxbai-embed-large","input":"x"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"error":"model \"mxbai-embed-large\" not found, try pulling it first"}""", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task UnknownRoute_IsGinsPlain404()
    {
        using var response = await _http.GetAsync("/api/generate", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404 page not found", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task RequestCounter_CountsServedRequests()
    {
        var before = long.Parse(await _http.GetStringAsync(SimulatorHost.RequestCountPath, Cancel), System.Globalization.CultureInfo.InvariantCulture);
        await _http.GetStringAsync("/api/version", Cancel);
        await _http.GetStringAsync("/api/tags", Cancel);
        var after = long.Parse(await _http.GetStringAsync(SimulatorHost.RequestCountPath, Cancel), System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(after - before >= 2);
    }

    private async Task<List<double[]>> EmbedAsync(string body)
    {
        using var response = await PostAsync("/api/embed", body);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return [.. json.RootElement.GetProperty("embeddings").EnumerateArray().Select(e => e.EnumerateArray().Select(v => v.GetDouble()).ToArray())];
    }

    private static double Cosine(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();
}
