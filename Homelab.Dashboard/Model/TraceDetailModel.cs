using System.Text.Encodings.Web;
using System.Text.Json;
using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Traces;

namespace Homelab.Dashboard.Model;

/// <summary>One labelled value of the detail view.</summary>
public sealed record TraceField(string Key, string Label, string Value);

/// <summary>Everything about one model call: its fields, the exchange as readable text, and the actions it caused.</summary>
/// <param name="Exchange">Indented JSON, or the stored text as it is when it is not JSON (a capped exchange); null when none was kept.</param>
/// <param name="MissingActionIds">Actions the trace names that the audit log no longer has.</param>
public sealed record TraceDetailModel(
    TraceRowModel Row,
    IReadOnlyList<TraceField> Fields,
    string PromptPreview,
    string ResponsePreview,
    string? Error,
    string? Exchange,
    IReadOnlyList<AuditRowModel> CausedActions,
    IReadOnlyList<long> MissingActionIds,
    string? ConversationHref)
{
    // Relaxed escaping keeps quotes, '<' and non-ASCII readable; the page renders the text as text, never as markup.
    private static readonly JsonSerializerOptions s_pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TraceDetailModel From(ModelCallTrace trace, IReadOnlyList<AuditRecord> causedActions)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(causedActions);
        var found = causedActions.Select(a => a.Id).ToHashSet();
        IReadOnlyList<TraceField> fields =
        [
            new("id", "Id", trace.Id.ToString()),
            new("at", "At", UiFormat.Absolute(trace.At)),
            new("caller", "Caller", trace.Caller),
            new("model", "Model", trace.Model),
            new("outcome", "Outcome", TraceFormat.OutcomeWord(trace.Outcome)),
            new("latency", "Latency", TraceFormat.Latency(trace.Latency)),
            new("ttft", "Time to first token", TraceFormat.Latency(trace.TimeToFirstToken)),
            new("prompt-tokens", "Prompt tokens", trace.PromptTokens is { } p ? TraceFormat.Count(p) : TraceFormat.None),
            new("completion-tokens", "Completion tokens", trace.CompletionTokens is { } c ? TraceFormat.Count(c) : TraceFormat.None),
            new("tokens-per-second", "Tokens/s", TraceFormat.TokensPerSecond(TokensPerSecond(trace))),
            new("tools", "Tool calls", TraceRowModel.ToolsText(trace)),
            new("tool-results", "Tool results", trace.ToolCallCount == 0 ? TraceFormat.None : $"{trace.ToolCallsSucceeded} succeeded, {trace.ToolCallsFailed} failed"),
        ];
        return new TraceDetailModel(
            TraceRowModel.From(trace),
            fields,
            trace.PromptPreview,
            trace.ResponsePreview,
            trace.Error,
            PrettyJson(trace.Exchange),
            [.. causedActions.Select(AuditRowModel.From)],
            [.. trace.CausedActionIds.Where(id => !found.Contains(id))],
            trace.ConversationId is { } conversation ? TraceLinks.Conversation(conversation) : null);
    }

    /// <summary>Indents valid JSON; anything else (a capped exchange is no longer valid) is returned unchanged.</summary>
    public static string? PrettyJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, s_pretty);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    /// <summary>The call's own generation speed, as the stats compute it over many calls.</summary>
    private static double? TokensPerSecond(ModelCallTrace trace) =>
        trace.CompletionTokens is { } completion && trace.GenerationTime > TimeSpan.Zero ? completion / trace.GenerationTime.TotalSeconds : null;
}
