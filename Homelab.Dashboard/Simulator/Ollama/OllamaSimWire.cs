using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Homelab.Dashboard.Simulator.Ollama;

/// <summary>How Ollama's Go server (gin) writes its answers.</summary>
internal static class OllamaSimWire
{
    /// <summary>gin's <c>c.JSON</c> content type.</summary>
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>What a streamed answer is: one JSON object per line.</summary>
    public const string NdjsonContentType = "application/x-ndjson";

    // Go escapes a quote as \" (not \u0022) and leaves apostrophes alone; the relaxed encoder writes the same text.
    private static readonly JsonSerializerOptions s_options = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task JsonAsync(HttpContext context, JsonNode value, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = JsonContentType;
        await context.Response.WriteAsync(value.ToJsonString(s_options), context.RequestAborted);
    }

    /// <summary>Ollama's error shape, <c>{"error":"..."}</c>, for every failure.</summary>
    public static Task ErrorAsync(HttpContext context, int status, string message) =>
        JsonAsync(context, new JsonObject { ["error"] = message }, status);

    /// <summary>One NDJSON line, flushed at once so the client sees each token as it is made.</summary>
    public static async Task LineAsync(HttpContext context, JsonNode value)
    {
        await context.Response.WriteAsync(value.ToJsonString(s_options) + "\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    /// <summary>Go's <c>time.RFC3339Nano</c>, in UTC.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>A duration as Ollama reports it: whole nanoseconds.</summary>
    public static long Nanoseconds(TimeSpan duration) => Math.Max(0, duration.Ticks) * 100;

    public static string GoKind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "null",
    };

    /// <summary>The request body as text, up to a cap; null when it is larger.</summary>
    public static Task<string?> ReadBodyAsync(HttpRequest request) => SimulatorBody.ReadAsync(request, 8 * 1024 * 1024);
}
