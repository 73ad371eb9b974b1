using Homelab.Tests.Integration;
using Microsoft.Playwright;

namespace Homelab.Tests.Browser;

/// <summary>
/// One dashboard (demo mode, on a loopback port) and one headless Debian chromium, shared by every browser test.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private HeadlessChromium? _chromium;

    public HomelabAppFactory App { get; } = new BrowserDashboard();

    public IBrowser Browser => _chromium!.Browser;

    public async ValueTask InitializeAsync()
    {
        // Chromium starts while the dashboard does.
        var chromium = HeadlessChromium.LaunchAsync();
        try
        {
            await App.InitializeAsync();
        }
        finally
        {
            _chromium = await chromium;
        }
    }

    /// <summary>A new page (its own context) on <paramref name="path"/>, once its circuit is interactive.</summary>
    public Task<IPage> OpenAsync(string path, int width = 1400, int height = 1000) => _chromium!.OpenAsync(App.BaseAddress, path, width, height);

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        await App.DisposeAsync();
    }

    private sealed class BrowserDashboard : HomelabAppFactory
    {
        // The shortest interval the options allow, so a stopped gluetun shows on the VPN badge within seconds.
        public BrowserDashboard() => Settings["Homelab:Gluetun:PollInterval"] = "00:00:01";
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
