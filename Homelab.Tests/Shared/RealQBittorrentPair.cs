namespace Homelab.Tests.Shared;

/// <summary>
/// Two real qBittorrent instances on loopback: a seeder, and a downloader that fetches from it by address (no tracker).
/// Point the dashboard at <see cref="Downloader"/>; every <see cref="ShareAsync"/> gives a fresh transfer to watch.
/// </summary>
/// <remarks>Shared by a test collection; each test shares its own torrent, so tests never see each other's commands.</remarks>
public sealed class RealQBittorrentPair : IAsyncLifetime
{
    /// <summary>One mebibyte, for sizes and rates (bytes/s).</summary>
    public const long MiB = 1024 * 1024;

    private static readonly TimeSpan s_setupTimeout = TimeSpan.FromSeconds(20);

    public RealQBittorrent Seeder { get; private set; } = null!;

    public RealQBittorrent Downloader { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var seeder = RealQBittorrent.StartAsync("seeder");
        var downloader = RealQBittorrent.StartAsync("downloader");
        try
        {
            await Task.WhenAll(seeder, downloader);
        }
        catch
        {
            // Whichever one did start must not outlive the failed fixture.
            foreach (var started in new[] { seeder, downloader }.Where(t => t.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }

        Seeder = seeder.Result;
        Downloader = downloader.Result;
    }

    /// <summary>
    /// Generates a file of <paramref name="size"/> random bytes, seeds it from <see cref="Seeder"/>, adds it to
    /// <see cref="Downloader"/> and tells the downloader where the seeder is. Returns as the transfer begins: data
    /// flows a second or two later, and with <paramref name="downloadLimit"/> (bytes/s) takes about size/limit seconds.
    /// </summary>
    /// <param name="name">Becomes part of the file's name, which is also the torrent's name.</param>
    public async Task<TestTorrent> ShareAsync(string name, long size = 4 * MiB, long? downloadLimit = null)
    {
        var torrent = TestTorrent.Create(Seeder.ContentDirectory, $"{name}-{Guid.NewGuid().ToString("N")[..8]}.bin", size);

        // The file was generated from these very pieces; checking it again would only cost a second.
        await Seeder.Api.AddTorrentAsync(torrent, Seeder.ContentDirectory, skipChecking: true);
        await Seeder.WaitForTorrentAsync(torrent.Hash, t => t?.IsSeeding == true, s_setupTimeout, $"{torrent.Name} seeding");
        await Downloader.Api.AddTorrentAsync(torrent, Downloader.DownloadDirectory, downloadLimit);
        await Downloader.WaitForTorrentAsync(torrent.Hash, t => t is not null, s_setupTimeout, $"{torrent.Name} added");
        await ConnectAsync(torrent);
        return torrent;
    }

    /// <summary>Tells the downloader (again) that the seeder has <paramref name="torrent"/>.</summary>
    public Task ConnectAsync(TestTorrent torrent)
    {
        ArgumentNullException.ThrowIfNull(torrent);
        return Downloader.Api.AddPeerAsync(torrent.Hash, Seeder.PeerAddress);
    }

    /// <summary>Where the downloader puts <paramref name="torrent"/>'s file.</summary>
    public string DownloadedPath(TestTorrent torrent)
    {
        ArgumentNullException.ThrowIfNull(torrent);
        return Path.Combine(Downloader.DownloadDirectory, torrent.Name);
    }

    public async ValueTask DisposeAsync()
    {
        if (Downloader is not null)
        {
            await Downloader.DisposeAsync();
        }

        if (Seeder is not null)
        {
            await Seeder.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RealQBittorrentCollection : ICollectionFixture<RealQBittorrentPair>
{
    public const string Name = "Real qBittorrent";
}
