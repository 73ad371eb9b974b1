namespace Homelab.Dashboard.Persistence.Traces;

/// <summary>The stored shape of a model-call trace, without its exchange (kept apart so lists and scans stay small).</summary>
public sealed class TraceEntry
{
    public Guid Id { get; set; }

    public long AtUnixMs { get; set; }

    public required string Caller { get; set; }

    public required string Model { get; set; }

    public required string Outcome { get; set; }

    public double LatencyMs { get; set; }

    public double? TimeToFirstTokenMs { get; set; }

    public int? PromptTokens { get; set; }

    public int? CompletionTokens { get; set; }

    public int ToolCallCount { get; set; }

    /// <summary>Comma-separated; tool names are identifiers.</summary>
    public required string ToolNames { get; set; }

    public int ToolCallsSucceeded { get; set; }

    public int ToolCallsFailed { get; set; }

    public string? Error { get; set; }

    public required string PromptPreview { get; set; }

    public required string ResponsePreview { get; set; }

    public Guid? ConversationId { get; set; }
}

/// <summary>The full exchange of one trace, read only by the detail view.</summary>
public sealed class TraceExchangeEntry
{
    public Guid TraceId { get; set; }

    public required string Json { get; set; }
}

/// <summary>One hour of one caller and model, summed as traces are written, so stats never scan a day of rows.</summary>
public sealed class TraceHourEntry
{
    public long HourUnixMs { get; set; }

    public required string Caller { get; set; }

    public required string Model { get; set; }

    public long Calls { get; set; }

    public long Errors { get; set; }

    public long Cancelled { get; set; }

    public double LatencySumMs { get; set; }

    public long PromptTokens { get; set; }

    public long CompletionTokens { get; set; }

    public double GenerationMs { get; set; }

    public long ToolCalls { get; set; }

    public long ToolCallsSucceeded { get; set; }

    public long ToolCallsFailed { get; set; }

    /// <summary>A sparse <see cref="Homelab.Domain.Agent.Traces.LatencyHistogram"/>.</summary>
    public required byte[] LatencyHistogram { get; set; }
}
