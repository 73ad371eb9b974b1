using Homelab.Domain.Agent.Traces;

namespace Homelab.Dashboard.Model;

/// <summary>A trace as the list shows it: every text already formatted.</summary>
public sealed record TraceRowModel(
    Guid Id,
    DateTimeOffset At,
    string Caller,
    string Model,
    string Latency,
    string TimeToFirstToken,
    string Tokens,
    string Tools,
    string Outcome,
    string OutcomeTag,
    string? ErrorSnippet,
    string? PromptSnippet,
    string? ResponseSnippet)
{
    public string Href => TraceLinks.Trace(Id);

    public static TraceRowModel From(ModelCallTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return new TraceRowModel(
            trace.Id,
            trace.At,
            trace.Caller,
            trace.Model,
            TraceFormat.Latency(trace.Latency),
            TraceFormat.Latency(trace.TimeToFirstToken),
            TraceFormat.Tokens(trace.PromptTokens, trace.CompletionTokens),
            ToolsText(trace),
            TraceFormat.OutcomeWord(trace.Outcome),
            TraceFormat.OutcomeTag(trace.Outcome),
            TraceFormat.Snippet(trace.Error),
            TraceFormat.Snippet(trace.PromptPreview),
            TraceFormat.Snippet(trace.ResponsePreview));
    }

    /// <summary>"none", or "2: list_containers, restart_container (1 failed)".</summary>
    public static string ToolsText(ModelCallTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (trace.ToolCallCount == 0)
        {
            return "none";
        }

        var names = trace.ToolNames.IsEmpty ? "" : ": " + string.Join(", ", trace.ToolNames);
        var failed = trace.ToolCallsFailed > 0 ? $" ({trace.ToolCallsFailed} failed)" : "";
        return $"{trace.ToolCallCount}{names}{failed}";
    }
}

/// <summary>The addresses that link traces, audit records and conversations to each other.</summary>
public static class TraceLinks
{
    public static string Trace(Guid id) => $"/traces/{id}";

    public static string AuditRecord(long id) => $"/audit?id={id}";

    public static string Conversation(Guid id) => $"/chat/{id}";
}
