using System.Text.Json;
using System.Text.Json.Nodes;
using Homelab.Dashboard.Simulator.State;
using Homelab.Domain.Downloads;

namespace Homelab.Dashboard.Simulator.Gluetun;

/// <summary>How gluetun's Go server writes its answers, and the payloads of the simulated control server.</summary>
internal static class GluetunSimWire
{
    /// <summary>
    /// gluetun encodes JSON without setting a content type, so Go sniffs one: its JSON arrives as text/plain. Clients
    /// must not insist on application/json, and the simulator keeps them honest.
    /// </summary>
    public const string SniffedContentType = "text/plain; charset=utf-8";

    private static readonly JsonSerializerOptions s_options = new() { WriteIndented = false };

    /// <summary>One JSON value and a newline, as Go's <c>json.Encoder</c> writes it.</summary>
    public static async Task JsonAsync(HttpContext context, JsonNode value, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = SniffedContentType;
        await context.Response.WriteAsync(value.ToJsonString(s_options) + "\n", context.RequestAborted);
    }

    /// <summary>Go's <c>http.Error</c>: the text and a newline, as plain text that must not be sniffed.</summary>
    public static async Task ErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = SniffedContentType;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        await context.Response.WriteAsync(message + "\n", context.RequestAborted);
    }

    /// <summary>Go's <c>http.Redirect</c> for a GET: the status, the location and a one-line HTML body.</summary>
    public static async Task RedirectAsync(HttpContext context, string location, int status = StatusCodes.Status301MovedPermanently)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.Location = location;
        await context.Response.WriteAsync($"<a href=\"{location}\">Moved Permanently</a>.\n\n", context.RequestAborted);
    }

    /// <summary>The status text gluetun uses (<c>internal/constants/status.go</c>).</summary>
    public static string StatusText(VpnState state) => state switch
    {
        VpnState.Starting => "starting",
        VpnState.Running => "running",
        VpnState.Stopping => "stopping",
        VpnState.Stopped => "stopped",
        VpnState.Crashed => "crashed",
        _ => "",
    };

    public static JsonObject Status(string status) => new() { ["status"] = status };

    /// <summary>
    /// <c>models.PublicIP</c>: every field but <c>public_ip</c> is <c>omitempty</c>, and gluetun clears the whole
    /// record while the tunnel is down, so a stopped tunnel reads <c>{"public_ip":""}</c>.
    /// </summary>
    public static JsonObject PublicIp(SimVpnView vpn)
    {
        var json = new JsonObject { ["public_ip"] = vpn.PublicIp };
        if (vpn.PublicIp.Length == 0)
        {
            return json;
        }

        // Field order as in the Go struct.
        AddIfSet(json, "region", vpn.Region);
        AddIfSet(json, "country", vpn.Country);
        AddIfSet(json, "city", vpn.City);
        AddIfSet(json, "hostname", vpn.Hostname);
        AddIfSet(json, "location", vpn.Location);
        AddIfSet(json, "organization", vpn.Organization);
        AddIfSet(json, "timezone", vpn.Timezone);
        return json;
    }

    /// <summary>What <c>PUT /v1/vpn/status</c> answers: the state reached, or <c>already ...</c>.</summary>
    public static JsonObject Outcome(string outcome) => new() { ["outcome"] = outcome };

    /// <summary><c>{"port":51413}</c>; 0 when nothing is forwarded.</summary>
    public static JsonObject PortForward(SimVpnView vpn) => new() { ["port"] = vpn.ForwardedPort };

    /// <summary>
    /// Reads <c>PUT /v1/vpn/status</c>'s body as gluetun's decoder does: <c>{"status":"running"}</c> or
    /// <c>{"status":"stopped"}</c>; anything else gives the error text gluetun would answer with (400).
    /// </summary>
    public static (bool? Running, string? Error) ReadStatusRequest(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, "EOF");
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return (null, "invalid character in JSON body");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, $"json: cannot unmarshal {GoKind(root.ValueKind)} into Go value of type server.statusWrapper");
        }

        var status = "";
        if (root.TryGetProperty("status", out var value) && value.ValueKind != JsonValueKind.Null)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                return (null, $"json: cannot unmarshal {GoKind(value.ValueKind)} into Go struct field statusWrapper.status of type string");
            }

            status = value.GetString() ?? "";
        }

        return status switch
        {
            "running" => (true, null),
            "stopped" => (false, null),
            _ => (null, $"invalid status: {status}: possible values are: stopped, running"),
        };
    }

    private static void AddIfSet(JsonObject json, string name, string value)
    {
        if (value.Length > 0)
        {
            json[name] = value;
        }
    }

    private static string GoKind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "null",
    };

    /// <summary>The request body as text, up to a cap; null when it is larger.</summary>
    public static Task<string?> ReadBodyAsync(HttpRequest request) => SimulatorBody.ReadAsync(request, 64 * 1024);
}
