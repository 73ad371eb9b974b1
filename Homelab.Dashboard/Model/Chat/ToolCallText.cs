using System.Text.Encodings.Web;
using System.Text.Json;
using Homelab.Domain.Agent.Conversations;

namespace Homelab.Dashboard.Model.Chat;

/// <summary>How tool calls read in the chat: pretty arguments, outcome words, durations. All of it is shown as text.</summary>
public static class ToolCallText
{
    private static readonly JsonSerializerOptions s_pretty = new()
    {
        WriteIndented = true,

        // The result is shown as text (Blazor escapes it); \u003C noise would only make it harder to read.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The arguments indented for reading; text that is not JSON is shown as it came.</summary>
    public static string PrettyArguments(string? argumentsJson)
    {
        if (string.IsNullOrWhiteSpace(argumentsJson))
        {
            return "{}";
        }

        try
        {
            using var document = JsonDocument.Parse(argumentsJson);
            return JsonSerializer.Serialize(document.RootElement, s_pretty);
        }
        catch (JsonException)
        {
            return argumentsJson;
        }
    }

    /// <summary>"name=jellyfin, delete_files=true": the arguments on one line, for headers and approval cards.</summary>
    public static string CompactArguments(string? argumentsJson) =>
        string.Join(", ", ArgumentValues(argumentsJson).Select(a => $"{a.Key}={a.Value}"));

    /// <summary>The top-level arguments as key and text; empty when the arguments are not a JSON object.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ArgumentValues(string? argumentsJson)
    {
        if (string.IsNullOrWhiteSpace(argumentsJson))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(argumentsJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            return [.. document.RootElement.EnumerateObject().Select(p => new KeyValuePair<string, string>(
                p.Name,
                p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText()))];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static string OutcomeWord(ToolCallOutcome outcome) => outcome switch
    {
        ToolCallOutcome.Running => "running",
        ToolCallOutcome.Succeeded => "succeeded",
        ToolCallOutcome.Failed => "failed",
        ToolCallOutcome.Denied => "denied",
        ToolCallOutcome.AwaitingApproval => "awaiting approval",
        _ => "unknown",
    };

    /// <summary>The tag class that colours an outcome, as the rest of the dashboard colours states.</summary>
    public static string OutcomeTag(ToolCallOutcome outcome) => outcome switch
    {
        ToolCallOutcome.Succeeded => "hl-tag-ok",
        ToolCallOutcome.Failed or ToolCallOutcome.Denied => "hl-tag-error",
        ToolCallOutcome.Running => "hl-tag-info",
        ToolCallOutcome.AwaitingApproval => "hl-tag-warning",
        _ => "",
    };

    /// <summary>"–" while unknown, otherwise milliseconds or seconds.</summary>
    public static string DurationText(TimeSpan? duration) => duration is { } d ? UiFormat.Latency(d) : "–";
}
