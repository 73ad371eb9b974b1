using System.Net;
using Homelab.Dashboard.Adapters.Http;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Adapters.Docker;

/// <summary>Turns the Engine API's error answers, and those of a socket proxy in front of it, into <see cref="SourceError"/>s.</summary>
internal static class DockerFailures
{
    /// <summary>Error bodies are short JSON; a proxy's HTML page is cut to this much for the message.</summary>
    private const int MaxShownText = 200;

    /// <summary>
    /// The error for a non-success answer to <paramref name="method"/> <paramref name="path"/> (the path without
    /// the version prefix), with Docker's own <c>message</c> when there is one.
    /// </summary>
    public static SourceError FromResponse(HttpStatusCode status, string? reason, string? body, string method, string path)
    {
        var code = (int)status;
        var dockerMessage = DockerWire.ErrorMessage(body);
        if (code == 403 && dockerMessage is null)
        {
            // The daemon has no permissions of its own (an authorization plugin would answer in JSON); a bare 403
            // comes from a socket proxy that filters by method and path section.
            return new SourceError(SourceErrorKind.Forbidden, $"the Docker socket proxy does not allow {method} /{path}{ProxyHint(method, path)}", code);
        }

        var message = dockerMessage ?? ShortText(body) ?? (string.IsNullOrWhiteSpace(reason) ? $"HTTP {code}" : reason);
        return UpstreamFailures.FromStatus(code, message);
    }

    /// <summary>True for the daemon's "client version 1.xx is too old/new" refusal, which a fresh negotiation can fix.</summary>
    public static bool IsVersionRejection(SourceError error) =>
        error is { Kind: SourceErrorKind.BadRequest } && error.Message.Contains("client version", StringComparison.OrdinalIgnoreCase);

    /// <summary>Which docker-socket-proxy switch opens the section of <paramref name="path"/>.</summary>
    internal static string ProxyHint(string method, string path)
    {
        var section = path.TrimStart('/').Split('/', '?')[0];
        var variable = section switch
        {
            "_ping" => "PING",
            "version" => "VERSION",
            "info" => "INFO",
            "events" => "EVENTS",
            "containers" => "CONTAINERS",
            _ => null,
        };
        if (variable is null)
        {
            return "";
        }

        return method == "GET"
            ? $" (with docker-socket-proxy, set {variable}=1)"
            : $" (with docker-socket-proxy, set {variable}=1 and POST=1)";
    }

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
