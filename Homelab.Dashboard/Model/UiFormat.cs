using System.Globalization;

namespace Homelab.Dashboard.Model;

/// <summary>How the dashboard writes numbers, sizes and times: short, unit-spaced, and the same on every page.</summary>
public static class UiFormat
{
    private static readonly string[] s_units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

    /// <summary>"0 B", "612 MiB", "11.2 GiB", "128 GiB", "5.7 TiB" (binary units, as Proxmox and Docker count).</summary>
    public static string Bytes(long bytes)
    {
        var (value, unit) = Scale(bytes);
        return $"{Number(value, unit)} {s_units[unit]}";
    }

    /// <summary>"11.2 / 28.0 GiB" when both share a unit, otherwise "612 MiB / 4.0 GiB".</summary>
    public static string BytesOf(long used, long total)
    {
        var (usedValue, usedUnit) = Scale(used);
        var (totalValue, totalUnit) = Scale(total);
        if (usedUnit == totalUnit)
        {
            return $"{Number(usedValue, usedUnit)} / {Number(totalValue, totalUnit)} {s_units[totalUnit]}";
        }

        return $"{Bytes(used)} / {Bytes(total)}";
    }

    /// <summary>A fraction (0–1) as "12%"; below 10% with one decimal ("3.4%"), as the attention rules write it.</summary>
    public static string Percent(double fraction) => PercentValue(fraction * 100);

    /// <summary>A percentage (0–100, or more for multi-core CPU) as "12%" or "3.4%".</summary>
    public static string PercentValue(double percent)
    {
        if (double.IsNaN(percent) || double.IsInfinity(percent))
        {
            return "–";
        }

        var rounded = Math.Abs(percent) < 10 ? Math.Round(percent, 1) : Math.Round(percent);
        return rounded.ToString(Math.Abs(percent) < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>"45 s", "12 min", "5 h 12 min", "3 d 4 h": the two largest units, for uptimes.</summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        if (duration.TotalSeconds < 60)
        {
            return $"{(int)duration.TotalSeconds} s";
        }

        if (duration.TotalMinutes < 60)
        {
            return $"{(int)duration.TotalMinutes} min";
        }

        if (duration.TotalHours < 24)
        {
            return duration.Minutes == 0 ? $"{(int)duration.TotalHours} h" : $"{(int)duration.TotalHours} h {duration.Minutes} min";
        }

        return duration.Hours == 0 ? $"{(int)duration.TotalDays} d" : $"{(int)duration.TotalDays} d {duration.Hours} h";
    }

    /// <summary>
    /// How long ago (or until) <paramref name="at"/>, coarse enough that the text changes at most once a second
    /// under a minute, then once a minute: "just now", "4 s ago", "3 min ago", "2 h ago", "in 12 s".
    /// </summary>
    public static string Relative(DateTimeOffset at, DateTimeOffset now)
    {
        var delta = now - at;
        if (delta < TimeSpan.Zero)
        {
            var ahead = -delta;
            return ahead < TimeSpan.FromSeconds(1) ? "now" : $"in {Coarse(ahead)}";
        }

        return delta < TimeSpan.FromSeconds(1) ? "just now" : $"{Coarse(delta)} ago";
    }

    /// <summary>"2026-11-26 12:00:04 UTC": the unambiguous form, for tooltips and the sources page.</summary>
    public static string Absolute(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>"850 ms", "1.2 s".</summary>
    public static string Latency(TimeSpan latency) =>
        latency < TimeSpan.FromSeconds(1)
            ? $"{(int)latency.TotalMilliseconds} ms"
            : latency.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    /// <summary>Load averages as "0.42 · 0.51 · 0.60".</summary>
    public static string Load(IEnumerable<double> load) =>
        string.Join(" · ", load.Select(l => l.ToString("0.00", CultureInfo.InvariantCulture)));

    private static string Coarse(TimeSpan span)
    {
        if (span.TotalSeconds < 60)
        {
            return $"{(int)span.TotalSeconds} s";
        }

        if (span.TotalMinutes < 60)
        {
            return $"{(int)span.TotalMinutes} min";
        }

        return span.TotalHours < 48 ? $"{(int)span.TotalHours} h" : $"{(int)span.TotalDays} d";
    }

    private static (double Value, int Unit) Scale(long bytes)
    {
        double value = Math.Max(0, bytes);
        var unit = 0;
        while (value >= 1024 && unit < s_units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return (value, unit);
    }

    private static string Number(double value, int unit) =>
        unit == 0 || value >= 100 ? Math.Round(value).ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.0", CultureInfo.InvariantCulture);
}
