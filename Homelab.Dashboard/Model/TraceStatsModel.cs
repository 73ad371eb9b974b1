using Homelab.Domain.Agent.Traces;

namespace Homelab.Dashboard.Model;

/// <summary>One figure of the stats strip; <paramref name="Title"/> holds the exact value where the strip rounds.</summary>
public sealed record TraceStatTile(string Key, string Label, string Value, string? Title = null, bool Alert = false);

/// <summary>One caller or model in a breakdown table.</summary>
public sealed record TraceBreakdownRow(string Name, string Calls, string ErrorRate, string P50, string P95, string Tokens, string TokensPerSecond, string ToolSuccess, bool HasErrors);

/// <summary>The stats strip and breakdown tables for one window.</summary>
public sealed record TraceStatsModel(bool IsEmpty, IReadOnlyList<TraceStatTile> Tiles, IReadOnlyList<TraceBreakdownRow> ByCaller, IReadOnlyList<TraceBreakdownRow> ByModel)
{
    public static TraceStatsModel From(TraceStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var t = stats.Totals;
        IReadOnlyList<TraceStatTile> tiles =
        [
            new("calls", "calls", TraceFormat.Count(t.Calls)),
            new("error-rate", "error rate", TraceFormat.ErrorRate(t), t.Calls == 0 ? null : $"{TraceFormat.Count(t.Errors)} errors, {TraceFormat.Count(t.Cancelled)} cancelled", Alert: t.Errors > 0),
            new("p50", "p50 latency", TraceFormat.Latency(t.P50Latency), t.MeanLatency is { } mean ? $"mean {TraceFormat.Latency(mean)}" : null),
            new("p95", "p95 latency", TraceFormat.Latency(t.P95Latency)),
            new("prompt-tokens", "prompt tokens", TraceFormat.Compact(t.PromptTokens), TraceFormat.Count(t.PromptTokens)),
            new("completion-tokens", "completion tokens", TraceFormat.Compact(t.CompletionTokens), TraceFormat.Count(t.CompletionTokens)),
            new("tokens-per-second", "tokens/s", TraceFormat.TokensPerSecond(t.TokensPerSecond)),
            new("tool-success", "tool success", TraceFormat.Rate(t.ToolSuccessRate), t.ToolCalls == 0 ? null : $"{TraceFormat.Count(t.ToolCallsSucceeded)} of {TraceFormat.Count(t.ToolCallsSucceeded + t.ToolCallsFailed)} finished tool calls succeeded", Alert: t.ToolCallsFailed > 0),
        ];
        return new TraceStatsModel(t.Calls == 0, tiles, [.. stats.ByCaller.Select(Row)], [.. stats.ByModel.Select(Row)]);
    }

    private static TraceBreakdownRow Row(TraceBreakdown breakdown)
    {
        var t = breakdown.Totals;
        return new TraceBreakdownRow(
            breakdown.Name,
            TraceFormat.Count(t.Calls),
            TraceFormat.ErrorRate(t),
            TraceFormat.Latency(t.P50Latency),
            TraceFormat.Latency(t.P95Latency),
            $"{TraceFormat.Compact(t.PromptTokens)} → {TraceFormat.Compact(t.CompletionTokens)}",
            TraceFormat.TokensPerSecond(t.TokensPerSecond),
            TraceFormat.Rate(t.ToolSuccessRate),
            t.Errors > 0);
    }
}
