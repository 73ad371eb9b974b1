using Homelab.Dashboard.Live;
using Homelab.Domain.Downloads;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;
using Homelab.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Homelab.Tests.Dashboard.Live;

public sealed class QBittorrentCollectorTests
{
    private readonly FakeTimeProvider _time = new(TestData.Start);
    private readonly TestTorrentSource _source = new();
    private readonly LiveHomelabStore _store;

    public QBittorrentCollectorTests()
    {
        _store = new LiveHomelabStore(_time, TimeSpan.Zero);
        _store.RegisterSource(TestData.Source(SourceIds.QBittorrent, SourceKind.QBittorrent) with { Interval = TimeSpan.FromSeconds(1) });
    }

    private QBittorrentCollector CreateCollector() => new(_source, TimeSpan.FromSeconds(1), _store, _time, NullLogger<QBittorrentCollector>.Instance);

    private static MainDataUpdate Full(long rid, params (string Hash, double Progress)[] torrents) => new()
    {
        Rid = rid,
        FullUpdate = true,
        Torrents = torrents.ToDictionary(t => t.Hash, t => new TorrentPatch { Name = $"name of {t.Hash}", Progress = t.Progress, State = TorrentState.Downloading, DownloadSpeed = 1_000 }),
        Categories = ["linux"],
        ServerState = new TransferPatch { DownloadSpeed = 2_000, UploadSpeed = 500, ConnectionStatus = "connected" },
    };

    [Fact]
    public async Task PollAndReport_FullThenDiff_AsksWithTheLastRidAndStreamsOnlyChangedTorrents()
    {
        using var collector = CreateCollector();
        _source.MainData.Enqueue(SourceResult<MainDataUpdate>.Ok(Full(7, ("aa", 0.1), ("bb", 0.5))));
        _source.MainData.Enqueue(SourceResult<MainDataUpdate>.Ok(new MainDataUpdate { Rid = 8, Torrents = new Dictionary<string, TorrentPatch> { ["bb"] = new() { Progress = 0.6 } } }));
        await collector.PollAndReportAsync(CancellationToken.None);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var subscription = _store.Subscribe(cts.Token);
        await using var changes = subscription.Changes.GetAsyncEnumerator(cts.Token);

        _time.Advance(TimeSpan.FromSeconds(1));
        await collector.PollAndReportAsync(CancellationToken.None);

        Assert.Equal([0L, 7L], _source.RequestedRids);
        Assert.True(await changes.MoveNextAsync());
        var change = changes.Current.OfType<TorrentsChanged>().Single();
        Assert.Equal(["bb"], change.Upserted.Select(t => t.Hash));
        Assert.Null(change.Transfer);
        Assert.NotNull(change.Sample);
        Assert.Equal(0.6, _store.Current.Downloads!.Torrents["bb"].Progress);
        Assert.Equal("name of bb", _store.Current.Downloads.Torrents["bb"].Name);
    }

    [Fact]
    public async Task PollAndReport_First_PublishesTransferCategoriesAndVersion()
    {
        using var collector = CreateCollector();
        _source.MainData.Enqueue(SourceResult<MainDataUpdate>.Ok(Full(1, ("aa", 0.1))));

        await collector.PollAndReportAsync(CancellationToken.None);
        await collector.PollAndReportAsync(CancellationToken.None);

        var downloads = _store.Current.Downloads!;
        Assert.Equal(2_000, downloads.Transfer.DownloadSpeed);
        Assert.Equal(["linux"], downloads.Categories);
        Assert.Equal(2, downloads.History.Count);
        Assert.Equal("qBittorrent v5.0.4 (Web API 2.11.2)", _store.Current.FindSource(SourceIds.QBittorrent)!.Version);
        Assert.Equal(1, _source.ClientInfoCalls);
    }

    [Fact]
    public async Task PollAndReport_WrongPassword_DownWithTheClientsMessageAndFiveMinutesWait()
    {
        using var collector = CreateCollector();
        _source.MainData.Enqueue(SourceResult<MainDataUpdate>.Fail(SourceErrorKind.Unauthorized, "qBittorrent refused the username or password", 401));

        var delay = await collector.PollAndReportAsync(CancellationToken.None);

        Assert.Equal(BackoffPolicy.AuthenticationFailureDelay, delay);
        var status = _store.Current.FindSource(SourceIds.QBittorrent)!;
        Assert.Equal(SourceHealth.Down, status.Health);
        Assert.Equal("qBittorrent refused the username or password", status.LastError!.Message);
    }

    [Fact]
    public async Task PollAndReport_SessionLost_NewFullUpdateReplacesTheCache()
    {
        using var collector = CreateCollector();
        _source.MainData.Enqueue(SourceResult<MainDataUpdate>.Ok(Full(5, ("aa", 0.1), ("bb", 0.2))));
        _source.MainData.Enqueue(SourceResult<MainDataUpdate>.Ok(Full(1, ("bb", 0.3))));
        await collector.PollAndReportAsync(CancellationToken.None);

        await collector.PollAndReportAsync(CancellationToken.None);

        var torrents = _store.Current.Downloads!.Torrents;
        Assert.Equal(["bb"], torrents.Keys);
        Assert.Equal(0.3, torrents["bb"].Progress);
    }

    [Fact]
    public void History_KeepsFiveMinutes()
    {
        var snapshot = HomelabSnapshot.Empty;
        for (var i = 0; i < DownloadsSnapshot.HistoryLength + 20; i++)
        {
            snapshot = snapshot.Apply(new TorrentsChanged([], [], null, null, new TransferSample(TestData.Start.AddSeconds(i), i, 0), TestData.Start.AddSeconds(i)));
        }

        var history = snapshot.Downloads!.History;
        Assert.Equal(DownloadsSnapshot.HistoryLength, history.Count);
        Assert.Equal(DownloadsSnapshot.HistoryLength + 19, history[^1].DownloadSpeed);
    }
}
