namespace Homelab.Domain.Sources;

/// <summary>The rule that turns a source's history into fresh, stale or down.</summary>
public static class SourceHealthRules
{
    /// <summary>A source is stale after this many intervals without a success.</summary>
    public const int StaleAfterIntervals = 2;

    public static SourceHealth Evaluate(SourceStatus status, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(status);
        var failedLast = status.LastErrorAt is { } errorAt && (status.LastSuccess is not { } success || errorAt > success);
        if (status.LastSuccess is not { } lastSuccess)
        {
            return failedLast ? SourceHealth.Down : SourceHealth.Pending;
        }

        // A single failed poll inside the window is a blip, not an outage: the data is still recent.
        if (now - lastSuccess <= status.Interval * StaleAfterIntervals)
        {
            return SourceHealth.Fresh;
        }

        return failedLast ? SourceHealth.Down : SourceHealth.Stale;
    }
}
