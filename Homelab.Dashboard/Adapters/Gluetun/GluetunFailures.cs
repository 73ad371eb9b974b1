using Homelab.Dashboard.Adapters.Http;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Adapters.Gluetun;

/// <summary>Turns the control server's answers into <see cref="SourceError"/>s that say what to change.</summary>
internal static class GluetunFailures
{
    private const int MaxShownText = 160;

    private const string RoleHint =
        "give that key a role for the route in gluetun: HTTP_CONTROL_SERVER_AUTH_DEFAULT_ROLE='{\"auth\":\"apikey\",\"apikey\":\"<the key>\"}' "
        + "on the gluetun container, or a [[roles]] entry with auth = \"apikey\" in /gluetun/auth/config.toml";

    /// <summary>
    /// A route the server does not have: 404 from current releases; old releases answer an unknown route with 400 and
    /// "GET /vpn/status not found" or "route ... not supported".
    /// </summary>
    public static bool IsMissingRoute(int status, string? body) =>
        status == 404
        || (status == 400 && body is not null
            && (body.Contains("not found", StringComparison.OrdinalIgnoreCase) || body.Contains("not supported", StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// A 401: gluetun makes every route private unless a role covers it. Names the setting that holds the key and
    /// where gluetun's roles are configured, never the key itself.
    /// </summary>
    /// <param name="keySetting">The dashboard setting the key comes from, e.g. <c>Homelab:Gluetun:ApiKey</c>.</param>
    /// <param name="basicChallenge">The answer asked for HTTP basic credentials (the route's role uses <c>basic</c>).</param>
    public static SourceError Unauthorized(string route, bool keyConfigured, string keySetting, bool basicChallenge)
    {
        var message = keyConfigured
            ? $"gluetun refused the API key from {keySetting} for GET {route} (HTTP 401): check the key, and {RoleHint}."
            : $"gluetun requires authentication for GET {route} (HTTP 401) and no API key is configured: set {keySetting}, and {RoleHint}.";
        if (basicChallenge)
        {
            message += " This route's role asks for HTTP basic credentials, which the dashboard does not send: make it an apikey role.";
        }

        return UpstreamFailures.FromStatus(401, message);
    }

    /// <summary>Any other error status, with the server's own short text.</summary>
    public static SourceError FromStatus(string route, int status, string? body)
    {
        var text = ShortText(body);
        return UpstreamFailures.FromStatus(status, text is null ? $"GET {route} answered HTTP {status}" : $"GET {route} answered HTTP {status}: {text}");
    }

    /// <summary>A redirect the adapter does not follow (to another server, or back to a route already tried).</summary>
    public static SourceError Redirected(string route, int status, Uri? target) => UpstreamFailures.InvalidResponse(
        $"GET {route} redirected (HTTP {status}) to {target?.ToString() ?? "nowhere"}: is a reverse proxy or login page in front of gluetun's control server?");

    /// <summary>A 2xx answer that is not a JSON object.</summary>
    public static SourceError NotJson(string route, string body) => UpstreamFailures.InvalidResponse(
        body.TrimStart().StartsWith('<')
            ? $"GET {route} answered with an HTML page, not JSON: is a reverse proxy or login page in front of gluetun's control server?"
            : $"GET {route} answered {(ShortText(body) is { } text ? $"'{text}'" : "an empty body")} instead of a JSON object: is this gluetun's control server (port 8000)?");

    private static string? ShortText(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        var text = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= MaxShownText ? text : text[..MaxShownText] + "…";
    }
}
