using System.Text.Encodings.Web;
using Homelab.Dashboard.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Security;

/// <summary>
/// <c>Homelab:Auth:Mode</c> None: every request is the configured demo user with the configured role, so the demo
/// runs with no sign-in while every permission check still runs exactly as it would for a signed-in person.
/// </summary>
internal sealed class DemoAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    IOptionsMonitor<HomelabOptions> homelab,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "Demo";

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => SignInResponses.ForbidAsync(Response);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var auth = homelab.CurrentValue.Auth;
        var principal = HomelabPrincipal.Create(SchemeName, auth.DemoUser, [auth.DemoRole]);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
