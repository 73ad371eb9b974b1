using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Security;
using Homelab.Dashboard.Security.Local;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

// In the root namespace so the composition root calls it without another using, as it does the other AddHomelabX.
namespace Homelab.Dashboard;

/// <summary>Sign-in and roles: one authentication scheme per <c>Homelab:Auth:Mode</c>, and one policy per role.</summary>
internal static class SecurityExtensions
{
    /// <summary>Where the sign-out form posts.</summary>
    public const string SignOutPath = "/signout";

    /// <summary>The static-SSR sign-in page of Local mode.</summary>
    public const string SignInPath = "/signin";

    public static IHostApplicationBuilder AddHomelabAuth(this IHostApplicationBuilder builder)
    {
        // Read as plain text: a malformed value is reported by the options validator, and None is the safe-to-start default.
        var mode = Enum.TryParse<AuthMode>(builder.Configuration[$"{HomelabOptions.SectionName}:Auth:Mode"], ignoreCase: true, out var parsed) ? parsed : AuthMode.None;
        var services = builder.Services;
        _ = mode switch
        {
            AuthMode.ForwardAuth => services.AddAuthentication(ForwardAuthHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, ForwardAuthHandler>(ForwardAuthHandler.SchemeName, null),
            AuthMode.Local => services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddHomelabCookie(mode),
            AuthMode.Oidc => services.AddAuthentication(o =>
                {
                    o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                    o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
                }).AddHomelabCookie(mode).AddHomelabOidc(),
            _ => services.AddAuthentication(DemoAuthenticationHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, DemoAuthenticationHandler>(DemoAuthenticationHandler.SchemeName, null),
        };

        services.AddAuthorization(HomelabPolicies.Add);
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddSingleton(new PasswordHasher());
        services.AddSingleton<TotpCodes>();
        services.AddSingleton<LocalAccounts>();
        if (mode == AuthMode.Local)
        {
            // Before the Razor components' own (TryAdd) registration, so open pages follow account changes.
            services.AddScoped<AuthenticationStateProvider, LocalSessionState>();
        }

        services.AddSingleton(new SignInMode(mode));
        services.AddHostedService<AuthStartupChecks>();
        return builder;
    }

    /// <summary>Between routing and the endpoints: who is calling, then whether they may; and the sign-out endpoint.</summary>
    public static WebApplication UseHomelabAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        // Anonymous so an expired sign-in can still sign out; SignOutAsync checks the antiforgery token itself.
        app.MapPost(SignOutPath, SignOutAsync).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static AuthenticationBuilder AddHomelabCookie(this AuthenticationBuilder authentication, AuthMode mode)
    {
        authentication.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptionsMonitor<HomelabOptions>>((o, homelab) => o.ExpireTimeSpan = homelab.CurrentValue.Auth.Local.SessionIdleTimeout);
        return authentication.AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
        {
            o.Cookie.Name = "homelab.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.LoginPath = SignInPath;
            o.LogoutPath = SignOutPath;
            o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            // No access-denied page to redirect to: a browser is told "not allowed" in place, a script gets the bare 403.
            o.Events.OnRedirectToAccessDenied = context => SignInResponses.ForbidAsync(context.Response);
            if (mode == AuthMode.Local)
            {
                o.Events.OnValidatePrincipal = LocalCookie.ValidateAsync;
            }
        });
    }

    private static AuthenticationBuilder AddHomelabOidc(this AuthenticationBuilder authentication)
    {
        authentication.AddOpenIdConnect();

        // Configured from the validated options once the container is built, rather than from raw configuration here.
        authentication.Services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
            .Configure<IOptionsMonitor<HomelabOptions>>((o, homelab) => OidcSetup.Configure(o, homelab.CurrentValue.Auth));
        return authentication;
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (SignInResponses.WantsHtml(context.Request))
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            context.Response.StatusCode = status;
        }

        return Task.CompletedTask;
    }

    // Antiforgery is checked here rather than by form binding: the form has nothing else to bind.
    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery, SignInMode signIn)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest("A valid antiforgery token was not provided with the sign-out.");
        }

        if (signIn.UsesCookie)
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }

        return Results.Redirect(signIn.Mode == AuthMode.Local ? SignInPath : "/");
    }
}
