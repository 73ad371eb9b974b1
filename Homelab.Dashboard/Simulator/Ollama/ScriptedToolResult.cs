using System.Text.Json;
using System.Text.Json.Nodes;

namespace Homelab.Dashboard.Simulator.Ollama;

/// <summary>A tool's result as the model reads it: which tool (when known) and the result's text.</summary>
internal sealed record ScriptedToolResult(string? Tool, string Text)
{
    /// <summary>
    /// The tool results at the end of the conversation, each matched with the call it answers. OllamaSharp sends no
    /// <c>tool_name</c>, so the calls of the assistant message before the results are paired with them in order.
    /// </summary>
    public static IReadOnlyList<ScriptedToolResult> Trailing(IReadOnlyList<OllamaSimMessage> messages)
    {
        var end = messages.Count;
        var start = end;
        while (start > 0 && messages[start - 1].IsTool)
        {
            start--;
        }

        return Read(messages, start, end);
    }

    /// <summary>The last group of tool results anywhere in the conversation (for a summary asked for afterwards).</summary>
    public static IReadOnlyList<ScriptedToolResult> Latest(IReadOnlyList<OllamaSimMessage> messages)
    {
        var end = messages.Count;
        while (end > 0 && !messages[end - 1].IsTool)
        {
            end--;
        }

        var start = end;
        while (start > 0 && messages[start - 1].IsTool)
        {
            start--;
        }

        return Read(messages, start, end);
    }

    private static List<ScriptedToolResult> Read(IReadOnlyList<OllamaSimMessage> messages, int start, int end)
    {
        var calls = start > 0 && messages[start - 1].IsAssistant ? messages[start - 1].ToolCalls : [];
        var results = new List<ScriptedToolResult>();
        for (var i = start; i < end; i++)
        {
            var index = i - start;
            results.Add(new ScriptedToolResult(index < calls.Count ? calls[index].Name : null, Unwrap(messages[i].Content)));
        }

        return results;
    }

    /// <summary>
    /// OllamaSharp wraps each result as <c>{"CallId":"…","Result":…}</c>; the model reads what is inside. Plain
    /// content (as Ollama's own clients send it) is taken as it is.
    /// </summary>
    public static string Unwrap(string content)
    {
        if (!content.TrimStart().StartsWith('{'))
        {
            return content;
        }

        try
        {
            if (JsonNode.Parse(content) is JsonObject wrapper && wrapper.ContainsKey("CallId") && wrapper.TryGetPropertyValue("Result", out var result))
            {
                return result switch
                {
                    null => "",
                    JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
                    _ => result.ToJsonString(),
                };
            }
        }
        catch (JsonException)
        {
        }

        return content;
    }
}
