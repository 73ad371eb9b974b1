using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Homelab.Dashboard.Simulator.Docker;

/// <summary>How the simulated daemon writes JSON: Go's encoder style, one value and a newline.</summary>
internal static class DockerSimJson
{
    /// <summary>Go's zero time, which the daemon writes for "never".</summary>
    public const string ZeroTime = "0001-01-01T00:00:00Z";

    /// <summary>Absent optional blocks (Health on old API versions, a container without a health check) are left out.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly byte[] s_newline = "\n"u8.ToArray();

    public static async Task WriteAsync(HttpContext context, object value, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await WriteLineAsync(context.Response.Body, value, context.RequestAborted);
    }

    /// <summary>One JSON value and a newline, as the streaming endpoints (stats, events) write them.</summary>
    public static async Task WriteLineAsync(Stream body, object value, CancellationToken cancellationToken)
    {
        await JsonSerializer.SerializeAsync(body, value, value.GetType(), Options, cancellationToken);
        await body.WriteAsync(s_newline, cancellationToken);
    }

    /// <summary>The daemon's error shape: <c>{"message":"..."}</c>.</summary>
    public static Task ErrorAsync(HttpContext context, int status, string message) => WriteAsync(context, new { message }, status);

    /// <summary>RFC 3339 with nine fraction digits, as Go's RFC3339Nano (fixed) prints UTC times.</summary>
    public static string Time(DateTimeOffset? time) =>
        time is { } t && t.Year > 1 ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'", CultureInfo.InvariantCulture) : ZeroTime;
}
