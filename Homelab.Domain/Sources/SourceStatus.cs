namespace Homelab.Domain.Sources;

/// <summary>How current a source's data is.</summary>
public enum SourceHealth
{
    /// <summary>Not asked yet.</summary>
    Pending,

    /// <summary>Answered within the last two intervals.</summary>
    Fresh,

    /// <summary>No success for two intervals, and no failure to explain it yet (a slow or hanging upstream).</summary>
    Stale,

    /// <summary>Failing, with the reason in <see cref="SourceStatus.LastError"/>.</summary>
    Down,
}

/// <summary>Everything the dashboard knows about one upstream's availability.</summary>
/// <remarks><see cref="Endpoint"/> is for display and never carries credentials.</remarks>
public sealed record SourceStatus
{
    /// <summary>Stable identifier, e.g. <c>proxmox</c> or <c>docker/docker-server</c>.</summary>
    public required string Id { get; init; }

    public required SourceKind Kind { get; init; }

    public required string DisplayName { get; init; }

    public required string Endpoint { get; init; }

    /// <summary>What the upstream says it is, e.g. <c>qBittorrent v5.0.4 (Web API 2.11.2)</c>, once known.</summary>
    public string? Version { get; init; }

    /// <summary>True when the built-in simulator stands in for this upstream.</summary>
    public bool Simulated { get; init; }

    public required TimeSpan Interval { get; init; }

    public SourceHealth Health { get; init; }

    public DateTimeOffset? LastSuccess { get; init; }

    public DateTimeOffset? LastAttempt { get; init; }

    public SourceError? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    /// <summary>Round-trip time of the last successful poll.</summary>
    public TimeSpan? Latency { get; init; }

    public int ConsecutiveFailures { get; init; }

    /// <summary>When the collector will try again, while it is backing off.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>Status after a successful poll.</summary>
    public SourceStatus WithSuccess(DateTimeOffset at, TimeSpan latency) => this with
    {
        LastAttempt = at,
        LastSuccess = at,
        Latency = latency,
        ConsecutiveFailures = 0,
        RetryAt = null,
        Health = SourceHealth.Fresh,
    };

    /// <summary>Status after a failed poll; the last good data is kept elsewhere and marked by <see cref="Health"/>.</summary>
    public SourceStatus WithFailure(DateTimeOffset at, SourceError error, DateTimeOffset? retryAt)
    {
        var next = this with
        {
            LastAttempt = at,
            LastError = error,
            LastErrorAt = at,
            ConsecutiveFailures = ConsecutiveFailures + 1,
            RetryAt = retryAt,
        };
        return next with { Health = SourceHealthRules.Evaluate(next, at) };
    }

    /// <summary>Re-evaluates <see cref="Health"/> as time passes without news.</summary>
    public SourceStatus At(DateTimeOffset now)
    {
        var health = SourceHealthRules.Evaluate(this, now);
        return health == Health ? this : this with { Health = health };
    }
}
