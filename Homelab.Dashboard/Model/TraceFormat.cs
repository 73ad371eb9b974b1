using System.Globalization;
using Homelab.Domain.Agent.Traces;

namespace Homelab.Dashboard.Model;

/// <summary>How the traces pages write latencies, rates and token counts; "–" wherever there is nothing to show.</summary>
public static class TraceFormat
{
    public const string None = "–";

    /// <summary>"850 ms", "4.25 s", "12.3 s", "2 min 5 s": model calls run from milliseconds to minutes.</summary>
    public static string Latency(TimeSpan? latency)
    {
        if (latency is not { } value)
        {
            return None;
        }

        if (value < TimeSpan.FromSeconds(1))
        {
            return $"{Math.Max(0, (int)Math.Round(value.TotalMilliseconds))} ms";
        }

        if (value < TimeSpan.FromSeconds(10))
        {
            return value.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
        }

        if (value < TimeSpan.FromSeconds(60))
        {
            return value.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
        }

        var whole = TimeSpan.FromSeconds(Math.Round(value.TotalSeconds));
        return whole.Seconds == 0 ? $"{(int)whole.TotalMinutes} min" : $"{(int)whole.TotalMinutes} min {whole.Seconds} s";
    }

    /// <summary>The chart's axis: the same units, in milliseconds.</summary>
    public static string LatencyMs(double milliseconds) => Latency(TimeSpan.FromMilliseconds(milliseconds));

    /// <summary>"42.1 tok/s", "128 tok/s".</summary>
    public static string TokensPerSecond(double? rate) => rate is { } value && double.IsFinite(value)
        ? value.ToString(value < 100 ? "0.0" : "0", CultureInfo.InvariantCulture) + " tok/s"
        : None;

    /// <summary>A fraction (0–1) as a percentage, or "–" when there is nothing to divide.</summary>
    public static string Rate(double? fraction) => fraction is { } value ? UiFormat.Percent(value) : None;

    /// <summary>The error rate, or "–" without calls (0 % of nothing would read as good news).</summary>
    public static string ErrorRate(TraceTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return totals.Calls == 0 ? None : UiFormat.Percent(totals.ErrorRate);
    }

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"950", "12.3k", "4.1M": token sums grow fast; the exact number goes in a tooltip.</summary>
    public static string Compact(long count) => count switch
    {
        < 10_000 => Count(count),
        < 1_000_000 => (count / 1_000d).ToString(count < 100_000 ? "0.0" : "0", CultureInfo.InvariantCulture) + "k",
        _ => (count / 1_000_000d).ToString(count < 100_000_000 ? "0.0" : "0", CultureInfo.InvariantCulture) + "M",
    };

    /// <summary>"1,200 → 80" (prompt → completion), with "?" for a side the model did not report.</summary>
    public static string Tokens(int? prompt, int? completion) => prompt is null && completion is null
        ? None
        : $"{(prompt is { } p ? Count(p) : "?")} → {(completion is { } c ? Count(c) : "?")}";

    public static string OutcomeWord(TraceOutcome outcome) => outcome switch
    {
        TraceOutcome.Ok => "ok",
        TraceOutcome.Error => "error",
        _ => "cancelled",
    };

    public static string OutcomeTag(TraceOutcome outcome) => outcome switch
    {
        TraceOutcome.Ok => "hl-tag-ok",
        TraceOutcome.Error => "hl-tag-error",
        _ => "hl-tag-warning",
    };

    /// <summary>The first line of <paramref name="text"/>, cut to <paramref name="max"/> characters, for one table cell.</summary>
    public static string? Snippet(string? text, int max = 120)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var line = text.AsSpan().Trim();
        var newline = line.IndexOfAny('\r', '\n');
        var first = newline < 0 ? line : line[..newline].TrimEnd();
        var cut = newline >= 0;
        if (first.Length > max)
        {
            first = first[..(max - 1)];
            cut = true;
        }

        return cut ? string.Concat(first, "…") : first.ToString();
    }
}
