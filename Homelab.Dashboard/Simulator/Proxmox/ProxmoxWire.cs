using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace Homelab.Dashboard.Simulator.Proxmox;

/// <summary>
/// pveproxy's JSON formatter: every answer is <c>{"data": ...}</c>; an error also sets the HTTP reason phrase to its
/// message and adds <c>"message"</c> (and <c>"errors"</c> for parameter problems) to the body.
/// </summary>
internal static class ProxmoxWire
{
    /// <summary>The node whose pveproxy the simulator plays (the certificate's CN); it is <c>local</c> in cluster/status.</summary>
    public const string LocalNode = "MediaServer";

    private const string JsonContentType = "application/json;charset=UTF-8";

    public static Task DataAsync(HttpContext context, JsonNode? data)
    {
        context.Response.ContentType = JsonContentType;
        return context.Response.WriteAsync(new JsonObject { ["data"] = data }.ToJsonString(), context.RequestAborted);
    }

    public static Task ErrorAsync(HttpContext context, int status, string message, IReadOnlyDictionary<string, string>? errors = null)
    {
        context.Response.StatusCode = status;
        if (context.Features.Get<IHttpResponseFeature>() is { } feature)
        {
            feature.ReasonPhrase = ReasonPhrase(message);
        }

        var body = new JsonObject { ["data"] = null, ["message"] = message.TrimEnd('\n') + "\n" };
        if (errors is { Count: > 0 })
        {
            body["errors"] = new JsonObject(errors.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)JsonValue.Create(e.Value))));
        }

        context.Response.ContentType = JsonContentType;
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    /// <summary>400 with per-parameter reasons, as PVE's schema validation answers.</summary>
    public static Task ParameterErrorAsync(HttpContext context, string parameter, string why) =>
        ErrorAsync(context, 400, "Parameter verification failed.", new Dictionary<string, string> { [parameter] = why });

    /// <summary>What pveproxy says for a path or method it has no handler for.</summary>
    public static Task NotImplementedAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        const string Prefix = "/api2/json";
        var relative = path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? path[Prefix.Length..] : path;
        return ErrorAsync(context, 501, $"Method '{context.Request.Method} {(relative.Length == 0 ? "/" : relative)}' not implemented");
    }

    public static int Bool(bool value) => value ? 1 : 0;

    /// <summary>CPU and I/O-wait fractions, with the precision Proxmox shows.</summary>
    public static double Fraction(double value) => Math.Round(double.IsFinite(value) ? value : 0, 6);

    public static string Invariant(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A reason phrase must be one line of visible ASCII.</summary>
    private static string ReasonPhrase(string message)
    {
        var builder = new StringBuilder(message.Length);
        foreach (var c in message.Trim())
        {
            builder.Append(c is >= ' ' and <= '~' ? c : ' ');
        }

        return builder.ToString();
    }
}
