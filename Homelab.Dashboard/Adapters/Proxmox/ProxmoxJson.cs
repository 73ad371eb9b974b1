using System.Text.Json;
using Homelab.Dashboard.Adapters.Http;

namespace Homelab.Dashboard.Adapters.Proxmox;

/// <summary>Proxmox-specific reads on top of <see cref="TolerantJson"/>: seconds, unix times, list strings, answer shapes.</summary>
/// <remarks>Shape errors that make a whole answer useless throw <see cref="FormatException"/>, which the client maps to InvalidResponse.</remarks>
internal static class ProxmoxJson
{
    /// <summary>A duration in whole seconds, such as <c>uptime</c>.</summary>
    public static TimeSpan? Seconds(this JsonElement element, string name) =>
        element.Int64(name) is >= 0 and <= 100L * 365 * 86_400 and var seconds ? TimeSpan.FromSeconds(seconds) : null;

    /// <summary>A unix time in seconds, such as an RRD point's <c>time</c>.</summary>
    public static DateTimeOffset? UnixTime(this JsonElement element, string name) =>
        element.Int64(name) is >= 0 and <= 253_402_300_799 and var seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>Splits a Proxmox list string (tags use <c>;</c>, content uses <c>,</c>; both accept either).</summary>
    public static List<string> ListOf(this JsonElement element, string name) =>
        element.String(name) is { } text
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
}
