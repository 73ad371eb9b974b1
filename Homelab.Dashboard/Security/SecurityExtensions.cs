using Homelab.Dashboard.Configuration;
using Microsoft.AspNetCore.Authentication;

// In the root namespace so the composition root calls it without another using, as it does the other AddHomelabX.
namespace Homelab.Dashboard;

/// <summary>Sign-in and roles: one authentication scheme per <c>Homelab:Auth:Mode</c>, and one policy per role.</summary>
internal static class SecurityExtensions
{
    public static IHostApplicationBuilder AddHomelabAuth(this IHostApplicationBuilder builder)
    {
        var mode = builder.Configuration.GetValue<AuthMode?>($"{HomelabOptions.SectionName}:Auth:Mode") ?? AuthMode.None;
        var authentication = builder.Services.AddAuthentication(mode switch
        {
            _ => Security.DemoAuthenticationHandler.SchemeName,
        });
        authentication.AddScheme<AuthenticationSchemeOptions, Security.DemoAuthenticationHandler>(Security.DemoAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization(Security.HomelabPolicies.Add);
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHttpContextAccessor();
        return builder;
    }

    /// <summary>Between routing and the endpoints: who is calling, then whether they may.</summary>
    public static WebApplication UseHomelabAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
