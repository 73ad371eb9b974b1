using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Embed;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Security.Headers;

/// <summary>Marks an endpoint that configured origins may frame, and carries the hashes of its inline script and style.</summary>
internal sealed record FrameableByAllowedOrigins(string ScriptHash, string StyleHash);

/// <summary>
/// Sets the security headers on every response: CSP (with <c>frame-ancestors</c> instead of X-Frame-Options, which
/// cannot list origins), nosniff, no referrer (embed tokens travel in URLs), and a minimal Permissions-Policy.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptionsMonitor<HomelabOptions> options)
{
    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    // The import map is the same for every request of one build; hash it once per definition.
    private (ImportMapDefinition? Definition, string[] Hashes) _importMap = (null, []);

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        var endpoint = context.GetEndpoint();
        headers.ContentSecurityPolicy = endpoint?.Metadata.GetMetadata<FrameableByAllowedOrigins>() is { } embed
            ? ContentSecurityPolicy.ForEmbed(embed.ScriptHash, embed.StyleHash, EmbedOrigins.Normalize(options.CurrentValue.Embed.AllowedOrigins))
            : ContentSecurityPolicy.ForApp(ImportMapHashes(endpoint?.Metadata.GetMetadata<ImportMapDefinition>()));
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    }

    private string[] ImportMapHashes(ImportMapDefinition? definition)
    {
        if (definition is null)
        {
            return [];
        }

        var cached = _importMap;
        if (ReferenceEquals(cached.Definition, definition))
        {
            return cached.Hashes;
        }

        // <ImportMap /> writes the definition's JSON (its ToString) as the script's raw text; the browser hashes exactly that.
        string[] hashes = [ContentSecurityPolicy.Hash(definition.ToString())];
        _importMap = (definition, hashes);
        return hashes;
    }
}
