using Homelab.Tests.Integration;
using Homelab.Tests.Shared;
using Microsoft.Playwright;

namespace Homelab.Tests.Browser;

/// <summary>
/// A seeder and a downloader (real qBittorrent), the dashboard watching the downloader, a third real qBittorrent
/// kept apart for wrong passwords, and headless chromium: all started together, shared by one collection.
/// </summary>
/// <remarks>
/// The instances are this collection's own, never another's: a refused login counts towards qBittorrent's ban of
/// 127.0.0.1, and commands must only ever meet the torrents their test shared.
/// </remarks>
public sealed class RealQBittorrentBrowserFixture : IAsyncLifetime
{
    private HeadlessChromium? _chromium;

    public RealQBittorrentPair Pair { get; } = new();

    /// <summary>Never given its right password by the dashboard; its tests must keep below qBittorrent's five failures.</summary>
    public RealQBittorrentFixture Refusing { get; } = new();

    /// <summary>The dashboard (demo mode otherwise) with <see cref="RealQBittorrentPair.Downloader"/> as its qBittorrent.</summary>
    public RealQBittorrentAppFactory App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var chromium = HeadlessChromium.LaunchAsync();
        var instances = Task.WhenAll(Pair.InitializeAsync().AsTask(), Refusing.InitializeAsync().AsTask());
        try
        {
            await Task.WhenAll(instances, chromium);
            _chromium = chromium.Result;
            App = new RealQBittorrentDashboard(Pair);
            await App.InitializeAsync();
        }
        catch
        {
            // Whatever did start (browser, qBittorrent processes) must not outlive the failed fixture.
            if (chromium.IsCompletedSuccessfully)
            {
                _chromium = chromium.Result;
            }

            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A new page on <paramref name="path"/> of <see cref="App"/>, or of <paramref name="app"/>, once its circuit is interactive.</summary>
    public Task<IPage> OpenAsync(string path, HomelabAppFactory? app = null) => _chromium!.OpenAsync((app ?? App).BaseAddress, path);

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
            _chromium = null;
        }

        if (App is not null)
        {
            await App.DisposeAsync();
            App = null!;
        }

        await Pair.DisposeAsync();
        await Refusing.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class RealQBittorrentBrowserCollection : ICollectionFixture<RealQBittorrentBrowserFixture>
{
    public const string Name = "Browser against real qBittorrent";
}
