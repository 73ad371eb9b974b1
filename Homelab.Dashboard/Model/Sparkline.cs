using System.Globalization;
using System.Text;

namespace Homelab.Dashboard.Model;

/// <summary>
/// A sparkline as SVG geometry: polylines in a fixed view box, split where samples are missing so a gap in the
/// data is a gap on screen, not a made-up line.
/// </summary>
/// <remarks>
/// The vertical scale follows the data (up to a quarter above the peak, at least <see cref="MinimumTop"/>), so a
/// node idling at 3 % still shows its shape; <see cref="Peak"/> is printed beside the line so the scale is never a
/// secret.
/// </remarks>
/// <param name="Segments">SVG <c>points</c> for each unbroken run of samples.</param>
/// <param name="Areas">The same runs closed down to the baseline, for a faint fill.</param>
/// <param name="Latest">The newest known value (0–1).</param>
/// <param name="Peak">The highest value in the window (0–1).</param>
public sealed record Sparkline(IReadOnlyList<string> Segments, IReadOnlyList<string> Areas, double? Latest, double? Peak, int SampleCount)
{
    public const int Width = 120;
    public const int Height = 28;

    /// <summary>The scale never zooms in further than 0–5 %, so noise on an idle node stays flat.</summary>
    public const double MinimumTop = 0.05;

    public static Sparkline Empty { get; } = new([], [], null, null, 0);

    public bool IsEmpty => Segments.Count == 0;

    /// <summary>Equal by content, so an unchanged history does not count as a change.</summary>
    public bool Equals(Sparkline? other) =>
        other is not null && SampleCount == other.SampleCount && Latest == other.Latest && Peak == other.Peak && Segments.SequenceEqual(other.Segments);

    public override int GetHashCode() => HashCode.Combine(SampleCount, Latest, Peak, Segments.Count > 0 ? Segments[^1] : null);

    /// <summary>Plots fractions (0–1, clamped) oldest first across the full width.</summary>
    public static Sparkline FromFractions(IReadOnlyList<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var known = values.Where(v => v is { } x && !double.IsNaN(x)).Select(v => Math.Clamp(v!.Value, 0, 1)).ToList();
        if (known.Count == 0)
        {
            return Empty;
        }

        var peak = known.Max();
        var top = Math.Clamp(peak * 1.25, MinimumTop, 1);
        var segments = new List<string>();
        var areas = new List<string>();
        var run = new List<(double X, double Y)>();
        var step = values.Count > 1 ? (double)Width / (values.Count - 1) : 0;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } value || double.IsNaN(value))
            {
                Flush();
                continue;
            }

            var x = values.Count > 1 ? i * step : Width / 2.0;

            // 1 px margin so a flat line at the bottom or top stays visible.
            var y = 1 + ((1 - (Math.Clamp(value, 0, 1) / top)) * (Height - 2));
            run.Add((x, Math.Max(1, y)));
        }

        Flush();
        return new Sparkline(segments, areas, known[^1], peak, values.Count);

        void Flush()
        {
            if (run.Count == 1)
            {
                // A lone sample still deserves a mark: a short flat segment.
                var (x, y) = run[0];
                run[0] = (Math.Max(0, x - 1), y);
                run.Add((Math.Min(Width, x + 1), y));
            }

            if (run.Count > 0)
            {
                var line = string.Join(' ', run.Select(p => $"{N(p.X)},{N(p.Y)}"));
                segments.Add(line);
                areas.Add(new StringBuilder().Append(N(run[0].X)).Append(',').Append(Height).Append(' ').Append(line)
                    .Append(' ').Append(N(run[^1].X)).Append(',').Append(Height).ToString());
            }

            run.Clear();
        }
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
