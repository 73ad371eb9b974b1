using System.Security.Cryptography;
using Homelab.Dashboard.Adapters.QBittorrent;
using Homelab.Dashboard.Configuration;
using Homelab.Domain.Downloads;
using Homelab.Domain.Ports;
using Homelab.Tests.Dashboard.Adapters.Proxmox;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Integration;

/// <summary>The qBittorrent adapter, built as the dashboard builds it, against a real qBittorrent downloading from a real seeder.</summary>
[Collection(RealQBittorrentCollection.Name)]
public sealed class RealQBittorrentAdapterTests : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);

    private readonly RealQBittorrentPair _pair;
    private readonly TestLoggerProvider _logs = new();
    private readonly ITorrentSource _client;

    public RealQBittorrentAdapterTests(RealQBittorrentPair pair)
    {
        _pair = pair;
        var downloader = pair.Downloader;
        var connection = new QBittorrentConnection(downloader.Url, RealQBittorrent.Username, downloader.Password, ApiKey: null, Simulated: false);
        _client = QBittorrentAdapterFactory.Create(connection, new QBittorrentOptions(), _logs.CreateFactory(), TimeProvider.System);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetClientInfo_RealQBittorrent_LogsInAndPicksTheVersionsVerbs()
    {
        var info = await _client.GetClientInfoAsync(Cancel);

        Assert.True(info.IsSuccess, info.ToString());
        var installed = RealQBittorrent.InstalledVersion;
        Assert.Equal($"v{installed.ToString(3)}", info.Value.Version);
        var (pause, resume) = installed.Major >= 5 ? ("torrents/stop", "torrents/start") : ("torrents/pause", "torrents/resume");
        Assert.Equal(pause, QBittorrentClient.Verb(TorrentCommand.Pause, info.Value));
        Assert.Equal(resume, QBittorrentClient.Verb(TorrentCommand.Resume, info.Value));
        Assert.Contains(_logs.Messages, m => m.Contains($"logged in as {RealQBittorrent.Username}", StringComparison.Ordinal));
        Assert.All(_logs.Messages, m => Assert.DoesNotContain(_pair.Downloader.Password, m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetMainData_TransferFromTheSeeder_DiffsMergeUpToACompleteSeedingTorrent()
    {
        var torrent = await _pair.ShareAsync("maindata", size: 6 * RealQBittorrentPair.MiB, downloadLimit: 3 * RealQBittorrentPair.MiB);
        var state = MainDataState.Empty;
        var readings = new List<double>();
        var incremental = 0;
        var deadline = DateTime.UtcNow + s_timeout;
        Torrent? seen = null;
        while (seen is not { Progress: >= 1, State: TorrentState.Uploading or TorrentState.StalledUp })
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out; the last merge shows {seen}.{Environment.NewLine}{_pair.Downloader.Diagnostics()}");
            var update = await _client.GetMainDataAsync(state.Rid, Cancel);
            Assert.True(update.IsSuccess, update.ToString());
            incremental += update.Value.FullUpdate ? 0 : 1;
            state = MainDataMerger.Merge(state, update.Value).State;
            if (state.Torrents.TryGetValue(torrent.Hash, out seen))
            {
                readings.Add(seen.Progress);
            }

            await Task.Delay(200, Cancel);
        }

        Assert.True(incremental >= 3, $"only {incremental} incremental updates");
        Assert.Contains(readings, p => p is > 0 and < 1);
        Assert.Equal(readings.Order(), readings);
        Assert.Equal(torrent.Name, seen.Name);
        Assert.Equal(torrent.Size, seen.Size);
        Assert.Equal(SHA256.HashData(await File.ReadAllBytesAsync(torrent.FilePath, Cancel)), SHA256.HashData(await File.ReadAllBytesAsync(_pair.DownloadedPath(torrent), Cancel)));
    }

    [Fact]
    public async Task SendCommand_PauseThenResume_QBittorrentReportsPausedThenRunning()
    {
        var torrent = await _pair.ShareAsync("pause", size: 4 * RealQBittorrentPair.MiB, downloadLimit: RealQBittorrentPair.MiB);
        var downloader = _pair.Downloader;

        var paused = await _client.SendCommandAsync(TorrentCommand.Pause, [torrent.Hash], deleteFiles: false, Cancel);

        Assert.True(paused.IsSuccess, paused.ToString());
        var stopped = await downloader.WaitForTorrentAsync(torrent.Hash, t => t?.IsPaused == true, s_timeout, "the torrent paused");
        Assert.Equal(RealQBittorrent.InstalledVersion.Major >= 5 ? "stoppedDL" : "pausedDL", stopped!.State);

        var resumed = await _client.SendCommandAsync(TorrentCommand.Resume, [torrent.Hash], deleteFiles: false, Cancel);

        Assert.True(resumed.IsSuccess, resumed.ToString());
        await downloader.WaitForTorrentAsync(torrent.Hash, t => t is { IsPaused: false }, s_timeout, "the torrent running again");
    }

    [Fact]
    public async Task SendCommand_RecheckAfterTheFileWasDamaged_QBittorrentFindsTheBadPiece()
    {
        var torrent = await _pair.ShareAsync("recheck", size: 2 * RealQBittorrentPair.MiB);
        var downloader = _pair.Downloader;
        await downloader.WaitForTorrentAsync(torrent.Hash, t => t?.IsSeeding == true, s_timeout, "the download complete");

        // Paused, qBittorrent cannot repair the piece from the seeder before the check result is read.
        Assert.True((await _client.SendCommandAsync(TorrentCommand.Pause, [torrent.Hash], deleteFiles: false, Cancel)).IsSuccess);
        await downloader.WaitForTorrentAsync(torrent.Hash, t => t?.IsPaused == true, s_timeout, "the torrent paused");
        await using (var file = new FileStream(_pair.DownloadedPath(torrent), FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            await file.WriteAsync(new byte[TestTorrent.PieceLength], Cancel);
        }

        var rechecked = await _client.SendCommandAsync(TorrentCommand.Recheck, [torrent.Hash], deleteFiles: false, Cancel);

        Assert.True(rechecked.IsSuccess, rechecked.ToString());
        var expected = 1 - ((double)TestTorrent.PieceLength / torrent.Size);
        await downloader.WaitForTorrentAsync(torrent.Hash, t => t is { IsPaused: true } && Math.Abs(t.Progress - expected) < 1e-6, s_timeout, $"the check finding one bad piece (progress {expected})");
    }

    [Fact]
    public async Task SendCommand_DeleteWithFiles_RemovesTheTorrentAndItsFileFromDisk()
    {
        var torrent = await _pair.ShareAsync("delete", size: RealQBittorrentPair.MiB);
        var downloader = _pair.Downloader;
        await downloader.WaitForTorrentAsync(torrent.Hash, t => t?.IsSeeding == true, s_timeout, "the download complete");
        Assert.True(File.Exists(_pair.DownloadedPath(torrent)));

        var deleted = await _client.SendCommandAsync(TorrentCommand.Delete, [torrent.Hash], deleteFiles: true, Cancel);

        Assert.True(deleted.IsSuccess, deleted.ToString());
        await downloader.WaitForTorrentAsync(torrent.Hash, t => t is null, s_timeout, "the torrent gone");
        await HomelabAppFactory.WaitForAsync(() => !File.Exists(_pair.DownloadedPath(torrent)), TimeSpan.FromSeconds(10), "the downloaded file deleted");
        Assert.True(File.Exists(torrent.FilePath), "the seeder's copy is not the downloader's to delete");
    }

    public void Dispose() => (_client as IDisposable)?.Dispose();
}
