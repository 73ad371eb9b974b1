using MudBlazor;

namespace Homelab.Dashboard.Components.Layout;

/// <summary>The dashboard's colours: dark by default, with a light variant.</summary>
internal static class HomelabTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteDark = new PaletteDark
        {
            // Lighter than the brand purple (#7e6fff, still the icon's), with dark text on filled buttons: primary is
            // also used as text on the dark surfaces, where the brand purple falls short of WCAG AA contrast (axe).
            Primary = "#a398ff",
            PrimaryContrastText = "#13131a",
            // Material's red 300: error text on a tinted chip keeps 4.5:1 on the dark surface.
            Error = "#ff8a80",
            ErrorContrastText = "#13131a",
            // Amber and green fills are light: white on them is unreadable (axe: 1.9:1), dark text is not.
            WarningContrastText = "#13131a",
            SuccessContrastText = "#13131a",
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
            WarningContrastText = "#13131a",
            Secondary = "#16a34a",
        },
    };
}
