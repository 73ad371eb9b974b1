using System.Security.Cryptography;
using System.Text;

namespace Homelab.Dashboard.Security.Headers;

/// <summary>Builds the Content-Security-Policy values: one for the app, one for the embeds.</summary>
internal static class ContentSecurityPolicy
{
    /// <summary>
    /// The app: Blazor Server and MudBlazor from our own origin. The only inline script is the import map, allowed by
    /// its hash; MudBlazor sets inline styles, so styles keep <c>'unsafe-inline'</c> (styles cannot run code).
    /// </summary>
    public static string ForApp(IEnumerable<string> inlineScriptHashes) => Join(
        "default-src 'self'",
        "script-src " + string.Join(' ', ["'self'", .. inlineScriptHashes.Select(Source)]),
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'", // The circuit's WebSocket to the same origin counts as 'self'.
        "frame-ancestors 'self'",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'");

    /// <summary>
    /// An embed: one inline script and one inline style, each allowed by hash, an event stream to our origin, and
    /// framing by <paramref name="frameAncestors"/> (normalised origins) besides ourselves.
    /// </summary>
    public static string ForEmbed(string scriptHash, string styleHash, IEnumerable<string> frameAncestors) => Join(
        "default-src 'none'",
        $"script-src {Source(scriptHash)}",
        $"style-src {Source(styleHash)}",
        "img-src 'self' data:",
        "connect-src 'self'",
        "frame-ancestors " + string.Join(' ', ["'self'", .. frameAncestors]),
        "base-uri 'none'",
        "form-action 'none'");

    /// <summary>The base64 SHA-256 of an inline element's exact text, as CSP hash sources compare it.</summary>
    public static string Hash(string inlineText) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inlineText)));

    private static string Source(string hash) => $"'sha256-{hash}'";

    private static string Join(params string[] directives) => string.Join("; ", directives);
}
