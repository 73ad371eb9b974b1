using System.Security.Claims;
using Homelab.Domain.Actions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Homelab.Dashboard.Security.Local;

/// <summary>The sign-in cookie of a local account: what it carries, and the check that it still stands.</summary>
internal static class LocalCookie
{
    /// <summary>The account's security stamp when the cookie was issued.</summary>
    public const string StampClaim = "homelab:stamp";

    public static ClaimsPrincipal Principal(LocalSignIn signIn)
    {
        var principal = HomelabPrincipal.Create(CookieAuthenticationDefaults.AuthenticationScheme, signIn.UserName, [signIn.Role]);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(StampClaim, signIn.SecurityStamp));
        return principal;
    }

    /// <summary>
    /// Rejects the cookie once its account is deleted, or its password, role or TOTP changed (the stamp moved on), so
    /// a reset or a demotion takes effect on the next request rather than when the cookie expires.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var stamp = context.Principal?.FindFirst(StampClaim)?.Value;
        var accounts = context.HttpContext.RequestServices.GetRequiredService<LocalAccounts>();
        var role = name is null ? null : await accounts.CurrentRoleAsync(name, stamp, context.HttpContext.RequestAborted);
        if (role is null || !HomelabRoles.Satisfies([role], HomelabRoles.Viewer))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
