using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Model;

/// <summary>What a card says about the age of its data: "updated 4 s ago", and whether it must look stale.</summary>
/// <param name="Health">The worse of what the store says and what the clock says now.</param>
/// <param name="Label">"updated 4 s ago", "waiting for first data"…</param>
/// <param name="Title">The absolute time of the last success, for a tooltip.</param>
public sealed record FreshnessView(SourceHealth Health, string Label, string? Title)
{
    /// <summary>Old numbers on screen: the card is muted and says so.</summary>
    public bool IsStale => Health is SourceHealth.Stale or SourceHealth.Down;

    /// <summary>"fresh", "stale", "down", "pending".</summary>
    public string HealthWord => Freshness.Word(Health);
}

/// <summary>Rules that turn a source's status into what a card shows.</summary>
public static class Freshness
{
    public static string Word(SourceHealth health) => health.ToString().ToLowerInvariant();

    /// <summary>
    /// The health to show: the store's judgement, made worse (never better) by the clock, so a card that stops
    /// hearing news turns stale on its own even before the store re-evaluates.
    /// </summary>
    public static SourceHealth Effective(SourceStatus status, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(status);
        var byClock = SourceHealthRules.Evaluate(status, now);
        return Rank(byClock) > Rank(status.Health) ? byClock : status.Health;
    }

    public static FreshnessView View(SourceStatus? status, DateTimeOffset now)
    {
        if (status is null)
        {
            return new FreshnessView(SourceHealth.Pending, "not configured", null);
        }

        var health = Effective(status, now);
        if (status.LastSuccess is not { } success)
        {
            var label = health == SourceHealth.Down ? "no data: source down" : "waiting for first data";
            return new FreshnessView(health, label, null);
        }

        return new FreshnessView(health, $"updated {UiFormat.Relative(success, now)}", UiFormat.Absolute(success));
    }

    /// <summary>Whether a card fed by <paramref name="status"/> shows old numbers (from the snapshot alone).</summary>
    public static bool IsStale(SourceStatus? status) => status?.Health is SourceHealth.Stale or SourceHealth.Down;

    /// <summary>
    /// One status that speaks for a group of sources (all Docker hosts, say): the least fresh of them, so a card
    /// never looks fresher than its oldest part.
    /// </summary>
    public static SourceStatus? LeastFresh(IEnumerable<SourceStatus> statuses) =>
        statuses
            .OrderByDescending(s => Rank(s.Health))
            .ThenBy(s => s.LastSuccess ?? DateTimeOffset.MinValue)
            .FirstOrDefault();

    /// <summary>Fresh &lt; pending &lt; stale &lt; down: how bad a health is for a reader.</summary>
    public static int Rank(SourceHealth health) => health switch
    {
        SourceHealth.Fresh => 0,
        SourceHealth.Pending => 1,
        SourceHealth.Stale => 2,
        SourceHealth.Down => 3,
        _ => 1,
    };
}
