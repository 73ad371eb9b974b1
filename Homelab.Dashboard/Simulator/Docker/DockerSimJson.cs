using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Homelab.Dashboard.Simulator.Docker;

/// <summary>
/// How the simulated daemon writes JSON: Go's encoder style, one value and a newline. Payloads are built as
/// <see cref="JsonNode"/> trees, as the other simulators' are, so nothing is serialized by reflection; an absent
/// optional block (Health on old API versions, a container without a health check) is simply not added.
/// </summary>
internal static class DockerSimJson
{
    /// <summary>Go's zero time, which the daemon writes for "never".</summary>
    public const string ZeroTime = "0001-01-01T00:00:00Z";

    /// <summary>Go escapes only what JSON requires (no <c>\u003c</c> for <c>&lt;</c> in labels and messages).</summary>
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpContext context, JsonNode value, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await WriteLineAsync(context.Response.Body, value, context.RequestAborted);
    }

    /// <summary>One JSON value and a newline, in one write, as the streaming endpoints (stats, events) send them.</summary>
    /// <remarks>
    /// Written through a pipe of pooled segments: the container list is about 75 KB, and a growing array would put a
    /// new large-object-heap buffer behind every Docker poll.
    /// </remarks>
    public static async Task WriteLineAsync(Stream body, JsonNode value, CancellationToken cancellationToken)
    {
        var pipe = PipeWriter.Create(body, new StreamPipeWriterOptions(leaveOpen: true));
        using (var writer = new Utf8JsonWriter(pipe, s_writerOptions))
        {
            value.WriteTo(writer);
        }

        pipe.Write("\n"u8);
        await pipe.FlushAsync(cancellationToken);
        await pipe.CompleteAsync();
    }

    /// <summary>The daemon's error shape: <c>{"message":"..."}</c>.</summary>
    public static Task ErrorAsync(HttpContext context, int status, string message) =>
        WriteAsync(context, new JsonObject { ["message"] = message }, status);

    /// <summary>RFC 3339 with nine fraction digits, as Go's RFC3339Nano (fixed) prints UTC times.</summary>
    public static string Time(DateTimeOffset? time) =>
        time is { } t && t.Year > 1 ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'", CultureInfo.InvariantCulture) : ZeroTime;

    /// <summary>A JSON array of strings (names, commands, environment).</summary>
    public static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)v)];

    /// <summary>A string map (labels, event attributes) as an object, keys in the map's order.</summary>
    public static JsonObject StringMap(IEnumerable<KeyValuePair<string, string>> values) =>
        new(values.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
}
