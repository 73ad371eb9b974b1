using System.Text.Json;
using System.Text.Json.Nodes;

namespace Homelab.Dashboard.Simulator.Ollama;

/// <summary>One message of a <c>POST /api/chat</c> body, as far as the simulated model cares.</summary>
internal sealed record OllamaSimMessage(string Role, string Content, IReadOnlyList<OllamaSimToolCall> ToolCalls)
{
    public bool IsUser => Role == "user";

    public bool IsTool => Role == "tool";

    public bool IsAssistant => Role == "assistant";
}

/// <summary>A tool call, in either direction; <see cref="ArgumentsJson"/> is a JSON object's text.</summary>
internal sealed record OllamaSimToolCall(string Name, string ArgumentsJson)
{
    public JsonObject Arguments => JsonNode.Parse(ArgumentsJson)?.AsObject() ?? [];

    public static OllamaSimToolCall Create(string name, JsonObject? arguments = null) => new(name, (arguments ?? []).ToJsonString());
}

/// <summary>
/// A <c>POST /api/chat</c> body read the way Ollama's decoder reads it: unknown keys (OllamaSharp's
/// <c>CustomHeaders</c>, <c>options</c>, <c>format</c>, <c>think</c>) are accepted and ignored.
/// </summary>
/// <param name="KeepAlive">How long the model stays loaded: null for the default, negative for ever.</param>
/// <param name="PromptChars">The length of everything the model would read (messages and tool schemas).</param>
internal sealed record OllamaSimChatRequest(
    string Model,
    bool Stream,
    IReadOnlyList<OllamaSimMessage> Messages,
    IReadOnlyList<string> Tools,
    TimeSpan? KeepAlive,
    int PromptChars)
{
    public bool Offers(string tool) => Tools.Contains(tool, StringComparer.Ordinal);

    /// <summary>Reads a chat body; a null request comes with the error text Ollama would answer with (400).</summary>
    public static (OllamaSimChatRequest? Request, string? Error) Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, "missing request body");
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "json: cannot unmarshal " + OllamaSimWire.GoKind(root.ValueKind) + " into Go value of type api.ChatRequest");
            }

            var model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? "" : "";
            if (model.Length == 0)
            {
                return (null, "model is required");
            }

            var stream = !root.TryGetProperty("stream", out var s) || s.ValueKind != JsonValueKind.False;
            var messages = new List<OllamaSimMessage>();
            var promptChars = 0;
            if (root.TryGetProperty("messages", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var message in list.EnumerateArray())
                {
                    var parsed = ReadMessage(message);
                    messages.Add(parsed);
                    promptChars += parsed.Content.Length + parsed.ToolCalls.Sum(c => c.Name.Length + c.ArgumentsJson.Length);
                }
            }
            else if (list.ValueKind is not JsonValueKind.Undefined and not JsonValueKind.Null)
            {
                return (null, "json: cannot unmarshal " + OllamaSimWire.GoKind(list.ValueKind) + " into Go struct field ChatRequest.messages of type []api.Message");
            }

            var tools = new List<string>();
            if (root.TryGetProperty("tools", out var declared) && declared.ValueKind == JsonValueKind.Array)
            {
                foreach (var tool in declared.EnumerateArray())
                {
                    if (tool.ValueKind == JsonValueKind.Object && tool.TryGetProperty("function", out var function)
                        && function.ValueKind == JsonValueKind.Object && function.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
                    {
                        tools.Add(name.GetString()!);
                    }
                }

                promptChars += declared.GetRawText().Length;
            }

            var keepAlive = root.TryGetProperty("keep_alive", out var k) ? OllamaSimDuration.Parse(k) : null;
            return (new OllamaSimChatRequest(model, stream, messages, tools, keepAlive, promptChars), null);
        }
        catch (JsonException ex)
        {
            return (null, "invalid character in request body: " + ex.Message);
        }
    }

    private static OllamaSimMessage ReadMessage(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            return new OllamaSimMessage("", "", []);
        }

        var role = message.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() ?? "" : "";
        var content = message.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() ?? "" : "";
        var calls = new List<OllamaSimToolCall>();
        if (message.TryGetProperty("tool_calls", out var toolCalls) && toolCalls.ValueKind == JsonValueKind.Array)
        {
            foreach (var call in toolCalls.EnumerateArray())
            {
                if (call.ValueKind == JsonValueKind.Object && call.TryGetProperty("function", out var function) && function.ValueKind == JsonValueKind.Object)
                {
                    var name = function.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() ?? "" : "";
                    var arguments = function.TryGetProperty("arguments", out var a) && a.ValueKind == JsonValueKind.Object ? a.GetRawText() : "{}";
                    calls.Add(new OllamaSimToolCall(name, arguments));
                }
            }
        }

        return new OllamaSimMessage(role.ToLowerInvariant(), content, calls);
    }
}
