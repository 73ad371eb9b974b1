using Homelab.Domain.Common;

namespace Homelab.Domain.Agent.Traces;

/// <summary>Model calls over a window [<see cref="From"/>, <see cref="To"/>): totals, breakdowns and a latency series.</summary>
public sealed record TraceStats
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public required TraceTotals Totals { get; init; }

    /// <summary>Busiest first.</summary>
    public required EquatableArray<TraceBreakdown> ByCaller { get; init; }

    /// <summary>Busiest first.</summary>
    public required EquatableArray<TraceBreakdown> ByModel { get; init; }

    public required TimeSpan BucketWidth { get; init; }

    /// <summary>Oldest first, one per bucket (empty ones included) so a chart has an even time axis.</summary>
    public required EquatableArray<LatencyBucket> LatencySeries { get; init; }

    /// <summary>
    /// The chart's bucket width for a window: about 12 to 28 points. From an hour up, buckets are whole hours, so they
    /// can be read from the hourly rollups.
    /// </summary>
    public static TimeSpan BucketWidthFor(TimeSpan window) => window switch
    {
        _ when window <= TimeSpan.FromHours(1) => TimeSpan.FromMinutes(5),
        _ when window <= TimeSpan.FromHours(6) => TimeSpan.FromMinutes(15),
        _ when window <= TimeSpan.FromDays(2) => TimeSpan.FromHours(1),
        _ when window <= TimeSpan.FromDays(7) => TimeSpan.FromHours(6),
        _ => TimeSpan.FromDays(1),
    };
}

/// <summary>Totals for a group of calls. Percentiles come from a <see cref="LatencyHistogram"/> and share its accuracy.</summary>
public sealed record TraceTotals
{
    public long Calls { get; init; }

    public long Errors { get; init; }

    public long Cancelled { get; init; }

    /// <summary>Errors per call, 0 to 1; cancelled calls are not errors.</summary>
    public double ErrorRate { get; init; }

    public TimeSpan? MeanLatency { get; init; }

    public TimeSpan? P50Latency { get; init; }

    public TimeSpan? P95Latency { get; init; }

    public long PromptTokens { get; init; }

    public long CompletionTokens { get; init; }

    /// <summary>Completion tokens per second of generation (latency after the first token); null without token counts.</summary>
    public double? TokensPerSecond { get; init; }

    public long ToolCalls { get; init; }

    public long ToolCallsSucceeded { get; init; }

    public long ToolCallsFailed { get; init; }

    /// <summary>Succeeded over finished tool calls, 0 to 1; null when no tool call finished.</summary>
    public double? ToolSuccessRate { get; init; }
}

/// <summary>The totals of one caller or one model.</summary>
public sealed record TraceBreakdown(string Name, TraceTotals Totals);

/// <summary>One point of the latency chart.</summary>
public sealed record LatencyBucket(DateTimeOffset Start, long Calls, TimeSpan? P50, TimeSpan? P95);
