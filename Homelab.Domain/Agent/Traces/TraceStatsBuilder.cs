using Homelab.Domain.Common;

namespace Homelab.Domain.Agent.Traces;

/// <summary>
/// Builds <see cref="TraceStats"/> from a mix of raw calls and pre-summed hours, so a store can answer a day from 24
/// rollup rows per caller and model and read raw rows only for the partial hours at the window's edges.
/// </summary>
public sealed class TraceStatsBuilder
{
    private readonly TraceAccumulator _totals = new();
    private readonly Dictionary<string, TraceAccumulator> _callers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TraceAccumulator> _models = new(StringComparer.Ordinal);
    private readonly LatencyHistogram[] _buckets;
    private readonly long _firstBucketMs;
    private readonly long _widthMs;

    public TraceStatsBuilder(TimeSpan window, DateTimeOffset now)
    {
        if (window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be positive.");
        }

        To = now;
        From = now - window;
        BucketWidth = TraceStats.BucketWidthFor(window);
        _widthMs = (long)BucketWidth.TotalMilliseconds;

        // Buckets sit on a fixed grid (multiples of the width since the epoch), so whole hours never straddle two.
        _firstBucketMs = Floor(From.ToUnixTimeMilliseconds(), _widthMs);
        var lastBucketMs = Floor(To.ToUnixTimeMilliseconds() - 1, _widthMs);
        _buckets = new LatencyHistogram[((lastBucketMs - _firstBucketMs) / _widthMs) + 1];
        for (var i = 0; i < _buckets.Length; i++)
        {
            _buckets[i] = new LatencyHistogram();
        }
    }

    public DateTimeOffset From { get; }

    public DateTimeOffset To { get; }

    public TimeSpan BucketWidth { get; }

    /// <summary>
    /// The whole hours (start inclusive, end exclusive) that may be read from rollups; null when the window is read
    /// from raw rows alone (chart buckets shorter than an hour, or no whole hour inside the window).
    /// </summary>
    public (DateTimeOffset Start, DateTimeOffset End)? WholeHours
    {
        get
        {
            const long HourMs = 3_600_000;
            var start = Floor(From.ToUnixTimeMilliseconds() + HourMs - 1, HourMs);
            var end = Floor(To.ToUnixTimeMilliseconds(), HourMs);
            return _widthMs % HourMs != 0 || start >= end ? null : (DateTimeOffset.FromUnixTimeMilliseconds(start), DateTimeOffset.FromUnixTimeMilliseconds(end));
        }
    }

    /// <summary>Adds one call; calls outside the window are ignored.</summary>
    public void AddCall(long atUnixMs, string caller, string model, TraceOutcome outcome, double latencyMs, double generationMs, int? promptTokens, int? completionTokens, int toolCalls, int toolCallsSucceeded, int toolCallsFailed)
    {
        if (atUnixMs < From.ToUnixTimeMilliseconds() || atUnixMs >= To.ToUnixTimeMilliseconds())
        {
            return;
        }

        _totals.Add(outcome, latencyMs, generationMs, promptTokens, completionTokens, toolCalls, toolCallsSucceeded, toolCallsFailed);
        Group(_callers, caller).Add(outcome, latencyMs, generationMs, promptTokens, completionTokens, toolCalls, toolCallsSucceeded, toolCallsFailed);
        Group(_models, model).Add(outcome, latencyMs, generationMs, promptTokens, completionTokens, toolCalls, toolCallsSucceeded, toolCallsFailed);
        _buckets[(Floor(atUnixMs, _widthMs) - _firstBucketMs) / _widthMs].Add(latencyMs);
    }

    /// <summary>Adds a whole hour of one caller and model, already summed.</summary>
    public void AddHour(DateTimeOffset hourStart, string caller, string model, TraceAccumulator hour)
    {
        ArgumentNullException.ThrowIfNull(hour);
        var startMs = hourStart.ToUnixTimeMilliseconds();
        if (startMs < From.ToUnixTimeMilliseconds() || startMs + 3_600_000 > To.ToUnixTimeMilliseconds())
        {
            throw new ArgumentOutOfRangeException(nameof(hourStart), hourStart, "Only whole hours inside the window can be added as rollups.");
        }

        _totals.Merge(hour);
        Group(_callers, caller).Merge(hour);
        Group(_models, model).Merge(hour);
        _buckets[(Floor(startMs, _widthMs) - _firstBucketMs) / _widthMs].Merge(hour.Latency);
    }

    public TraceStats Build() => new()
    {
        From = From,
        To = To,
        Totals = _totals.ToTotals(),
        ByCaller = Breakdown(_callers),
        ByModel = Breakdown(_models),
        BucketWidth = BucketWidth,
        LatencySeries = new EquatableArray<LatencyBucket>(_buckets.Select((h, i) => new LatencyBucket(
            DateTimeOffset.FromUnixTimeMilliseconds(_firstBucketMs + (i * _widthMs)), h.Count, h.Percentile(0.50), h.Percentile(0.95)))),
    };

    private static EquatableArray<TraceBreakdown> Breakdown(Dictionary<string, TraceAccumulator> groups) =>
        new(groups.OrderByDescending(g => g.Value.Calls).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => new TraceBreakdown(g.Key, g.Value.ToTotals())));

    private static TraceAccumulator Group(Dictionary<string, TraceAccumulator> groups, string name)
    {
        if (!groups.TryGetValue(name, out var group))
        {
            group = new TraceAccumulator();
            groups[name] = group;
        }

        return group;
    }

    private static long Floor(long value, long step) => value - (((value % step) + step) % step);
}
