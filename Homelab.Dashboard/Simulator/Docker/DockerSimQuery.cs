using System.Globalization;
using System.Text.Json;

namespace Homelab.Dashboard.Simulator.Docker;

/// <summary>Query parameters the way the daemon reads them (moby's <c>httputils</c> and <c>timetypes</c>).</summary>
internal static class DockerSimQuery
{
    /// <summary>Any value but empty, <c>0</c>, <c>no</c>, <c>false</c> or <c>none</c> is true (so docker-py's <c>False</c> is false).</summary>
    public static bool Bool(HttpRequest request, string key) =>
        request.Query[key].ToString().Trim().ToLowerInvariant() is not ("" or "0" or "no" or "false" or "none");

    public static bool Bool(HttpRequest request, string key, bool absent) => request.Query.ContainsKey(key) ? Bool(request, key) : absent;

    /// <summary>An integer parameter; null when absent, <paramref name="valid"/> false when present but not a number.</summary>
    public static int? Int(HttpRequest request, string key, out bool valid)
    {
        valid = true;
        var text = request.Query[key].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        valid = int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value);
        return valid ? value : null;
    }

    /// <summary>
    /// A <c>since</c>/<c>until</c> value: unix seconds with an optional fraction (<c>1700000000.5</c>), or RFC 3339.
    /// Null when absent; <paramref name="valid"/> false when unreadable.
    /// </summary>
    public static DateTimeOffset? Timestamp(HttpRequest request, string key, out bool valid)
    {
        valid = true;
        var text = request.Query[key].ToString().Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var parts = text.Split('.', 2);
        if (long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds) && seconds is > -62_135_596_800 and < 253_402_300_800)
        {
            long nanos = 0;
            if (parts.Length == 2)
            {
                var digits = parts[1].Length > 9 ? parts[1][..9] : parts[1];
                if (digits.Length == 0 || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out nanos))
                {
                    valid = false;
                    return null;
                }

                nanos *= (long)Math.Pow(10, 9 - digits.Length);
            }

            return DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(nanos / 100);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        valid = false;
        return null;
    }

    /// <summary>
    /// The <c>filters</c> parameter: <c>{"key":["v1","v2"]}</c> (docker-py, curl) or <c>{"key":{"v1":true}}</c> (the Go
    /// client). Null when malformed.
    /// </summary>
    public static Dictionary<string, List<string>>? Filters(HttpRequest request)
    {
        var filters = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var text = request.Query["filters"].ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return filters;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                var values = new List<string>();
                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.Array:
                        values.AddRange(property.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!));
                        break;
                    case JsonValueKind.Object:
                        values.AddRange(property.Value.EnumerateObject().Where(v => v.Value.ValueKind == JsonValueKind.True).Select(v => v.Name));
                        break;
                    default:
                        return null;
                }

                filters[property.Name] = values;
            }

            return filters;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The first filter key not in <paramref name="allowed"/>, which the daemon refuses.</summary>
    public static string? UnknownFilter(Dictionary<string, List<string>> filters, params string[] allowed) =>
        filters.Keys.FirstOrDefault(key => !allowed.Contains(key, StringComparer.Ordinal));

    /// <summary>A <c>label</c> filter value (<c>key</c> or <c>key=value</c>) against a label set.</summary>
    public static bool LabelMatches(string filter, IReadOnlyDictionary<string, string> labels)
    {
        var parts = filter.Split('=', 2);
        return labels.TryGetValue(parts[0], out var value) && (parts.Length == 1 || value == parts[1]);
    }
}
