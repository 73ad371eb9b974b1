namespace Homelab.Tests.Shared;

/// <summary>One real qBittorrent of its own, for a test class that must not disturb the others (wrong passwords, bans).</summary>
public sealed class RealQBittorrentFixture : IAsyncLifetime
{
    public RealQBittorrent Instance { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Instance = await RealQBittorrent.StartAsync("lone");

    public async ValueTask DisposeAsync()
    {
        if (Instance is not null)
        {
            await Instance.DisposeAsync();
        }
    }
}
