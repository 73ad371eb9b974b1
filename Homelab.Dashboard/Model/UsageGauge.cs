namespace Homelab.Dashboard.Model;

/// <summary>How full something is, as a level a person should react to.</summary>
public enum UsageLevel
{
    Normal,
    Warning,
    Critical,
    Unknown,
}

/// <summary>A bar with its absolute numbers: "CPU 12%", "RAM 11.2 / 28.0 GiB (40%)".</summary>
/// <param name="Fraction">0–1 (clamped for drawing); null when the figures are not known.</param>
/// <param name="Detail">Absolute figures, e.g. "11.2 / 28.0 GiB" or "of 16 threads".</param>
public sealed record UsageGauge(string Label, double? Fraction, string Detail)
{
    public const double WarningFraction = 0.85;
    public const double CriticalFraction = 0.95;

    /// <summary>"40%", or "–" when unknown.</summary>
    public string PercentText => Fraction is { } f ? UiFormat.Percent(f) : "–";

    /// <summary>Width of the bar in percent, 0–100.</summary>
    public double BarPercent => Fraction is { } f ? Math.Clamp(f, 0, 1) * 100 : 0;

    public UsageLevel Level => Fraction switch
    {
        null => UsageLevel.Unknown,
        >= CriticalFraction => UsageLevel.Critical,
        >= WarningFraction => UsageLevel.Warning,
        _ => UsageLevel.Normal,
    };

    /// <summary>A gauge from bytes used of a total; unknown when either is missing or the total is zero.</summary>
    public static UsageGauge FromBytes(string label, long? used, long? total) =>
        used is { } u && total is > 0 and var t
            ? new UsageGauge(label, (double)u / t, UiFormat.BytesOf(u, t))
            : new UsageGauge(label, null, "no data");
}
