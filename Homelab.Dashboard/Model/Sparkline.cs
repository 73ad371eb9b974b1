using System.Globalization;
using System.Text;

namespace Homelab.Dashboard.Model;

/// <summary>
/// A sparkline as SVG geometry: polylines in a fixed view box, split where samples are missing so a gap in the
/// data is a gap on screen, not a made-up line.
/// </summary>
/// <param name="Segments">SVG <c>points</c> attributes, one per unbroken run of samples.</param>
/// <param name="Latest">The newest known value (0–1), for the label beside the line.</param>
public sealed record Sparkline(IReadOnlyList<string> Segments, double? Latest, int SampleCount)
{
    public const int Width = 120;
    public const int Height = 28;

    public static Sparkline Empty { get; } = new([], null, 0);

    public bool IsEmpty => Segments.Count == 0;

    /// <summary>Equal by content, so an unchanged history does not count as a change.</summary>
    public bool Equals(Sparkline? other) =>
        other is not null && SampleCount == other.SampleCount && Latest == other.Latest && Segments.SequenceEqual(other.Segments);

    public override int GetHashCode() => HashCode.Combine(SampleCount, Latest, Segments.Count > 0 ? Segments[^1] : null);

    /// <summary>Plots fractions (0–1, clamped) oldest first across the full width.</summary>
    public static Sparkline FromFractions(IReadOnlyList<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0 || values.All(v => v is null))
        {
            return Empty;
        }

        var segments = new List<string>();
        var current = new StringBuilder();
        var pointsInCurrent = 0;
        var step = values.Count > 1 ? (double)Width / (values.Count - 1) : 0;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } value || double.IsNaN(value))
            {
                Flush();
                continue;
            }

            var x = values.Count > 1 ? i * step : Width / 2.0;
            // 1 px margin so a flat line at 0 % or 100 % stays visible.
            var y = 1 + ((1 - Math.Clamp(value, 0, 1)) * (Height - 2));
            if (pointsInCurrent > 0)
            {
                current.Append(' ');
            }

            current.Append(x.ToString("0.#", CultureInfo.InvariantCulture)).Append(',').Append(y.ToString("0.#", CultureInfo.InvariantCulture));
            pointsInCurrent++;
        }

        Flush();
        var latest = values.LastOrDefault(v => v is not null);
        return new Sparkline(segments, latest, values.Count);

        void Flush()
        {
            if (pointsInCurrent == 1)
            {
                // A lone sample still deserves a mark: a short flat segment.
                var only = current.ToString();
                var comma = only.IndexOf(',', StringComparison.Ordinal);
                var x = double.Parse(only[..comma], CultureInfo.InvariantCulture);
                var y = only[(comma + 1)..];
                current.Clear().Append(Math.Max(0, x - 1).ToString("0.#", CultureInfo.InvariantCulture)).Append(',').Append(y)
                    .Append(' ').Append(Math.Min(Width, x + 1).ToString("0.#", CultureInfo.InvariantCulture)).Append(',').Append(y);
            }

            if (pointsInCurrent > 0)
            {
                segments.Add(current.ToString());
            }

            current.Clear();
            pointsInCurrent = 0;
        }
    }
}
