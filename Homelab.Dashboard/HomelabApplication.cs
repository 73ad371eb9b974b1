using System.Text.Json.Serialization;
using Homelab.Dashboard.Actions;
using Homelab.Dashboard.Adapters;
using Homelab.Dashboard.Api;
using Homelab.Dashboard.Components;
using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Hubs;
using Homelab.Dashboard.Live;
using Homelab.Dashboard.Persistence;
using Homelab.Dashboard.Security;
using Homelab.Dashboard.Simulator;
using Homelab.Dashboard.Simulator.State;
using Homelab.Domain.Live;
using Homelab.Domain.Ports;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Homelab.Dashboard;

/// <summary>The composition root: everything <c>Program.cs</c> wires, as <c>AddX</c>/<c>MapX</c> extensions.</summary>
internal static class HomelabApplication
{
    /// <summary>Registers the whole dashboard. Services tests replace are registered with <c>TryAdd</c>.</summary>
    public static IHostApplicationBuilder AddHomelab(this IHostApplicationBuilder builder)
    {
        builder.AddHomelabOptions();
        builder.AddHomelabPersistence();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddHomelabSimulator();
        builder.AddHomelabLiveState();
        builder.AddHomelabAuth();
        builder.AddHomelabSecurityHeaders();
        builder.AddHomelabEmbeds();
        builder.AddHomelabActions();
        builder.AddHomelabAgent();
        builder.AddHomelabUi();
        builder.Services.AddHomelabHealthChecks();
        return builder;
    }

    /// <summary>Order matters: hosted services start in registration order, and collectors need the simulator's ports.</summary>
    public static IHostApplicationBuilder AddHomelabSimulator(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SimulatedHomelab>();
        builder.Services.AddSingleton<SimulatorHost>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SimulatorHost>());
        return builder;
    }

    public static IHostApplicationBuilder AddHomelabLiveState(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LiveHomelabStore>();
        builder.Services.AddSingleton<ILiveHomelab>(sp => sp.GetRequiredService<LiveHomelabStore>());
        builder.Services.AddSingleton<SourceCatalog>();
        builder.Services.AddSingleton<SourceRegistry>();
        builder.Services.TryAddSingleton<ISourceAdapterFactory, SourceAdapterFactory>();
        builder.Services.AddHostedService<CollectorHost>();
        builder.Services.AddHostedService<SourceHealthMonitor>();
        builder.Services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddHostedService<HubBroadcaster>();
        return builder;
    }

    public static IHostApplicationBuilder AddHomelabActions(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<IActionAuthorizer, DefaultActionAuthorizer>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IActionExecutor, GuestPowerExecutor>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IActionExecutor, ContainerCommandExecutor>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IActionExecutor, TorrentCommandExecutor>());
        builder.Services.AddSingleton<ActionService>();
        builder.Services.TryAddScoped<ICurrentActor, SignedInActor>();
        return builder;
    }

    public static WebApplication MapHomelab(this WebApplication app)
    {
        app.UseHomelabForwardedProto();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseHomelabSecurityHeaders();
        app.UseHomelabAuth();
        app.UseAntiforgery();

        // Static assets are the same for everyone and the sign-in page needs them before anyone has signed in.
        app.MapStaticAssets().AllowAnonymous();
        app.MapHomelabHealth();
        app.MapHomelabAgentApi();
        app.MapHomelabAuditExport();
        app.MapHomelabEmbeds();
        app.MapHub<HomelabHub>(HomelabHub.Path);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
