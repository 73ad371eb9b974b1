using System.Globalization;
using System.Text.Json;

namespace Homelab.Dashboard.Adapters.Proxmox;

/// <summary>
/// Tolerant readers for Proxmox JSON. Any field may be missing or null; numbers sometimes arrive as strings
/// (<c>loadavg</c>, <c>vmid</c> in the LXC list, <c>mhz</c>); booleans arrive as 0/1.
/// </summary>
/// <remarks>Shape errors that make a whole answer useless throw <see cref="FormatException"/>, which the client maps to InvalidResponse.</remarks>
internal static class ProxmoxJson
{
    public static JsonElement? OptionalProperty(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value
            : null;

    public static string? OptionalString(this JsonElement element, string name) => element.OptionalProperty(name) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        _ => null,
    };

    /// <summary>A finite number; NaN, infinities and unparseable text read as missing.</summary>
    public static double? OptionalDouble(this JsonElement element, string name) =>
        element.OptionalProperty(name) is { } value ? AsDouble(value) : null;

    public static long? OptionalInt64(this JsonElement element, string name)
    {
        if (element.OptionalProperty(name) is not { } value)
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

    public static int? OptionalInt32(this JsonElement element, string name) =>
        element.OptionalInt64(name) is { } value && value is >= int.MinValue and <= int.MaxValue ? (int)value : null;

    /// <summary>A duration in whole seconds, such as <c>uptime</c>.</summary>
    public static TimeSpan? OptionalSeconds(this JsonElement element, string name) =>
        element.OptionalInt64(name) is >= 0 and <= 100L * 365 * 86_400 and var seconds ? TimeSpan.FromSeconds(seconds) : null;

    /// <summary>A unix time in seconds, such as an RRD point's <c>time</c>.</summary>
    public static DateTimeOffset? OptionalUnixTime(this JsonElement element, string name) =>
        element.OptionalInt64(name) is >= 0 and <= 253_402_300_799 and var seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>Proxmox booleans: 0/1, occasionally true/false or "1".</summary>
    public static bool? OptionalBool(this JsonElement element, string name) => element.OptionalProperty(name) switch
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

    public static JsonElement? OptionalObject(this JsonElement element, string name) =>
        element.OptionalProperty(name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    /// <summary>The objects of an array, skipping anything else an upstream might put in it.</summary>
    public static IEnumerable<JsonElement> Objects(this JsonElement array) =>
        array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.Object) : [];

    /// <summary>A list field of numbers or numeric strings, such as <c>loadavg: ["0.41","0.52","0.60"]</c>.</summary>
    public static List<double> OptionalDoubles(this JsonElement element, string name) =>
        element.OptionalProperty(name) is { ValueKind: JsonValueKind.Array } array
            ? [.. array.EnumerateArray().Select(AsDouble).OfType<double>()]
            : [];

    /// <summary>Splits a Proxmox list string (tags use <c>;</c>, content uses <c>,</c>; both accept either).</summary>
    public static List<string> OptionalList(this JsonElement element, string name) =>
        element.OptionalString(name) is { } text
            ? [.. text.Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : [];

    public static JsonElement RequireArray(JsonElement data, string what) =>
        data.ValueKind == JsonValueKind.Array ? data : throw new FormatException($"{what}: expected a list, got {Describe(data)}");

    public static JsonElement RequireObject(JsonElement data, string what) =>
        data.ValueKind == JsonValueKind.Object ? data : throw new FormatException($"{what}: expected an object, got {Describe(data)}");

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "nothing",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };

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
