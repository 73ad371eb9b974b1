using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Homelab.Dashboard.Simulator.Ollama;

/// <summary>Ollama's <c>keep_alive</c>: a Go duration string (<c>"5m"</c>, <c>"1h30m"</c>) or a number of seconds.</summary>
internal static partial class OllamaSimDuration
{
    /// <summary>What Ollama keeps a model loaded for when the request does not say.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromMinutes(5);

    /// <summary>The value, null when absent or unreadable (Ollama then uses its default), negative for "for ever".</summary>
    public static TimeSpan? Parse(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetDouble(out var seconds):
                return seconds < 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds);
            case JsonValueKind.String:
                return ParseText(value.GetString() ?? "");
            default:
                return null;
        }
    }

    private static TimeSpan? ParseText(string text)
    {
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var bare))
        {
            return bare < 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(bare);
        }

        var negative = text.StartsWith('-');
        var parts = GoDuration().Matches(negative ? text[1..] : text);
        if (parts.Count == 0 || parts.Sum(p => p.Length) != text.Length - (negative ? 1 : 0))
        {
            return null;
        }

        var total = TimeSpan.Zero;
        foreach (Match part in parts)
        {
            var amount = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "ms" => TimeSpan.FromMilliseconds(amount),
                "us" or "µs" => TimeSpan.FromMicroseconds(amount),
                _ => TimeSpan.FromTicks((long)(amount / 100)),
            };
        }

        return negative ? Timeout.InfiniteTimeSpan : total;
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)", RegexOptions.CultureInvariant)]
    private static partial Regex GoDuration();
}
