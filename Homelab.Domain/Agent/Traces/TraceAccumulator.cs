namespace Homelab.Domain.Agent.Traces;

/// <summary>The sums one group of calls is reduced to: what an hourly rollup stores and what stats are read from.</summary>
public sealed class TraceAccumulator
{
    public long Calls { get; set; }

    public long Errors { get; set; }

    public long Cancelled { get; set; }

    public double LatencySumMs { get; set; }

    public long PromptTokens { get; set; }

    public long CompletionTokens { get; set; }

    /// <summary>Generation time of the calls that reported completion tokens, so tokens/s divides like by like.</summary>
    public double GenerationMs { get; set; }

    public long ToolCalls { get; set; }

    public long ToolCallsSucceeded { get; set; }

    public long ToolCallsFailed { get; set; }

    public LatencyHistogram Latency { get; } = new();

    public void Add(ModelCallTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        Add(trace.Outcome, trace.Latency.TotalMilliseconds, trace.GenerationTime.TotalMilliseconds, trace.PromptTokens, trace.CompletionTokens, trace.ToolCallCount, trace.ToolCallsSucceeded, trace.ToolCallsFailed);
    }

    public void Add(TraceOutcome outcome, double latencyMs, double generationMs, int? promptTokens, int? completionTokens, int toolCalls, int toolCallsSucceeded, int toolCallsFailed)
    {
        Calls++;
        Errors += outcome == TraceOutcome.Error ? 1 : 0;
        Cancelled += outcome == TraceOutcome.Cancelled ? 1 : 0;
        LatencySumMs += latencyMs;
        PromptTokens += promptTokens ?? 0;
        if (completionTokens is { } completion)
        {
            CompletionTokens += completion;
            GenerationMs += generationMs;
        }

        ToolCalls += toolCalls;
        ToolCallsSucceeded += toolCallsSucceeded;
        ToolCallsFailed += toolCallsFailed;
        Latency.Add(latencyMs);
    }

    public void Merge(TraceAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Calls += other.Calls;
        Errors += other.Errors;
        Cancelled += other.Cancelled;
        LatencySumMs += other.LatencySumMs;
        PromptTokens += other.PromptTokens;
        CompletionTokens += other.CompletionTokens;
        GenerationMs += other.GenerationMs;
        ToolCalls += other.ToolCalls;
        ToolCallsSucceeded += other.ToolCallsSucceeded;
        ToolCallsFailed += other.ToolCallsFailed;
        Latency.Merge(other.Latency);
    }

    public TraceTotals ToTotals() => new()
    {
        Calls = Calls,
        Errors = Errors,
        Cancelled = Cancelled,
        ErrorRate = Calls == 0 ? 0 : (double)Errors / Calls,
        MeanLatency = Calls == 0 ? null : TimeSpan.FromMilliseconds(LatencySumMs / Calls),
        P50Latency = Latency.Percentile(0.50),
        P95Latency = Latency.Percentile(0.95),
        PromptTokens = PromptTokens,
        CompletionTokens = CompletionTokens,
        TokensPerSecond = GenerationMs > 0 ? CompletionTokens / (GenerationMs / 1000) : null,
        ToolCalls = ToolCalls,
        ToolCallsSucceeded = ToolCallsSucceeded,
        ToolCallsFailed = ToolCallsFailed,
        ToolSuccessRate = ToolCallsSucceeded + ToolCallsFailed == 0 ? null : (double)ToolCallsSucceeded / (ToolCallsSucceeded + ToolCallsFailed),
    };
}
