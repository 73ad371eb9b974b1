using System.Security.Claims;
using Homelab.Domain.Actions;
using Homelab.Domain.Common;

namespace Homelab.Dashboard.Security;

/// <summary>Builds the signed-in principal every sign-in mode produces, and reads it back as an <see cref="Actor"/>.</summary>
internal static class HomelabPrincipal
{
    /// <summary>The claim that carries a friendly display name beside the user name.</summary>
    public const string DisplayNameClaim = "homelab:display_name";

    public static ClaimsPrincipal Create(string scheme, string name, IEnumerable<string> roles, string? displayName = null, string? email = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name) };
        claims.AddRange(roles.Select(HomelabRoles.Normalize).OfType<string>().Distinct(StringComparer.Ordinal).Select(r => new Claim(ClaimTypes.Role, r)));
        if (!string.IsNullOrWhiteSpace(displayName))
        {
            claims.Add(new Claim(DisplayNameClaim, displayName));
        }

        if (!string.IsNullOrWhiteSpace(email))
        {
            claims.Add(new Claim(ClaimTypes.Email, email));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The caller behind <paramref name="user"/>, with its roles; an anonymous user has none.</summary>
    public static Actor ToActor(ClaimsPrincipal? user, ActionVia via)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return new Actor("anonymous", via);
        }

        var roles = HomelabPolicies.Roles(user).Select(HomelabRoles.Normalize).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return new Actor(user.Identity.Name ?? "unknown", via, new EquatableArray<string>(roles));
    }

    /// <summary>What the app bar shows: the display name when there is one.</summary>
    public static string DisplayName(ClaimsPrincipal user) =>
        user.FindFirst(DisplayNameClaim)?.Value ?? user.Identity?.Name ?? "anonymous";
}
