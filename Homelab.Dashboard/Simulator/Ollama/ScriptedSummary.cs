using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Homelab.Dashboard.Simulator.Ollama;

/// <summary>
/// How the scripted model answers once tools have run: a denial or a pending approval is said plainly, an error is
/// passed on, anything else is summarised by its first few meaningful lines or fields.
/// </summary>
internal static class ScriptedSummary
{
    private const int MaxHighlights = 3;
    private const int MaxLine = 140;

    public static string Of(IReadOnlyList<ScriptedToolResult> results)
    {
        if (results.Count == 0)
        {
            return "I have nothing to report yet.";
        }

        var text = new StringBuilder();
        foreach (var result in results)
        {
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            text.Append(Sentence(result));
        }

        return text.ToString();
    }

    private static string Sentence(ScriptedToolResult result)
    {
        var tool = result.Tool ?? "the tool";
        var lower = result.Text.ToLowerInvariant();
        if (lower.Contains("denied", StringComparison.Ordinal))
        {
            return $"I did not run {tool}: you denied the request, so nothing was changed.";
        }

        if (lower.Contains("approval", StringComparison.Ordinal) && (lower.Contains("pending", StringComparison.Ordinal) || lower.Contains("waiting", StringComparison.Ordinal) || lower.Contains("awaiting", StringComparison.Ordinal)))
        {
            return $"{tool} needs your approval first: it is waiting for you to approve it in the dashboard.";
        }

        var highlights = Highlights(result.Text, out var error);
        if (error is not null)
        {
            return $"{tool} failed: {error}";
        }

        return highlights.Count == 0
            ? $"{tool} returned nothing."
            : $"Here is what {tool} returned: {string.Join("; ", highlights)}.";
    }

    /// <summary>The first few meaningful fields of a JSON result, or lines of a text one.</summary>
    private static List<string> Highlights(string text, out string? error)
    {
        error = null;
        var trimmed = text.Trim();
        if (trimmed is ['{' or '[', ..])
        {
            try
            {
                switch (JsonNode.Parse(trimmed))
                {
                    case JsonObject obj when obj.TryGetPropertyValue("error", out var e) && e is JsonValue:
                        error = Cut(e.ToString());
                        return [];
                    case JsonObject obj:
                        return Fields(obj);
                    case JsonArray array:
                        var items = new List<string> { $"{array.Count} item{(array.Count == 1 ? "" : "s")}" };
                        if (array.FirstOrDefault() is { } first)
                        {
                            items.Add("first: " + (first is JsonObject o ? string.Join(", ", Fields(o).Take(2)) : Cut(first.ToString())));
                        }

                        return items;
                }
            }
            catch (JsonException)
            {
            }
        }

        return [.. trimmed.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(MaxHighlights).Select(Cut)];
    }

    private static List<string> Fields(JsonObject obj) =>
        [.. obj.Where(p => p.Value is not null).Take(MaxHighlights).Select(p => p.Value switch
        {
            JsonArray a => $"{p.Key}: {a.Count} item{(a.Count == 1 ? "" : "s")}",
            JsonObject o => $"{p.Key}: {o.Count} field{(o.Count == 1 ? "" : "s")}",
            JsonValue v when v.GetValueKind() == JsonValueKind.String => $"{p.Key}: {Cut(v.GetValue<string>())}",
            var v => $"{p.Key}: {v!.ToJsonString()}",
        })];

    private static string Cut(string line) => line.Length <= MaxLine ? line : line[..MaxLine] + "…";
}
