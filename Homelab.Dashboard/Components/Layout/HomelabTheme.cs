using MudBlazor;

namespace Homelab.Dashboard.Components.Layout;

/// <summary>The dashboard's colours: dark by default, with a light variant.</summary>
internal static class HomelabTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteDark = new PaletteDark
        {
            Primary = "#7e6fff",
            Secondary = "#22c55e",
            Background = "#13131a",
            Surface = "#1c1c26",
            AppbarBackground = "#1c1c26",
            DrawerBackground = "#17171f",

            // The default scrim is invisible on a dark page; a confirmation must clearly sit above everything.
            OverlayDark = "rgba(0,0,0,0.6)",
        },
        PaletteLight = new PaletteLight
        {
            Primary = "#5b4cdb",
            Secondary = "#16a34a",
        },
    };
}
