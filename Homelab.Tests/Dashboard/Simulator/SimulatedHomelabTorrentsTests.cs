using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Simulator.State;
using Homelab.Domain.Downloads;
using Homelab.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace Homelab.Tests.Dashboard.Simulator;

/// <summary>The seed homelab's torrents over simulated time: what the demo shows without anyone touching it.</summary>
public sealed class SimulatedHomelabTorrentsTests
{
    private const string Fedora = "Fedora-Workstation-Live-43-1.6.x86_64.iso";
    private const string Shogun = "Shogun.2024.S01E05.2160p.DSNP.WEB-DL.DDP5.1.DV.HDR.H.265-FLUX";
    private const string PastLives = "Past.Lives.2023.1080p.WEB-DL.DDP5.1.H.264-FLUX";
    private const string Mint = "linuxmint-22.2-cinnamon-64bit.iso";

    private readonly FakeTimeProvider _time = new(TestData.Start);
    private readonly SimulatedHomelab _homelab;

    public SimulatedHomelabTorrentsTests()
    {
        _homelab = new SimulatedHomelab(Microsoft.Extensions.Options.Options.Create(new HomelabOptions()), _time);
    }

    [Fact]
    public void ReadTorrents_SeedHomelab_TypicalMixWithOneStalledAndOneErrored()
    {
        var torrents = _homelab.ReadTorrents();

        Assert.Equal(SimulatorTorrents.Seeds.Count, torrents.Count);
        Assert.Equal(torrents.Count, torrents.Select(t => t.Hash).Distinct().Count());
        Assert.All(torrents, t => Assert.Matches("^[0-9a-f]{40}$", t.Hash));
        Assert.Equal(Shogun, Assert.Single(torrents, t => t.State == TorrentState.StalledDown).Name);
        var errored = Assert.Single(torrents, t => t.State == TorrentState.Error);
        Assert.Equal((PastLives, "radarr", 0L, 0L), (errored.Name, errored.Category, errored.DownloadSpeed, errored.UploadSpeed));
        Assert.Contains(torrents, t => t.State == TorrentState.Downloading && t.Name == Fedora);
        Assert.Contains(torrents, t => t.State == TorrentState.Uploading);
        Assert.Equal(TorrentState.StoppedUp, Assert.Single(torrents, t => t.State.IsStopped()).State);
        Assert.Equal(Mint, Assert.Single(torrents, t => t.State == TorrentState.QueuedDown).Name);
        Assert.All(torrents, t => Assert.StartsWith("/data/media/downloads/", t.SavePath, StringComparison.Ordinal));
    }

    [Fact]
    public void Tick_Downloading_ProgressGrowsAndTheEtaShrinks()
    {
        var before = Torrent(Fedora);

        Run(TimeSpan.FromMinutes(2));

        var after = Torrent(Fedora);
        Assert.Equal(TorrentState.Downloading, after.State);
        Assert.True(after.Progress > before.Progress, $"{before.Progress} -> {after.Progress}");

        // About 4 MB/s for two minutes: half a gigabyte, give or take the wandering.
        Assert.InRange(after.Downloaded - before.Downloaded, 250_000_000, 800_000_000);
        Assert.Equal(after.Size - after.Completed, after.AmountLeft);
        Assert.InRange(after.Eta, 1, SimulatedHomelab.InfiniteEta - 1);
        Assert.True(after.Eta < before.Eta, $"{before.Eta} -> {after.Eta}");
    }

    [Fact]
    public void Tick_DownloadFinishes_SeedsAndTheQueuedOneStarts()
    {
        Run(TimeSpan.FromMinutes(9));

        var fedora = Torrent(Fedora);
        Assert.Equal(1, fedora.Progress);
        Assert.Equal(0, fedora.AmountLeft);
        Assert.Contains(fedora.State, new[] { TorrentState.Uploading, TorrentState.StalledUp });
        Assert.InRange(fedora.CompletionOn, TestData.Start.ToUnixTimeSeconds(), _time.GetUtcNow().ToUnixTimeSeconds());
        Assert.Equal(0, fedora.Priority);
        var mint = Torrent(Mint);
        Assert.Equal(TorrentState.Downloading, mint.State);
        Assert.True(mint.Progress > 0);
    }

