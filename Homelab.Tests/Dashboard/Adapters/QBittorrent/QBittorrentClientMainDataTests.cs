using System.Net;
using Homelab.Domain.Downloads;
using Homelab.Domain.Sources;
using Homelab.Tests.Shared;
using static Homelab.Tests.Dashboard.Adapters.QBittorrent.QBittorrentWireSamples;

namespace Homelab.Tests.Dashboard.Adapters.QBittorrent;

/// <summary><c>sync/maindata</c> and <c>torrents/info</c> wire JSON into the domain, with qBittorrent's quirks.</summary>
public sealed class QBittorrentClientMainDataTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetMainDataAsync_FullUpdate_ReadsTorrentsCategoriesAndServerState()
    {
        var qbt = new QBittorrentTestClient().Route("sync/maindata", FullUpdate);

        var update = (await qbt.Client.GetMainDataAsync(0, Cancel)).Value;

        Assert.True(update.FullUpdate);
        Assert.Equal(1, update.Rid);
        Assert.Equal(["linux", "tv-sonarr"], update.Categories.Order());
        var ubuntu = update.Torrents[Ubuntu].ApplyTo(new Torrent { Hash = Ubuntu });
        Assert.Equal("ubuntu-24.04.3-desktop-amd64.iso", ubuntu.Name);
        Assert.Equal(TorrentState.Downloading, ubuntu.State);
        Assert.Equal(0.4172, ubuntu.Progress);
        Assert.Equal((6114656256L, 6114656256L, 2551034880L, 104857600L, 3563621376L), (ubuntu.Size, ubuntu.TotalSize, ubuntu.Downloaded, ubuntu.Uploaded, ubuntu.AmountLeft));
        Assert.Equal((5242880L, 65536L), (ubuntu.DownloadSpeed, ubuntu.UploadSpeed));
        Assert.Equal(TimeSpan.FromSeconds(680), ubuntu.Eta);
        Assert.Equal(0.041, ubuntu.Ratio);
        Assert.Equal("linux", ubuntu.Category);
        Assert.Equal(["iso", "lts"], ubuntu.Tags);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764158400), ubuntu.AddedOn);
        Assert.Null(ubuntu.CompletedOn);
        Assert.Equal("/data/media/downloads/linux", ubuntu.SavePath);
        Assert.Equal((48, 7), (ubuntu.Seeds, ubuntu.Leechers));
        Assert.Equal(2, ubuntu.QueuePosition);

        var severance = update.Torrents[Severance].ApplyTo(new Torrent { Hash = Severance });
        Assert.Equal(TorrentState.StoppedUp, severance.State);
        Assert.Null(severance.Eta);
        Assert.Null(severance.Ratio);
        Assert.Empty(severance.Tags);
        Assert.Null(severance.QueuePosition);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1763903600), severance.CompletedOn);

        var server = update.ServerState!.ApplyTo(new TransferInfo());
        Assert.Equal((5242880L, 65536L, 2551034880L, 104857600L), (server.DownloadSpeed, server.UploadSpeed, server.DownloadedSession, server.UploadedSession));
        Assert.Equal((0L, 1048576L), (server.DownloadLimit, server.UploadLimit));
        Assert.Equal((91625968981L, 170136834949L), (server.AllTimeDownloaded, server.AllTimeUploaded));
        Assert.Equal(1.86, server.GlobalRatio);
        Assert.Equal(2524000000000, server.FreeSpaceOnDisk);
        Assert.Equal(312, server.DhtNodes);
        Assert.Equal("connected", server.ConnectionStatus);
    }

    [Fact]
    public async Task GetMainDataAsync_Diff_CarriesOnlyChangedFieldsAndRemovals()
    {
        var qbt = new QBittorrentTestClient();
        var answers = new Queue<string>([FullUpdate, Diff]);
        qbt.Route("sync/maindata", _ => TestHttpMessageHandler.Json(answers.Dequeue()));

        var full = (await qbt.Client.GetMainDataAsync(0, Cancel)).Value;
        var diff = (await qbt.Client.GetMainDataAsync(full.Rid, Cancel)).Value;

        Assert.False(diff.FullUpdate);
        Assert.Equal(2, diff.Rid);
        var patch = diff.Torrents[Ubuntu];
        Assert.Equal((0.4391, 4980000L, 51), (patch.Progress, patch.DownloadSpeed, patch.Seeds));
        Assert.True(patch.Eta.HasValue);
        Assert.Null(patch.Eta.Value);
        Assert.Null(patch.Name);
        Assert.Null(patch.State);
        Assert.Null(patch.Tags);
        Assert.False(patch.Ratio.HasValue);
        Assert.False(patch.CompletedOn.HasValue);
        Assert.False(patch.QueuePosition.HasValue);
        Assert.Equal([Severance], diff.TorrentsRemoved);
        Assert.Equal(["radarr"], diff.Categories);
        Assert.Equal(["tv-sonarr"], diff.CategoriesRemoved);
        Assert.Equal(4980000, diff.ServerState!.DownloadSpeed);
        Assert.Null(diff.ServerState.UploadSpeed);
        Assert.Equal(1.87, diff.ServerState.GlobalRatio);
        var dune = diff.Torrents[Dune].ApplyTo(new Torrent { Hash = Dune });
        Assert.Equal(TorrentState.MetaDownloading, dune.State);
        Assert.Null(dune.QueuePosition);

        // Merged, the diff changes what it names and keeps everything else.
        var state = MainDataMerger.Merge(MainDataMerger.Merge(MainDataState.Empty, full).State, diff).State;
        var ubuntu = state.Torrents[Ubuntu];
        Assert.Equal(("ubuntu-24.04.3-desktop-amd64.iso", 0.4391, 4980000L), (ubuntu.Name, ubuntu.Progress, ubuntu.DownloadSpeed));
        Assert.Null(ubuntu.Eta);
        Assert.Equal(0.041, ubuntu.Ratio);
        Assert.False(state.Torrents.ContainsKey(Severance));
        Assert.Equal(["linux", "radarr"], state.Categories);
        Assert.Equal((4980000L, 65536L), (state.Transfer.DownloadSpeed, state.Transfer.UploadSpeed));
    }

    [Fact]
    public async Task GetMainDataAsync_MissingAndOddFields_ReadAsAbsentNotZero()
    {
        const string Json = """
            {"rid":"7","torrents":{"h1":{},"h2":{"eta":0,"ratio":"1.5","tags":null,"progress":1.7,"completion_on":4294967295,"added_on":0},
             "h3":"not an object"},"categories":["books"],"server_state":{"global_ratio":"-","free_space_on_disk":-1}}
            """;
        var qbt = new QBittorrentTestClient().Route("sync/maindata", Json);

        var update = (await qbt.Client.GetMainDataAsync(0, Cancel)).Value;

        Assert.Equal(7, update.Rid);
        Assert.False(update.FullUpdate);
        Assert.Equal(["h1", "h2"], update.Torrents.Keys.Order());
        Assert.Equal(new Homelab.Domain.Downloads.TorrentPatch(), update.Torrents["h1"]);
        var h2 = update.Torrents["h2"];
        Assert.Equal(TimeSpan.Zero, h2.Eta.Value);
        Assert.Equal(1.5, h2.Ratio.Value);
        Assert.Null(h2.Tags);
        Assert.Equal(1, h2.Progress);
        Assert.True(h2.CompletedOn.HasValue);
        Assert.Null(h2.CompletedOn.Value);
        Assert.Null(h2.AddedOn.Value);
        Assert.Equal(["books"], update.Categories);
        Assert.Empty(update.TorrentsRemoved);
        Assert.Null(update.ServerState!.GlobalRatio);
        Assert.Null(update.ServerState.FreeSpaceOnDisk);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>Authelia login</body></html>", "text/html")]
    [InlineData("{\"torrents\":{}}", "application/json")]
    [InlineData("{\"rid\":3,\"torrents\":", "application/json")]
    [InlineData("[1,2,3]", "application/json")]
    [InlineData("", "text/plain")]
    public async Task GetMainDataAsync_NotMaindata_IsAnInvalidResponse(string body, string mediaType)
    {
        var qbt = new QBittorrentTestClient().Route("sync/maindata", _ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, mediaType),
        });

        var result = await qbt.Client.GetMainDataAsync(0, Cancel);

        Assert.Equal(SourceErrorKind.InvalidResponse, result.Error?.Kind);
        Assert.Contains("sync/maindata", result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains(mediaType, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMainDataAsync_FirstCallOfASession_AsksFromZeroWhateverTheRid()
    {
        var qbt = new QBittorrentTestClient().Route("sync/maindata", """{"rid":12,"full_update":true}""");

        await qbt.Client.GetMainDataAsync(41, Cancel);
        await qbt.Client.GetMainDataAsync(12, Cancel);

        Assert.Equal(["?rid=0", "?rid=12"], qbt.RequestsTo("sync/maindata").Select(r => r.Uri.Query));
    }

    [Fact]
    public async Task GetMainDataAsync_AfterTheSessionExpired_AsksFromZeroAgain()
    {
        var qbt = new QBittorrentTestClient();
        var expireNext = false;
        qbt.Route("sync/maindata", _ =>
        {
            if (expireNext)
            {
                expireNext = false;
                return QBittorrentTestClient.Forbidden();
            }

            return TestHttpMessageHandler.Json("""{"rid":5,"full_update":true}""");
        });

        await qbt.Client.GetMainDataAsync(0, Cancel);
        await qbt.Client.GetMainDataAsync(5, Cancel);
        expireNext = true;
        var afterExpiry = await qbt.Client.GetMainDataAsync(5, Cancel);

        Assert.True(afterExpiry.IsSuccess);
        Assert.Equal(["?rid=0", "?rid=5", "?rid=5", "?rid=0"], qbt.RequestsTo("sync/maindata").Select(r => r.Uri.Query));
        Assert.Equal(2, qbt.RequestsTo("auth/login").Count);
    }

    [Fact]
    public async Task GetTorrentsAsync_Info_WholeTorrentsWithBothStateSpellingsFolded()
    {
        var qbt = new QBittorrentTestClient().Route("torrents/info", TorrentsInfo);

        var torrents = (await qbt.Client.GetTorrentsAsync([Ubuntu, Severance], Cancel)).Value;

        Assert.Equal([Ubuntu, Severance, Dune, "b0b0"], torrents.Select(t => t.Hash));
        Assert.Equal([TorrentState.StoppedUp, TorrentState.StoppedUp, TorrentState.StoppedDown, TorrentState.StoppedDown], torrents.Select(t => t.State));
        Assert.Equal((2.5, (double?)null), (torrents[0].Ratio, torrents[1].Ratio));
        Assert.Null(torrents[0].Eta);
        Assert.Equal(["iso"], torrents[0].Tags);
        Assert.Equal($"?hashes={Ubuntu}%7C{Severance}", qbt.RequestsTo("torrents/info").Single().Uri.Query);
    }

    [Fact]
    public async Task GetTorrentsAsync_NoHashes_AsksForAll()
    {
        var qbt = new QBittorrentTestClient().Route("torrents/info", "[]");

        var all = await qbt.Client.GetTorrentsAsync(null, Cancel);
        var none = await qbt.Client.GetTorrentsAsync([], Cancel);

        Assert.Empty(all.Value);
        Assert.Empty(none.Value);
        Assert.All(qbt.RequestsTo("torrents/info"), r => Assert.Equal("", r.Uri.Query));
    }

    [Fact]
    public async Task GetTorrentsAsync_AnObject_IsAnInvalidResponse()
    {
        var qbt = new QBittorrentTestClient().Route("torrents/info", """{"error":"nope"}""");

        var result = await qbt.Client.GetTorrentsAsync(null, Cancel);

        Assert.Equal(SourceErrorKind.InvalidResponse, result.Error?.Kind);
    }
}
