using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Homelab.Dashboard.Components.Layout;

public partial class MainLayout
{
    private bool _drawerOpen = true;
    private bool _darkMode = true;

    [CascadingParameter(Name = "InitialDarkMode")]
    public bool InitialDarkMode { get; set; } = true;

    [Inject]
    public required IJSRuntime JS { get; init; }

    protected override void OnInitialized() => _darkMode = InitialDarkMode;

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    private async Task ToggleThemeAsync()
    {
        _darkMode = !_darkMode;
        await JS.InvokeVoidAsync("homelab.setTheme", _darkMode ? "dark" : "light");
    }
}
