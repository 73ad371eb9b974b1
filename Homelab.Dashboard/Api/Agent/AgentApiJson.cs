using System.Text.Json;
using System.Text.Json.Serialization;

namespace Homelab.Dashboard.Api.Agent;

/// <summary>The agent API's wire format: snake_case names and values, one line per document (SSE needs that).</summary>
internal static class AgentApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>A tool call's arguments as JSON, so callers don't parse a string inside a string.</summary>
    public static JsonElement Arguments(string argumentsJson)
    {
        if (string.IsNullOrWhiteSpace(argumentsJson))
        {
            return JsonSerializer.SerializeToElement(new Dictionary<string, object>());
        }

        try
        {
            using var document = JsonDocument.Parse(argumentsJson);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(argumentsJson);
        }
    }
}
