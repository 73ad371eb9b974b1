namespace Homelab.Domain.Sources;

/// <summary>How long a collector waits before asking a failing upstream again.</summary>
public static class BackoffPolicy
{
    /// <summary>The longest wait between attempts for ordinary failures.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The wait after a credential failure. Retrying a wrong password quickly gets the dashboard delayed (Proxmox),
    /// banned (qBittorrent) or blocked (Discord); a person has to fix the configuration anyway.
    /// </summary>
    public static readonly TimeSpan AuthenticationFailureDelay = TimeSpan.FromMinutes(5);

    /// <summary>The delay before the next attempt, given the normal interval and the failures so far.</summary>
    public static TimeSpan NextDelay(TimeSpan interval, int consecutiveFailures, SourceError? lastError)
    {
        if (consecutiveFailures <= 0 || lastError is null)
        {
            return interval;
        }

        if (lastError.IsAuthenticationFailure)
        {
            return AuthenticationFailureDelay;
        }

        // interval, 2×, 4×, … capped: a flapping source is re-checked quickly, a dead one is not hammered.
        var factor = Math.Pow(2, Math.Min(consecutiveFailures - 1, 10));
        var delay = TimeSpan.FromTicks((long)Math.Min(interval.Ticks * factor, MaxDelay.Ticks));
        return delay < interval ? interval : delay;
    }
}
