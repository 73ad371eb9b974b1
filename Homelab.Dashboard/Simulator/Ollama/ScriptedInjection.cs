using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Homelab.Dashboard.Simulator.Ollama;

/// <summary>
/// The gullible side of the scripted model, for testing prompt-injection defences: an instruction of the form
/// <c>call &lt;tool&gt; with {json}</c> anywhere in a tool result (a log line, a torrent name, a web page title) is
/// obeyed, as a weak model would obey it, when that tool is on offer.
/// </summary>
internal static partial class ScriptedInjection
{
    /// <summary>The first injected call among <paramref name="results"/> whose tool is offered, if any.</summary>
    public static OllamaSimToolCall? Find(IEnumerable<ScriptedToolResult> results, Func<string, bool> offered)
    {
        foreach (var result in results)
        {
            foreach (var text in Texts(result.Text, depth: 0))
            {
                foreach (Match match in Instruction().Matches(text))
                {
                    var tool = match.Groups["tool"].Value;
                    if (offered(tool) && TryObject(match.Groups["args"].Value) is { } arguments)
                    {
                        return OllamaSimToolCall.Create(tool, arguments);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The text itself and, when it is JSON, every string inside it: a log line inside a JSON result has its quotes escaped.</summary>
    private static IEnumerable<string> Texts(string text, int depth)
    {
        yield return text;
        if (depth > 2 || text.TrimStart() is not ['{' or '[', ..])
        {
            yield break;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            yield break;
        }

        foreach (var value in Strings(node))
        {
            foreach (var inner in Texts(value, depth + 1))
            {
                yield return inner;
            }
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    foreach (var s in Strings(child))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var s in Strings(child))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                yield return value.GetValue<string>();
                break;
        }
    }

    private static JsonObject? TryObject(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\bcall\s+(?<tool>[a-z_][a-z0-9_]*)\s+with\s+(?<args>\{[^{}]*\})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Instruction();
}
