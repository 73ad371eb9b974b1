using Homelab.Domain.Downloads;

namespace Homelab.Tests.Domain;

public sealed class MainDataMergerTests
{
    private static readonly DateTimeOffset s_added = DateTimeOffset.FromUnixTimeSeconds(1_717_000_000);

    private static TorrentPatch Full(string name, double progress, TorrentState state = TorrentState.Downloading) => new()
    {
        Name = name,
        State = state,
        Progress = progress,
        Size = 6_114_656_256,
        DownloadSpeed = 5_242_880,
        UploadSpeed = 0,
        Eta = TimeSpan.FromSeconds(700),
        Ratio = 0,
        Category = "linux",
        AddedOn = s_added,
        CompletedOn = null,
    };

    private static MainDataState Start() => MainDataMerger.Merge(MainDataState.Empty, new MainDataUpdate
    {
        Rid = 14,
        FullUpdate = true,
        Torrents = new Dictionary<string, TorrentPatch>
        {
            ["8c2e"] = Full("ubuntu-24.04.iso", 0.4172),
            ["aa01"] = Full("debian-13.iso", 1, TorrentState.Uploading),
        },
        Categories = ["linux", "tv-sonarr"],
        ServerState = new TransferPatch { DownloadSpeed = 5_242_880, UploadSpeed = 120_000, ConnectionStatus = "connected", FreeSpaceOnDisk = 2_000_000_000_000 },
    }).State;

    [Fact]
    public void Merge_FullUpdate_BuildsEveryTorrentAndTheTransferState()
    {
        var state = Start();

        Assert.Equal(14, state.Rid);
        Assert.Equal(2, state.Torrents.Count);
        Assert.Equal("ubuntu-24.04.iso", state.Torrents["8c2e"].Name);
        Assert.Equal("8c2e", state.Torrents["8c2e"].Hash);
        Assert.Equal(["linux", "tv-sonarr"], state.Categories);
        Assert.Equal("connected", state.Transfer.ConnectionStatus);
    }

    [Fact]
    public void Merge_PartialTorrent_MergesFieldByFieldAndKeepsTheRest()
    {
        var result = MainDataMerger.Merge(Start(), new MainDataUpdate
        {
            Rid = 15,
            Torrents = new Dictionary<string, TorrentPatch> { ["8c2e"] = new() { Progress = 0.4391, DownloadSpeed = 4_980_000, Eta = TimeSpan.FromSeconds(655) } },
        });

        var ubuntu = result.State.Torrents["8c2e"];
        Assert.Equal(0.4391, ubuntu.Progress);
        Assert.Equal(4_980_000, ubuntu.DownloadSpeed);
        Assert.Equal(TimeSpan.FromSeconds(655), ubuntu.Eta);
        Assert.Equal("ubuntu-24.04.iso", ubuntu.Name);
        Assert.Equal(6_114_656_256, ubuntu.Size);
        Assert.Equal("linux", ubuntu.Category);
        Assert.Equal(["8c2e"], result.Upserted.Select(t => t.Hash));
        Assert.Empty(result.Removed);
        Assert.Equal(15, result.State.Rid);
    }

    [Fact]
    public void Merge_FieldBecomesUnknown_IsClearedNotKept()
    {
        var result = MainDataMerger.Merge(Start(), new MainDataUpdate
        {
            Rid = 15,
            Torrents = new Dictionary<string, TorrentPatch> { ["8c2e"] = new() { Eta = (TimeSpan?)null, State = TorrentState.StalledDown } },
        });

        Assert.Null(result.State.Torrents["8c2e"].Eta);
        Assert.Equal(TorrentState.StalledDown, result.State.Torrents["8c2e"].State);
    }

    [Fact]
    public void Merge_Removal_DropsTheTorrentAndReportsIt()
    {
        var result = MainDataMerger.Merge(Start(), new MainDataUpdate { Rid = 15, TorrentsRemoved = ["aa01"] });

        Assert.False(result.State.Torrents.ContainsKey("aa01"));
        Assert.Equal(["aa01"], result.Removed);
        Assert.Empty(result.Upserted);
    }

