using Homelab.Dashboard.Api;
using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Embed;
using Homelab.Dashboard.Embed.Tokens;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

// In the root namespace so the composition root calls it without another using, as it does the other AddHomelabX.
namespace Homelab.Dashboard;

/// <summary>
/// The read-only surfaces for other dashboards: <c>/embed/*</c> pages for Homepage's iframe widget and
/// <c>/api/homepage/*</c> JSON for its customapi widget, both opened by embed tokens an admin creates.
/// </summary>
internal static class EmbedExtensions
{
    public const string PathPrefix = "/embed";

    public static IHostApplicationBuilder AddHomelabEmbeds(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<HomelabOptions>, ValidateEmbedOptions>();
        services.AddSingleton<EmbedTokenStore>();
        services.AddSingleton<EmbedTokenThrottle>();
        services.AddSingleton<EmbedFragmentRenderer>();
        services.AddSingleton<EmbedFeeds>();
        services.AddHostedService(sp => sp.GetRequiredService<EmbedFeeds>());

        // Two schemes with one handler: embeds also admit the signed-in viewer; the API wants a token, full stop.
        services.AddAuthentication()
            .AddScheme<EmbedTokenAuthenticationOptions, EmbedTokenAuthenticationHandler>(EmbedTokenAuthenticationHandler.EmbedScheme, o => o.FallBackToSignIn = true)
            .AddScheme<EmbedTokenAuthenticationOptions, EmbedTokenAuthenticationHandler>(EmbedTokenAuthenticationHandler.ApiScheme, o => o.FallBackToSignIn = false);
        services.AddSingleton<IAuthorizationHandler, EmbedAccessHandler>();
        services.AddAuthorization(options =>
        {
            foreach (var view in EmbedScopes.Views)
            {
                options.AddPolicy(view.Policy(), p => p
                    .AddAuthenticationSchemes(EmbedTokenAuthenticationHandler.EmbedScheme)
                    .RequireAuthenticatedUser()
                    .AddRequirements(new EmbedAccessRequirement(view, AllowViewers: true)));
            }

            options.AddPolicy(EmbedScope.HomepageApi.Policy(), p => p
                .AddAuthenticationSchemes(EmbedTokenAuthenticationHandler.ApiScheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new EmbedAccessRequirement(EmbedScope.HomepageApi, AllowViewers: false)));
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapHomelabEmbeds(this IEndpointRouteBuilder endpoints)
    {
        foreach (var view in EmbedScopes.Views)
        {
            var path = $"{PathPrefix}/{view.Name()}";
            endpoints.MapGet(path, async (HttpContext http, EmbedFeeds feeds) =>
                {
                    var fragment = await feeds.CurrentAsync(view, http.RequestAborted);
                    http.Response.Headers.CacheControl = "no-store";
                    return Results.Content(EmbedPage.Build(fragment, EmbedLook.From(http.Request.Query)), "text/html; charset=utf-8");
                })
                .RequireAuthorization(view.Policy())
                .WithMetadata(EmbedAssets.Framing)
                .ExcludeFromDescription();
            endpoints.MapGet($"{path}/events", (HttpContext http, EmbedFeeds feeds, TimeProvider time) =>
                    TypedResults.ServerSentEvents(EmbedEventStream.Events(token => feeds.SubscribeAsync(view, token), time, http.RequestAborted)))
                .RequireAuthorization(view.Policy())
                .ExcludeFromDescription();
        }

        endpoints.MapHomelabHomepageApi();
        return endpoints;
    }
}
