using System.Globalization;
using System.Text.Json;

namespace Homelab.Dashboard.Adapters.Http;

/// <summary>
/// Tolerant reads of upstream JSON, shared by every adapter: a missing field, a JSON null and a value of an unusable
/// type all read as null, because upstream versions (and the proxies in front of them) leave fields out or change
/// them. Numbers may arrive as strings (Proxmox's <c>loadavg</c>, <c>vmid</c> in the LXC list) and booleans as 0/1.
/// </summary>
internal static class TolerantJson
{
    public static JsonElement? Field(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value
            : null;

    public static JsonElement? Object(this JsonElement element, string name) => element.Field(name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    public static JsonElement? Array(this JsonElement element, string name) => element.Field(name) is { ValueKind: JsonValueKind.Array } value ? value : null;

    /// <summary>The objects of an array, skipping anything else an upstream might put in it.</summary>
    public static IEnumerable<JsonElement> Objects(this JsonElement array) =>
        array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.Object) : [];

    /// <summary>Text; a number reads as its JSON text.</summary>
    public static string? String(this JsonElement element, string name) => element.Field(name) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        _ => null,
    };

    /// <summary>A finite number; NaN, infinities and unparseable text read as missing.</summary>
    public static double? Double(this JsonElement element, string name) => element.Field(name) is { } value ? AsDouble(value) : null;

    public static long? Int64(this JsonElement element, string name)
    {
        if (element.Field(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var exact))
        {
            return exact;
        }

        // RRD values and some counters come as floats (3221225472.0, 1.5e9).
        return AsDouble(value) is { } number && number is >= long.MinValue and <= long.MaxValue ? (long)Math.Round(number) : null;
    }

    public static int? Int32(this JsonElement element, string name) =>
        element.Int64(name) is { } value && value is >= int.MinValue and <= int.MaxValue ? (int)value : null;

    /// <summary>Counters that may exceed <see cref="long.MaxValue"/> (Docker's nanosecond CPU totals).</summary>
    public static ulong? UInt64(this JsonElement element, string name)
    {
        if (element.Field(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var exact))
        {
            return exact;
        }

        return AsDouble(value) is { } number && number is >= 0 and <= ulong.MaxValue ? (ulong)Math.Round(number) : null;
    }

    /// <summary>true/false, or 0/1 and their spellings as text, as Proxmox sends them.</summary>
    public static bool? Boolean(this JsonElement element, string name) => element.Field(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.Number } value => value.TryGetDouble(out var number) ? number != 0 : null,
        { ValueKind: JsonValueKind.String } value => value.GetString()?.Trim().ToLowerInvariant() switch
        {
            "1" or "true" or "yes" or "on" => true,
            "0" or "false" or "no" or "off" or "" => false,
            _ => null,
        },
        _ => null,
    };

    /// <summary>A list of numbers or numeric strings, such as <c>loadavg: ["0.41","0.52","0.60"]</c>.</summary>
    public static List<double> Doubles(this JsonElement element, string name) =>
        element.Array(name) is { } array ? [.. array.EnumerateArray().Select(AsDouble).OfType<double>()] : [];

    private static double? AsDouble(JsonElement value)
    {
        double number;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetDouble(out number):
                break;
            case JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number):
                break;
            default:
                return null;
        }

        return double.IsFinite(number) ? number : null;
    }
}
