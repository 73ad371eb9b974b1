using System.Globalization;

namespace Homelab.Dashboard.Adapters.Docker;

/// <summary>Docker's time formats: RFC 3339 with up to nine fraction digits, and unix seconds with a fraction.</summary>
internal static class DockerTime
{
    /// <summary>Go's zero time, which Docker sends for "never" (a container that never started or stopped).</summary>
    private const int ZeroYear = 1;

    /// <summary>
    /// Parses an RFC 3339 time such as <c>2026-11-26T10:00:00.123456789Z</c>. Fractions beyond .NET's 100 ns are
    /// cut off rather than rounded, so two readings never swap order. Returns null for text that is not one, and for
    /// Go's zero time.
    /// </summary>
    public static DateTimeOffset? ParseRfc3339(ReadOnlySpan<char> text)
    {
        // yyyy-MM-ddTHH:mm:ss is 19 characters; a zone (Z or ±hh:mm) must follow.
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != 't') || text[13] != ':' || text[16] != ':')
        {
            return null;
        }

        var zoneStart = 19;
        Span<char> normalized = stackalloc char[40];
        text[..19].CopyTo(normalized);
        var length = 19;
        if (text[19] == '.')
        {
            var digits = 0;
            var i = 20;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                digits++;
            }

            if (digits == 0)
            {
                return null;
            }

            var kept = Math.Min(digits, 7);
            normalized[length++] = '.';
            text.Slice(20, kept).CopyTo(normalized[length..]);
            length += kept;
            zoneStart = i;
        }

        var zone = text[zoneStart..];
        if (zone is not ("Z" or "z") && !(zone.Length == 6 && zone[0] is '+' or '-' && zone[3] == ':'))
        {
            return null;
        }

        if (zone is "z")
        {
            zone = "Z";
        }

        zone.CopyTo(normalized[length..]);
        length += zone.Length;
        normalized[10] = 'T';
        if (!DateTimeOffset.TryParseExact(normalized[..length], ["yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return null;
        }

        return parsed.Year == ZeroYear ? null : parsed;
    }

    /// <summary>Unix seconds with nanoseconds, as Docker accepts for <c>since</c> and <c>until</c>: <c>1700000000.123456700</c>.</summary>
    public static string FormatUnix(DateTimeOffset time)
    {
        var ticks = (time.UtcDateTime - DateTime.UnixEpoch).Ticks;
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var remainder);
        if (remainder < 0)
        {
            seconds--;
            remainder += TimeSpan.TicksPerSecond;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{seconds}.{remainder * 100:D9}");
    }

    /// <summary>A time from unix seconds, or null for 0 and missing values.</summary>
    public static DateTimeOffset? FromUnixSeconds(long? seconds) =>
        seconds is > 0 and < 253_402_300_800 ? DateTimeOffset.FromUnixTimeSeconds(seconds.Value) : null;

    /// <summary>A time from unix nanoseconds (the event stream's <c>timeNano</c>).</summary>
    public static DateTimeOffset FromUnixNanoseconds(long nanoseconds) => DateTimeOffset.UnixEpoch.AddTicks(nanoseconds / 100);
}
