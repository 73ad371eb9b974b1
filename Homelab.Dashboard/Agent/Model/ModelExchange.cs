using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;

namespace Homelab.Dashboard.Agent.Model;

/// <summary>How a model call is shown in its trace: a preview of what was asked and answered, and the whole exchange as JSON.</summary>
internal static class ModelExchange
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The last message sent: the user's words, or the tool result the model was asked to read.</summary>
    public static string PromptPreview(IReadOnlyList<ChatMessage> request)
    {
        if (request.Count == 0)
        {
            return "";
        }

        var last = request[^1];
        if (last.Contents.OfType<FunctionResultContent>().ToList() is { Count: > 0 } results)
        {
            return string.Join("\n", results.Select(r => $"[tool result] {ResultText(r)}"));
        }

        return last.Text;
    }

    /// <summary>The answer's text, or the tool calls it asked for.</summary>
    public static string ResponsePreview(ChatResponse? response)
    {
        if (response is null)
        {
            return "";
        }

        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
        var text = response.Text;
        return calls.Count == 0 ? text : string.Join("\n", calls.Select(c => $"→ {c.Name}({Arguments(c)})").Prepend(text).Where(s => s.Length > 0));
    }

    public static string ToJson(IReadOnlyList<ChatMessage> request, ChatOptions? options, ChatResponse? response) => JsonSerializer.Serialize(new
    {
        request = request.Select(Message),
        tools = options?.Tools?.Select(t => t.Name),
        response = response?.Messages.Select(Message),
        finish_reason = response?.FinishReason?.Value,
    }, s_json);

    /// <summary>The arguments as the model wrote them, as compact JSON with keys in order (identical calls compare equal).</summary>
    public static string Arguments(FunctionCallContent call) => Arguments(call.Arguments);

    public static string Arguments(IEnumerable<KeyValuePair<string, object?>>? arguments) =>
        arguments is null ? "{}" : JsonSerializer.Serialize(new SortedDictionary<string, object?>(arguments.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal), s_json);

    private static object Message(ChatMessage message) => new
    {
        role = message.Role.Value,
        content = message.Text is { Length: > 0 } text ? text : null,
        tool_calls = message.Contents.OfType<FunctionCallContent>().Select(c => new { id = c.CallId, name = c.Name, arguments = Arguments(c) }).ToList() is { Count: > 0 } calls ? calls : null,
        tool_results = message.Contents.OfType<FunctionResultContent>().Select(r => new { id = r.CallId, result = ResultText(r) }).ToList() is { Count: > 0 } results ? results : null,
    };

    private static string ResultText(FunctionResultContent result) => result.Result switch
    {
        null => "",
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString() ?? "",
        var other => JsonSerializer.Serialize(other, s_json),
    };
}
