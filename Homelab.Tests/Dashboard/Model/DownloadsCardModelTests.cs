using System.Collections.Immutable;
using Homelab.Dashboard.Model;
using Homelab.Domain.Common;
using Homelab.Domain.Downloads;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Model;

public sealed class DownloadsCardModelTests
{
    [Fact]
    public void From_StalledDownload_StalledCountWarns()
    {
        var model = DownloadsCardModel.From(TestSnapshots.SeedWithDownloads())!;

        var stalled = Assert.Single(model.Counts, c => c.Word == "stalled");
        Assert.Equal(UsageLevel.Warning, stalled.Level);
    }

    [Fact]
    public void From_OnlyIdleSeedersStalled_StalledCountIsNormal()
    {
        var snapshot = TestSnapshots.SeedWithDownloads();
        var downloads = snapshot.Downloads!;
        var torrents = downloads.Torrents.AsImmutableDictionary()
            .Where(p => p.Value.State != TorrentState.StalledDown)
            .ToImmutableDictionary();

        var model = DownloadsCardModel.From(snapshot with { Downloads = downloads with { Torrents = new EquatableDictionary<string, Torrent>(torrents) } })!;

        var stalled = Assert.Single(model.Counts, c => c.Word == "stalled");
        Assert.True(stalled.Count > 0, "the idle seeders still count as stalled, as qBittorrent's filter has it");
        Assert.Equal(UsageLevel.Normal, stalled.Level);
    }
}
