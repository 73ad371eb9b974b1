namespace Homelab.Domain.Actions;

/// <summary>Wording for action results, so every caller says the same honest thing.</summary>
public static class ActionMessages
{
    /// <summary>"12 s", "60 s", "2 min 5 s", "3 min" or "850 ms".</summary>
    public static string FormatDuration(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1))
        {
            return $"{Math.Max(0, (int)duration.TotalMilliseconds)} ms";
        }

        // Seconds read best up to a minute and a half ("still running after 60 s"), minutes after that.
        var seconds = (int)Math.Round(duration.TotalSeconds, MidpointRounding.AwayFromZero);
        if (seconds < 100)
        {
            return $"{seconds} s";
        }

        return seconds % 60 == 0 ? $"{seconds / 60} min" : $"{seconds / 60} min {seconds % 60} s";
    }

    /// <summary>"stopped after 12 s".</summary>
    public static string Reached(string state, TimeSpan duration) => $"{state} after {FormatDuration(duration)}";

    /// <summary>"still running after 60 s: the shutdown task is still running".</summary>
    public static string NotReached(string currentState, TimeSpan duration, string? detail) =>
        detail is null ? $"still {currentState} after {FormatDuration(duration)}" : $"still {currentState} after {FormatDuration(duration)}: {detail}";

    /// <summary>"already stopped" — nothing to do.</summary>
    public static string Already(string state) => $"already {state}";
}
