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

    // Static files and APIs have no import map: one policy for all of them.
    private static readonly string s_appPolicyWithoutImportMap = ContentSecurityPolicy.ForApp([]);

    // The import map is the same for every request of one build; hash it, and build its policy, once per definition.
    private (ImportMapDefinition? Definition, string Policy) _importMap = (null, s_appPolicyWithoutImportMap);

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        var endpoint = context.GetEndpoint();
        headers.ContentSecurityPolicy = endpoint?.Metadata.GetMetadata<FrameableByAllowedOrigins>() is { } embed
            ? ContentSecurityPolicy.ForEmbed(embed.ScriptHash, embed.StyleHash, EmbedOrigins.Normalize(options.CurrentValue.Embed.AllowedOrigins))
            : AppPolicy(endpoint?.Metadata.GetMetadata<ImportMapDefinition>());
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    }

    private string AppPolicy(ImportMapDefinition? definition)
    {
        if (definition is null)
        {
            return s_appPolicyWithoutImportMap;
        }

        var cached = _importMap;
        if (ReferenceEquals(cached.Definition, definition))
        {
            return cached.Policy;
        }

        // <ImportMap /> writes the definition's JSON (its ToString) as the script's raw text; the browser hashes exactly that.
        var policy = ContentSecurityPolicy.ForApp([ContentSecurityPolicy.Hash(definition.ToString())]);
        _importMap = (definition, policy);
        return policy;
    }
}
