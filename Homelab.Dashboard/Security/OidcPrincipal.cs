using System.Security.Claims;
using System.Text.Json;
using Homelab.Dashboard.Configuration;

namespace Homelab.Dashboard.Security;

/// <summary>Turns the provider's claims into our principal: its name claim, and its group claim mapped to roles.</summary>
internal static class OidcPrincipal
{
    public static ClaimsPrincipal From(ClaimsPrincipal external, AuthOptions auth, string scheme)
    {
        var oidc = auth.Oidc;
        var name = external.FindFirst(oidc.NameClaim)?.Value
            ?? external.FindFirst("sub")?.Value
            ?? external.FindFirst(ClaimTypes.NameIdentifier)?.Value
            ?? "unknown";
        var groups = external.FindAll(oidc.RoleClaim).SelectMany(c => Values(c.Value));
        return HomelabPrincipal.Create(
            scheme,
            name,
            GroupRoleMap.Roles(groups, auth),
            displayName: external.FindFirst("name")?.Value,
            email: external.FindFirst("email")?.Value);
    }

    // Providers send groups as one claim per group, or (from userinfo) as a JSON array in a single claim.
    private static string[] Values(string value)
    {
        if (!value.StartsWith('['))
        {
            return [value];
        }

        try
        {
            return JsonSerializer.Deserialize<string[]>(value) ?? [];
        }
        catch (JsonException)
        {
            return [value];
        }
    }
}
