using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Model;

/// <summary>The app-bar chip: "all sources fresh", "1 down", "1 stale, 1 pending".</summary>
/// <param name="Worst">The worst health among the sources, for the chip's colour and icon.</param>
public sealed record SourcesSummaryModel(string Text, SourceHealth Worst, int Total)
{
    public static SourcesSummaryModel From(IReadOnlyCollection<SourceStatus> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0)
        {
            return new SourcesSummaryModel("no sources", SourceHealth.Pending, 0);
        }

        var down = sources.Count(s => s.Health == SourceHealth.Down);
        var stale = sources.Count(s => s.Health == SourceHealth.Stale);
        var pending = sources.Count(s => s.Health == SourceHealth.Pending);
        if (down == 0 && stale == 0 && pending == 0)
        {
            return new SourcesSummaryModel(sources.Count == 1 ? "source fresh" : "all sources fresh", SourceHealth.Fresh, sources.Count);
        }

        var parts = new List<string>(3);
        if (down > 0)
        {
            parts.Add($"{down} down");
        }

        if (stale > 0)
        {
            parts.Add($"{stale} stale");
        }

        if (pending > 0)
        {
            parts.Add($"{pending} pending");
        }

        var worst = down > 0 ? SourceHealth.Down : stale > 0 ? SourceHealth.Stale : SourceHealth.Pending;
        return new SourcesSummaryModel(string.Join(", ", parts), worst, sources.Count);
    }
}

/// <summary>A source as the sources page lists it. Built from <see cref="SourceStatus"/>, which never holds credentials.</summary>
public sealed record SourceRowModel(
    string Id,
    string Name,
    string Kind,
    string Endpoint,
    string? Version,
    bool Simulated,
    SourceHealth Health,
    string Interval,
    DateTimeOffset? LastSuccess,
    string? Latency,
    int FailuresInARow,
    SourceError? LastError,
    DateTimeOffset? LastErrorAt,
    DateTimeOffset? RetryAt)
{
    public string HealthWord => Freshness.Word(Health);

    /// <summary>The last error is older than the last success: worth showing, but as history.</summary>
    public bool ErrorIsHistory => LastErrorAt is { } errorAt && LastSuccess is { } success && success > errorAt;

    public static SourceRowModel From(SourceStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new SourceRowModel(
            status.Id,
            status.DisplayName,
            status.Kind.ToString(),
            status.Endpoint,
            string.IsNullOrWhiteSpace(status.Version) ? null : status.Version,
            status.Simulated,
            status.Health,
            $"every {UiFormat.Duration(status.Interval)}",
            status.LastSuccess,
            status.Latency is { } latency ? UiFormat.Latency(latency) : null,
            status.ConsecutiveFailures,
            status.LastError,
            status.LastErrorAt,
            status.RetryAt);
    }
}
