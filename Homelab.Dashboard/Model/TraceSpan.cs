namespace Homelab.Dashboard.Model;

/// <summary>The spans the traces page offers: for the stats window and for the list's time range.</summary>
public enum TraceSpan
{
    Hour,
    Day,
    Week,
}

public static class TraceSpans
{
    public static IReadOnlyList<TraceSpan> All { get; } = [TraceSpan.Hour, TraceSpan.Day, TraceSpan.Week];

    public static TimeSpan Length(this TraceSpan span) => span switch
    {
        TraceSpan.Hour => TimeSpan.FromHours(1),
        TraceSpan.Day => TimeSpan.FromDays(1),
        _ => TimeSpan.FromDays(7),
    };

    /// <summary>The word in the query string: <c>1h</c>, <c>24h</c>, <c>7d</c>.</summary>
    public static string QueryValue(this TraceSpan span) => span switch
    {
        TraceSpan.Hour => "1h",
        TraceSpan.Day => "24h",
        _ => "7d",
    };

    /// <summary>"1 h", "24 h", "7 d".</summary>
    public static string Label(this TraceSpan span) => span switch
    {
        TraceSpan.Hour => "1 h",
        TraceSpan.Day => "24 h",
        _ => "7 d",
    };

    public static TraceSpan? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "1h" => TraceSpan.Hour,
        "24h" or "1d" => TraceSpan.Day,
        "7d" or "1w" => TraceSpan.Week,
        _ => null,
    };
}
