using System.Text.Json;
using Homelab.Dashboard.Adapters.QBittorrent;
using Homelab.Dashboard.Model;
using Homelab.Domain.Downloads;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Model;

public sealed class TorrentRowModelTests
{
    private static Torrent FromWire(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Assert.Single(QBittorrentWire.ParseTorrents(document.RootElement)!.Value);
    }

    [Fact]
    public void From_WireInfiniteEta_ReadsAsInfinity()
    {
        var torrent = FromWire($$"""[{"hash":"aa","name":"x","state":"stalledDL","progress":0.12,"eta":{{QBittorrentWire.InfiniteEta}},"ratio":0}]""");

        var row = TorrentRowModel.From(torrent);

        Assert.Equal("∞", row.Eta);
        Assert.Equal("no estimate: no data is arriving", row.EtaTitle);
    }

    [Fact]
    public void From_WireEtaOfAFinishedTorrent_IsADash()
    {
        var torrent = FromWire($$"""[{"hash":"aa","name":"x","state":"uploading","progress":1,"eta":{{QBittorrentWire.InfiniteEta}}}]""");

        Assert.Equal("–", TorrentRowModel.From(torrent).Eta);
    }

    [Fact]
    public void From_WireCappedRatio_ReadsAsInfinity()
    {
        var torrent = FromWire("""[{"hash":"aa","name":"x","state":"uploading","progress":1,"ratio":-1}]""");

        var row = TorrentRowModel.From(torrent);

        Assert.Equal("∞", row.Ratio);
        Assert.Equal("above 9999, qBittorrent's cap", row.RatioTitle);
    }

    [Fact]
    public void From_Downloading_FormatsEveryCell()
    {
        var torrent = TestSnapshots.Torrent("ubuntu-24.04.1-desktop-amd64.iso", TorrentState.Downloading, 0.4234, 6_114_656_256, "linux",
            TestSnapshots.Now, down: 5_452_595, up: 262_144, eta: TimeSpan.FromMinutes(11), ratio: 0.04);

        var row = TorrentRowModel.From(torrent);

        Assert.Equal(
            ("42.3%", "42.3", "5.7 GiB", "5.2 MiB/s", "256 KiB/s", "11 min", "0.04", "linux", "2026-11-26 12:00"),
            (row.Progress, row.ProgressWidth, row.Size, row.Down, row.Up, row.Eta, row.Ratio, row.Category, row.Added));
        Assert.Equal($"torrent-row-{torrent.Hash}", row.TestId);
        Assert.Equal(("downloading", "hl-tstate hl-tstate-downloading"), (row.StateWord, row.StateClass));
    }

    [Fact]
    public void From_NoCategoryNoSpeed_DashAndEmptyCells()
    {
        var row = TorrentRowModel.From(TestSnapshots.Torrent("x", TorrentState.StoppedUp, 1, 725_106_140, "", TestSnapshots.Now, ratio: 6.1));

        Assert.Equal(("–", "", "", "692 MiB"), (row.Category, row.Down, row.Up, row.Size));
    }

    [Theory]
    [InlineData(TorrentState.Downloading, new[] { TorrentCommand.Pause, TorrentCommand.Recheck, TorrentCommand.Delete })]
    [InlineData(TorrentState.StoppedDown, new[] { TorrentCommand.Resume, TorrentCommand.Recheck, TorrentCommand.Delete })]
    [InlineData(TorrentState.Error, new[] { TorrentCommand.Resume, TorrentCommand.Recheck, TorrentCommand.Delete })]
    [InlineData(TorrentState.CheckingUp, new[] { TorrentCommand.Pause, TorrentCommand.Delete })]
    public void CommandsFor_OffersWhatAppliesInOrder(TorrentState state, TorrentCommand[] expected) =>
        Assert.Equal(expected, TorrentRowModel.CommandsFor(state));

    [Fact]
    public void From_SameTorrentTwice_EqualModels()
    {
        var torrent = TestSnapshots.Torrent("x", TorrentState.Downloading, 0.5, 1_000, "linux", TestSnapshots.Now);

        Assert.Equal(TorrentRowModel.From(torrent), TorrentRowModel.From(torrent with { }));
    }
}