    [Fact]
    public void Tick_StalledDownload_StaysStalledWithoutProgress()
    {
        var before = Torrent(Shogun);

        for (var i = 0; i < 600; i++)
        {
            Run(TimeSpan.FromSeconds(1));
            var now = Torrent(Shogun);
            Assert.True(now.State == TorrentState.StalledDown, $"{now.State} after {i + 1} s, {now.Seeds} seeds");
            Assert.Equal(0, now.DownloadSpeed);
        }

        Assert.Equal(before.Progress, Torrent(Shogun).Progress);
        Assert.Equal(SimulatedHomelab.InfiniteEta, Torrent(Shogun).Eta);
    }

    [Fact]
    public void Tick_ErroredTorrent_StaysInErrorWithoutTraffic()
    {
        var before = Torrent(PastLives);

        Run(TimeSpan.FromMinutes(5));

        var after = Torrent(PastLives);
        Assert.Equal(TorrentState.Error, after.State);
        Assert.Equal((0L, 0L, 0, 0), (after.DownloadSpeed, after.UploadSpeed, after.Seeds, after.Leechers));
        Assert.Equal(before.Downloaded, after.Downloaded);
    }

    [Fact]
    public void Tick_Speeds_WanderAroundTheTorrentsUsualRate()
    {
        var speeds = new List<long>();
        var totals = new List<long>();
        for (var i = 0; i < 30; i++)
        {
            Run(TimeSpan.FromSeconds(1));
            speeds.Add(Torrent(Fedora).DownloadSpeed);
            totals.Add(_homelab.ReadTransfer().DownloadSpeed);
        }

        Assert.True(speeds.Distinct().Count() > 20, string.Join(", ", speeds));
        Assert.All(speeds, s => Assert.InRange(s, 1_000_000, 7_200_000));
        Assert.True(totals.Distinct().Count() > 20, string.Join(", ", totals));
    }

    [Fact]
    public void ReadTransfer_SumsTheTorrentsSpeeds()
    {
        Run(TimeSpan.FromSeconds(3));

        var transfer = _homelab.ReadTransfer();
        var torrents = _homelab.ReadTorrents();

        Assert.Equal(torrents.Sum(t => t.DownloadSpeed), transfer.DownloadSpeed);
        Assert.Equal(torrents.Sum(t => t.UploadSpeed), transfer.UploadSpeed);
        Assert.True(transfer.DownloadSpeed > 0);
        Assert.Equal("connected", transfer.ConnectionStatus);
        Assert.Equal("185.65.135.73", transfer.ExternalAddress);
    }

    [Fact]
    public void VpnDown_TrafficStopsAndResumesWithTheTunnel()
    {
        Run(TimeSpan.FromSeconds(2));
        _homelab.SetVpnRunning(false);
        Run(TimeSpan.FromSeconds(3));
        var progress = Torrent(Fedora).Downloaded;

        Run(TimeSpan.FromSeconds(30));

        var down = _homelab.ReadTransfer();
        Assert.Equal((0L, 0L, "disconnected", 0, ""), (down.DownloadSpeed, down.UploadSpeed, down.ConnectionStatus, down.DhtNodes, down.ExternalAddress));
        Assert.All(_homelab.ReadTorrents(), t => Assert.Equal((0L, 0L, 0, 0), (t.DownloadSpeed, t.UploadSpeed, t.Seeds, t.Leechers)));
        Assert.Equal(TorrentState.StalledDown, Torrent(Fedora).State);
        Assert.Equal(progress, Torrent(Fedora).Downloaded);

        _homelab.SetVpnRunning(true);
        Run(TimeSpan.FromSeconds(15));

        var up = _homelab.ReadTransfer();
        Assert.Equal("connected", up.ConnectionStatus);
        Assert.True(up.DownloadSpeed > 0);
        Assert.Equal(TorrentState.Downloading, Torrent(Fedora).State);
        Assert.True(Torrent(Fedora).Downloaded > progress);
    }

