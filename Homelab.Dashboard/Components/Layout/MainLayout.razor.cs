using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Homelab.Dashboard.Components.Layout;

public partial class MainLayout
{
    private bool _drawerOpen = true;
    private bool _darkMode = true;
    private bool _interactive;
    private bool _chatOpen;
    private bool _chatUsed;

    [CascadingParameter(Name = "InitialDarkMode")]
    public bool InitialDarkMode { get; set; } = true;

    [Inject]
    public required IJSRuntime JS { get; init; }

    protected override void OnInitialized() => _darkMode = InitialDarkMode;

    protected override void OnAfterRender(bool firstRender)
    {
        // Never runs while prerendering, so "true" means the circuit is connected and events are wired.
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    private void ToggleChat()
    {
        _chatUsed = true;
        _chatOpen = !_chatOpen;
    }

    private async Task ToggleThemeAsync()
    {
        _darkMode = !_darkMode;
        await JS.InvokeVoidAsync("homelab.setTheme", _darkMode ? "dark" : "light");
    }
}
