using Homelab.Dashboard.Actions;
using Homelab.Dashboard.Live;
using Homelab.Domain.Actions;
using Homelab.Domain.Downloads;
using Homelab.Domain.Live;
using Homelab.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Homelab.Tests.Integration;

/// <summary>The whole dashboard against a real qBittorrent: its collector, live store and action path.</summary>
[Collection(RealQBittorrentCollection.Name)]
public sealed class RealQBittorrentDashboardTests(RealQBittorrentDashboard app, RealQBittorrentPair pair) : IClassFixture<RealQBittorrentDashboard>
{
    private static readonly Actor s_tester = new("integration-test", ActionVia.Api, [HomelabRoles.Operator]);

    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);

    private ILiveHomelab Live => app.Services.GetRequiredService<ILiveHomelab>();

    private Torrent? InStore(TestTorrent torrent) =>
        Live.Current.Downloads?.Torrents.TryGetValue(torrent.Hash, out var known) == true ? known : null;

    [Fact]
    public async Task LiveSnapshot_DownloadFromTheSeeder_ProgressClimbsTo100Percent()
    {
        var torrent = await pair.ShareAsync("live", size: 8 * RealQBittorrentPair.MiB, downloadLimit: 2 * RealQBittorrentPair.MiB);
        var readings = new List<double>();
        var deadline = DateTime.UtcNow + s_timeout;
        Torrent? seen;
        while ((seen = InStore(torrent)) is not { Progress: >= 1 } || !seen.State.IsComplete())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out; the store shows {seen?.ToString() ?? "nothing"} after readings [{string.Join(", ", readings)}].{Environment.NewLine}{pair.Downloader.Diagnostics()}");
            if (seen is not null && (readings.Count == 0 || readings[^1] != seen.Progress))
            {
                readings.Add(seen.Progress);
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(readings.Count(p => p is > 0 and < 1) >= 3, $"too few readings on the way: [{string.Join(", ", readings)}]");
        Assert.Equal(readings.Order(), readings);
        Assert.Equal(torrent.Name, seen.Name);
        var source = Live.Current.FindSource(SourceIds.QBittorrent)!;
        Assert.False(source.Simulated);
        Assert.Contains(RealQBittorrent.InstalledVersion.ToString(3), source.Version, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TorrentCommand_PauseThenResumeThroughTheActionPath_QBittorrentFollows()
    {
        var torrent = await pair.ShareAsync("action", size: 8 * RealQBittorrentPair.MiB, downloadLimit: RealQBittorrentPair.MiB);
        await HomelabAppFactory.WaitForAsync(() => InStore(torrent) is { Progress: > 0 and < 1 }, s_timeout, "the download under way in the store");
        var actions = app.Services.GetRequiredService<ActionService>();

        var paused = await actions.ExecuteAsync(s_tester, TorrentCommandRequest.ForOne(InStore(torrent)!, TorrentCommand.Pause), TestContext.Current.CancellationToken);

        Assert.True(paused.Outcome == ActionOutcome.Succeeded, paused.Message);
        var inQBittorrent = await pair.Downloader.Api.GetTorrentAsync(torrent.Hash, TestContext.Current.CancellationToken);
        Assert.True(inQBittorrent is { IsPaused: true, Progress: < 1 }, $"qBittorrent shows {inQBittorrent}");
        await HomelabAppFactory.WaitForAsync(() => InStore(torrent)?.State == TorrentState.StoppedDown, s_timeout, "the store to show it paused");

        var resumed = await actions.ExecuteAsync(s_tester, TorrentCommandRequest.ForOne(InStore(torrent)!, TorrentCommand.Resume), TestContext.Current.CancellationToken);

        Assert.True(resumed.Outcome == ActionOutcome.Succeeded, resumed.Message);
        inQBittorrent = await pair.Downloader.Api.GetTorrentAsync(torrent.Hash, TestContext.Current.CancellationToken);
        Assert.True(inQBittorrent is { IsPaused: false }, $"qBittorrent shows {inQBittorrent}");
        await HomelabAppFactory.WaitForAsync(() => InStore(torrent) is { } t && !t.State.IsStopped(), s_timeout, "the store to show it running");
    }
}
