using System.Text.Json;

namespace Homelab.Dashboard.Adapters.Docker;

/// <summary>
/// Tolerant reads of Docker's JSON: a missing field, a JSON null and a value of the wrong type all read as null,
/// because daemons of different versions (and socket proxies) leave fields out or change them.
/// </summary>
internal static class JsonFields
{
    public static JsonElement? Field(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value
            : null;

    public static JsonElement? Object(this JsonElement element, string name) => element.Field(name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    public static JsonElement? Array(this JsonElement element, string name) => element.Field(name) is { ValueKind: JsonValueKind.Array } value ? value : null;

    public static string? String(this JsonElement element, string name) => element.Field(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static long? Int64(this JsonElement element, string name) => element.Field(name) is { ValueKind: JsonValueKind.Number } value
        ? value.TryGetInt64(out var whole) ? whole : value.TryGetDouble(out var real) && real is >= long.MinValue and <= long.MaxValue ? (long)real : null
        : null;

    public static int? Int32(this JsonElement element, string name) => element.Int64(name) is { } value and >= int.MinValue and <= int.MaxValue ? (int)value : null;

    public static ulong? UInt64(this JsonElement element, string name) => element.Field(name) is { ValueKind: JsonValueKind.Number } value
        ? value.TryGetUInt64(out var whole) ? whole : value.TryGetDouble(out var real) && real is >= 0 and <= ulong.MaxValue ? (ulong)real : null
        : null;

    public static bool? Boolean(this JsonElement element, string name) => element.Field(name)?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
