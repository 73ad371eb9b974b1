using System.Text.Json;
using Homelab.Dashboard.Adapters.Http;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Adapters.Proxmox;

/// <summary>Turns Proxmox's error answers into messages people can act on.</summary>
/// <remarks>
/// pveproxy puts the message in the HTTP reason phrase (<c>500 VM 100 not running</c>) and in the body as
/// <c>{"data":null,"message":"...\n"}</c>; parameter errors (400) add <c>"errors":{"param":"why"}</c>.
/// </remarks>
internal static class ProxmoxErrors
{
    /// <summary>What a 401 says, whatever Proxmox's own text was: the fix is always in the configuration.</summary>
    public const string AuthenticationFailed = "authentication failed: check Homelab:Proxmox:TokenId and TokenSecret";

    public static SourceError FromResponse(int status, string? reasonPhrase, string? body)
    {
        var (message, errors) = ReadEnvelope(body);
        var text = message ?? (string.IsNullOrWhiteSpace(reasonPhrase) ? $"HTTP {status}" : reasonPhrase.Trim());
        if (errors.Count > 0)
        {
            text += $" ({string.Join("; ", errors)})";
        }

        return status switch
        {
            // Proxmox's reason ("invalid token value!", "no such token ...") tells which half is wrong; it never
            // contains the secret itself.
            401 => UpstreamFailures.FromStatus(status, $"{AuthenticationFailed} (Proxmox: {text})"),
            403 => UpstreamFailures.FromStatus(status, $"permission denied: {text}"),
            595 or 596 or 599 => UpstreamFailures.FromStatus(status, $"a cluster node could not be reached: {text}"),
            _ => UpstreamFailures.FromStatus(status, text),
        };
    }

    /// <summary>A hint for an answer that is not Proxmox JSON.</summary>
    public static SourceError NotJson(string body) => UpstreamFailures.InvalidResponse(
        body.TrimStart().StartsWith('<')
            ? "the answer is an HTML page, not JSON: is a reverse proxy or login page in front of Proxmox?"
            : "the answer is not valid JSON (cut off or garbled)");

    private static (string? Message, List<string> Errors) ReadEnvelope(string? body)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, errors);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.Object("errors") is { } fields)
            {
                foreach (var field in fields.EnumerateObject())
                {
                    var why = field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString() : field.Value.GetRawText();
                    errors.Add($"{field.Name}: {why?.Trim()}");
                }
            }

            var message = root.String("message")?.Trim();
            return (string.IsNullOrEmpty(message) ? null : message, errors);
        }
        catch (JsonException)
        {
            // An HTML error page from a proxy: the reason phrase is all there is.
            return (null, errors);
        }
    }
}
