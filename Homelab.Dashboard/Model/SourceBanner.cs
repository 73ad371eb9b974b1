using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Model;

/// <summary>
/// The banner a page shows at the top when its source is failing: what is wrong, in the source's own words, and
/// that what is on screen is the last good data.
/// </summary>
/// <param name="Level">"error" when the source is down, "warning" when it is only stale.</param>
/// <param name="Message">The source's last error, as the adapter worded it for people.</param>
public sealed record SourceBanner(string Level, string Title, string? Message, DateTimeOffset? LastSuccess, DateTimeOffset? RetryAt)
{
    /// <summary>The banner for <paramref name="status"/>, or null when the source is fine, pending or not configured.</summary>
    public static SourceBanner? From(SourceStatus? status)
    {
        if (status is null)
        {
            return null;
        }

        return status.Health switch
        {
            SourceHealth.Down => new SourceBanner(
                "error",
                $"{status.DisplayName} is down.",
                status.LastError?.Message,
                status.LastSuccess,
                status.RetryAt),
            SourceHealth.Stale => new SourceBanner(
                "warning",
                $"{status.DisplayName} has not answered for two polls.",
                null,
                status.LastSuccess,
                status.RetryAt),
            _ => null,
        };
    }
}
