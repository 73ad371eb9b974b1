using MudBlazor.Services;

namespace Homelab.Dashboard.Components;

internal static class UiExtensions
{
    /// <summary>Blazor Server with MudBlazor, and the services pages share.</summary>
    public static IHostApplicationBuilder AddHomelabUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(o =>
        {
            // Phones drop connections when they sleep; keep their circuit a while, but not forever.
            o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
            o.DisconnectedCircuitMaxRetained = 50;
        });
        builder.Services.AddMudServices(o =>
        {
            // Bottom right: results should not cover the app bar's sources chip or the page title.
            o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight;
            o.SnackbarConfiguration.VisibleStateDuration = 6_000;
        });
        builder.Services.AddSingleton<Model.UiClock>();

        // Per circuit: which actions this browser is running and how its last ones ended.
        builder.Services.AddScoped<Model.ActionRunner>();
        return builder;
    }
}
