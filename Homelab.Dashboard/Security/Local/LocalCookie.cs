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
        var accounts = context.HttpContext.RequestServices.GetRequiredService<LocalAccounts>();
        if (context.Principal is null || !await StillStandsAsync(accounts, context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <summary>
    /// Whether <paramref name="principal"/>'s stamp is still its account's and the account may still see the homelab:
    /// the one check for a cookie on each request and for a page already open (<see cref="LocalSessionState"/>).
    /// </summary>
    public static async Task<bool> StillStandsAsync(LocalAccounts accounts, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var name = principal.Identity?.Name;
        var role = name is null ? null : await accounts.CurrentRoleAsync(name, principal.FindFirst(StampClaim)?.Value, cancellationToken);
        return role is not null && HomelabRoles.Satisfies([role], HomelabRoles.Viewer);
    }
}
