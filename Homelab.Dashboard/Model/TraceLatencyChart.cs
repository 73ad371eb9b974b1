using System.Globalization;
using Homelab.Domain.Agent.Traces;

namespace Homelab.Dashboard.Model;

/// <summary>
/// The latency chart's data: one point per bucket of the window (empty buckets are gaps, not zeros), in
/// milliseconds, with a time label on every few buckets so the axis stays readable.
/// </summary>
public sealed record TraceLatencyChart(string[] Labels, double?[] P50, double?[] P95)
{
    /// <summary>At most this many labels on the time axis; the buckets between them are unlabelled.</summary>
    public const int MaxLabels = 8;

    public const string P50Name = "p50";
    public const string P95Name = "p95";

    public bool HasData => P95.Any(v => v is not null);

    public static TraceLatencyChart From(TraceStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var buckets = stats.LatencySeries;
        var every = Math.Max(1, (int)Math.Ceiling(buckets.Count / (double)MaxLabels));
        var format = stats.BucketWidth >= TimeSpan.FromHours(6) || stats.To - stats.From > TimeSpan.FromDays(1) ? "ddd HH:mm" : "HH:mm";
        var labels = new string[buckets.Count];
        var p50 = new double?[buckets.Count];
        var p95 = new double?[buckets.Count];
        for (var i = 0; i < buckets.Count; i++)
        {
            labels[i] = i % every == 0 ? buckets[i].Start.ToUniversalTime().ToString(format, CultureInfo.InvariantCulture) : "";
            p50[i] = buckets[i].P50?.TotalMilliseconds;
            p95[i] = buckets[i].P95?.TotalMilliseconds;
        }

        return new TraceLatencyChart(labels, p50, p95);
    }

    /// <summary>"p50 and p95 latency per 5 min, UTC": what the chart's points are, for its caption.</summary>
    public static string Caption(TraceStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return $"p50 and p95 latency per {UiFormat.Duration(stats.BucketWidth)}, times in UTC";
    }
}