    [Fact]
    public void Merge_NewTorrentInADiff_IsAdded()
    {
        var result = MainDataMerger.Merge(Start(), new MainDataUpdate
        {
            Rid = 15,
            Torrents = new Dictionary<string, TorrentPatch> { ["b7f0"] = Full("Show.S02E03.1080p.mkv", 0.02) },
        });

        Assert.Equal(3, result.State.Torrents.Count);
        Assert.Equal("Show.S02E03.1080p.mkv", Assert.Single(result.Upserted).Name);
    }

    [Fact]
    public void Merge_FullUpdateAfterRidReset_ThrowsTheOldCacheAway()
    {
        var result = MainDataMerger.Merge(Start(), new MainDataUpdate
        {
            Rid = 1,
            FullUpdate = true,
            Torrents = new Dictionary<string, TorrentPatch> { ["8c2e"] = new() { Name = "ubuntu-24.04.iso", Progress = 0.5 } },
        });

        var ubuntu = Assert.Single(result.State.Torrents.Values);
        Assert.Equal(0.5, ubuntu.Progress);
        // Built from the full answer alone: fields the full answer left out are not carried over from the old cache.
        Assert.Equal(0, ubuntu.Size);
        Assert.Equal(["aa01"], result.Removed);
        Assert.Empty(result.State.Categories);
        Assert.Equal("", result.State.Transfer.ConnectionStatus);
        Assert.Equal(1, result.State.Rid);
    }

    [Fact]
    public void Merge_FullUpdateWithTheSameData_ReportsNoChanges()
    {
        var state = Start();

        var result = MainDataMerger.Merge(state, new MainDataUpdate
        {
            Rid = 99,
            FullUpdate = true,
            Torrents = new Dictionary<string, TorrentPatch> { ["8c2e"] = Full("ubuntu-24.04.iso", 0.4172), ["aa01"] = Full("debian-13.iso", 1, TorrentState.Uploading) },
            Categories = ["linux", "tv-sonarr"],
            ServerState = new TransferPatch { DownloadSpeed = 5_242_880, UploadSpeed = 120_000, ConnectionStatus = "connected", FreeSpaceOnDisk = 2_000_000_000_000 },
        });

        Assert.False(result.HasChanges);
        Assert.Equal(state.Torrents, result.State.Torrents);
    }

    [Fact]
    public void Merge_PatchWithUnchangedValues_IsNotReportedAsChanged()
    {
        var result = MainDataMerger.Merge(Start(), new MainDataUpdate
        {
            Rid = 15,
            Torrents = new Dictionary<string, TorrentPatch> { ["8c2e"] = new() { Progress = 0.4172 } },
        });

        Assert.Empty(result.Upserted);
    }

    [Fact]
    public void Merge_ServerStateKeys_MergedIntoTransfer()
    {
        var result = MainDataMerger.Merge(Start(), new MainDataUpdate { Rid = 15, ServerState = new TransferPatch { DownloadSpeed = 4_980_000 } });

        Assert.True(result.TransferChanged);
        Assert.Equal(4_980_000, result.State.Transfer.DownloadSpeed);
        Assert.Equal(120_000, result.State.Transfer.UploadSpeed);
        Assert.Equal("connected", result.State.Transfer.ConnectionStatus);
    }

    [Fact]
    public void Merge_CategoriesAddedAndRemoved_Reported()
    {
        var result = MainDataMerger.Merge(Start(), new MainDataUpdate { Rid = 15, Categories = ["radarr"], CategoriesRemoved = ["tv-sonarr"] });

        Assert.True(result.CategoriesChanged);
        Assert.Equal(["linux", "radarr"], result.State.Categories);
    }

    [Fact]
    public void Merge_FiveThousandTorrentsOnePercentChanging_TouchesOnlyThose()
    {
        var full = Enumerable.Range(0, 5_000).ToDictionary(i => $"h{i:x5}", i => Full($"t{i}", 0.1));
        var state = MainDataMerger.Merge(MainDataState.Empty, new MainDataUpdate { Rid = 1, FullUpdate = true, Torrents = full }).State;
        var diff = Enumerable.Range(0, 50).ToDictionary(i => $"h{i * 100:x5}", i => new TorrentPatch { Progress = 0.2 });

        var result = MainDataMerger.Merge(state, new MainDataUpdate { Rid = 2, Torrents = diff });

        Assert.Equal(50, result.Upserted.Count);
        Assert.Equal(5_000, result.State.Torrents.Count);
        Assert.Equal(0.1, result.State.Torrents["h00001"].Progress);
    }
}