    [Fact]
    public void PauseTorrents_Downloading_StopsWithoutPeersUntilResumed()
    {
        var hash = Torrent(Fedora).Hash;

        Assert.Equal(1, _homelab.PauseTorrents([hash]));
        Assert.Equal(0, _homelab.PauseTorrents([hash]));
        Run(TimeSpan.FromSeconds(10));

        var paused = Torrent(Fedora);
        Assert.Equal((TorrentState.StoppedDown, 0L, 0, 0), (paused.State, paused.DownloadSpeed, paused.Seeds, paused.Leechers));

        Assert.Equal(1, _homelab.ResumeTorrents([hash.ToUpperInvariant()]));
        Run(TimeSpan.FromSeconds(5));

        Assert.Equal(TorrentState.Downloading, Torrent(Fedora).State);
        Assert.True(Torrent(Fedora).Downloaded > paused.Downloaded);
    }

    [Fact]
    public void RecheckTorrents_PassesThroughCheckingThenCarriesOn()
    {
        var seeding = _homelab.ReadTorrents().First(t => t.State.IsComplete() && !t.State.IsStopped());
        string[] hashes = [Torrent(Fedora).Hash, seeding.Hash];

        Assert.Equal(2, _homelab.RecheckTorrents(hashes));

        Assert.Equal(TorrentState.CheckingDown, Torrent(Fedora).State);
        Assert.Equal(TorrentState.CheckingUp, Torrent(seeding.Name).State);
        Assert.Equal(0, Torrent(Fedora).DownloadSpeed);

        Run(TimeSpan.FromSeconds(8));

        Assert.Equal(TorrentState.Downloading, Torrent(Fedora).State);
        Assert.True(Torrent(seeding.Name).State.IsComplete());
        Assert.False(Torrent(seeding.Name).State.IsChecking());
    }

    [Fact]
    public void ResumeTorrents_Errored_TriesAgainAndFailsAgainOnItsFolder()
    {
        var hash = Torrent(PastLives).Hash;

        Assert.Equal(1, _homelab.ResumeTorrents([hash]));
        Assert.NotEqual(TorrentState.Error, Torrent(PastLives).State);

        Run(TimeSpan.FromSeconds(5));

        Assert.Equal(TorrentState.Error, Torrent(PastLives).State);
        Assert.Equal(0, Torrent(PastLives).DownloadSpeed);
    }

    [Fact]
    public void DeleteTorrents_WithFiles_GoneAndTheDasFreesItsData()
    {
        var fedora = Torrent(Fedora);
        var dasBefore = DasUsed();

        Assert.Equal(1, _homelab.DeleteTorrents([fedora.Hash, "0000000000000000000000000000000000000000"], deleteFiles: true));

        Assert.DoesNotContain(_homelab.ReadTorrents(), t => t.Hash == fedora.Hash);
        Assert.Equal(fedora.Completed, dasBefore - DasUsed());
        Assert.Equal(SimulatorTorrents.Seeds.Count - 1, _homelab.ReadTorrents().Count);
    }

    [Fact]
    public void DeleteTorrents_KeepingFiles_TheDasKeepsItsData()
    {
        var dasBefore = DasUsed();

        Assert.Equal(1, _homelab.DeleteTorrents([Torrent(Fedora).Hash], deleteFiles: false));

        Assert.Equal(dasBefore, DasUsed());
    }

    [Fact]
    public void ReadTorrents_ExtraTorrents_AddedForLoadTestsAndMostlyIdle()
    {
        var homelab = new SimulatedHomelab(Microsoft.Extensions.Options.Options.Create(new HomelabOptions { Simulator = { ExtraTorrents = 500 } }), _time);
        var before = homelab.ReadTorrents();

        _time.Advance(TimeSpan.FromSeconds(1));
        homelab.Tick();

        var after = homelab.ReadTorrents();
        Assert.Equal(SimulatorTorrents.Seeds.Count + 500, before.Count);
        Assert.Equal(500, before.Count(t => t.Tags == "load-test"));
        var changed = after.Where((t, i) => t.Tags == "load-test" && !ReferenceEquals(t, before[i])).Count();
        Assert.InRange(changed, 1, 25);
    }

    private SimTorrentView Torrent(string name) => _homelab.ReadTorrents().Single(t => t.Name == name);

    private long DasUsed() => _homelab.ReadCluster().Storage.First(s => s.Name == SimulatorTopology.DasStorage).Used;

    private void Run(TimeSpan duration)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += TimeSpan.FromSeconds(1))
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            _homelab.Tick();
        }
    }
}
