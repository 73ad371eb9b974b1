using Homelab.Dashboard.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Homelab.Dashboard.Security;

/// <summary>The OpenID Connect client of <c>Homelab:Auth:Mode</c> Oidc: authorization code with PKCE, then our own cookie.</summary>
internal static class OidcSetup
{
    public static void Configure(OpenIdConnectOptions o, AuthOptions auth)
    {
        var oidc = auth.Oidc;
        o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        o.Authority = oidc.Authority;
        o.ClientId = oidc.ClientId;
        o.ClientSecret = oidc.ClientSecret;
        o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        o.ResponseType = "code";
        o.UsePkce = true;
        o.SaveTokens = false;
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = true;
        o.Scope.Clear();
        foreach (var scope in oidc.EffectiveScopes)
        {
            o.Scope.Add(scope);
        }

        // Userinfo often carries the groups the ID token leaves out; keep them (JSON arrays become one claim each).
        o.ClaimActions.MapJsonKey(oidc.RoleClaim, oidc.RoleClaim);
        o.ClaimActions.MapJsonKey("name", "name");
        o.ClaimActions.MapJsonKey("email", "email");
        o.ClaimActions.MapJsonKey(oidc.NameClaim, oidc.NameClaim);
        o.TokenValidationParameters.NameClaimType = oidc.NameClaim;
        o.TokenValidationParameters.RoleClaimType = oidc.RoleClaim;

        o.Events.OnRedirectToIdentityProvider = context =>
        {
            // SignalR and scripts cannot follow a redirect to a login page; they get a plain 401.
            if (!SignInResponses.WantsHtml(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.HandleResponse();
            }

            return Task.CompletedTask;
        };

        // Mapped once everything about the person is known (after userinfo, which comes after OnTokenValidated), so
        // the cookie holds our principal: name, display name, email and the roles from Homelab:Auth:GroupRoles.
        o.Events.OnTicketReceived = context =>
        {
            if (context.Principal is { } external)
            {
                context.Principal = OidcPrincipal.From(external, auth, CookieAuthenticationDefaults.AuthenticationScheme);
            }

            return Task.CompletedTask;
        };
    }
}
