using Homelab.Dashboard.Actions;
using Homelab.Domain.Actions;
using Homelab.Domain.Downloads;
using Homelab.Domain.Sources;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Actions;

public sealed class TorrentCommandExecutorTests
{
    private readonly ActionTestHost _host = new();
    private readonly TestTorrentSource _client = new();

    public TorrentCommandExecutorTests()
    {
        _host.Sources.Populate(null, new Dictionary<string, Homelab.Domain.Ports.IContainerSource>(), [], _client);
        _client.Add(new Torrent { Hash = "aa", Name = "ubuntu-24.04.iso", State = TorrentState.Downloading, Progress = 0.4, DownloadSpeed = 5_000_000 });
        _client.Add(new Torrent { Hash = "bb", Name = "debian-13.iso", State = TorrentState.StalledUp, Progress = 1 });
    }

    private Task<ActionResult> RunAsync(TorrentCommandRequest request)
    {
        var executor = new TorrentCommandExecutor(_host.Sources, _host.WrappedOptions, _host.Time);
        return _host.RunClockUntilAsync(executor.ExecuteAsync(request, _host.Time.GetTimestamp(), _host.Time.GetUtcNow() + TimeSpan.FromSeconds(60), CancellationToken.None));
    }

    [Fact]
    public async Task Execute_PauseOne_WaitsUntilQbittorrentSaysPaused()
    {
        var result = await RunAsync(TorrentCommandRequest.ForOne(_client.Get("aa"), TorrentCommand.Pause));

        Assert.Equal(ActionOutcome.Succeeded, result.Outcome);
        Assert.Matches(@"^paused after \d+ (s|ms)$", result.Message);
        Assert.Equal(TorrentState.StoppedDown, _client.Get("aa").State);
        Assert.Equal(TorrentState.StalledUp, _client.Get("bb").State);
    }

    [Fact]
    public async Task Execute_ResumeOne_SaysWhatItDoesNow()
    {
        _client.Set("aa", t => t with { State = TorrentState.StoppedDown });

        var result = await RunAsync(TorrentCommandRequest.ForOne(_client.Get("aa"), TorrentCommand.Resume));

        Assert.Matches(@"^resumed after \d+ (s|ms): downloading$", result.Message);
    }

    [Fact]
    public async Task Execute_PauseAll_PausesEveryTorrentAndCountsThem()
    {
        var result = await RunAsync(TorrentCommandRequest.ForAll(TorrentCommand.Pause));

        Assert.Matches(@"^paused 2 torrents after \d+ (s|ms)$", result.Message);
        var command = Assert.Single(_client.Commands);
        Assert.Empty(command.Hashes);
    }

    [Fact]
    public async Task Execute_AlreadyPaused_SendsNothing()
    {
        _client.Set("aa", t => t with { State = TorrentState.StoppedDown });

        var result = await RunAsync(TorrentCommandRequest.ForOne(_client.Get("aa"), TorrentCommand.Pause));

        Assert.Equal("already paused", result.Message);
        Assert.Empty(_client.Commands);
    }

    [Fact]
    public async Task Execute_DeleteWithFiles_PassesTheChoiceAndWaitsUntilGone()
    {
        var result = await RunAsync(TorrentCommandRequest.ForOne(_client.Get("aa"), TorrentCommand.Delete, deleteFiles: true));

        Assert.Matches(@"^deleted with its files after \d+ (s|ms)$", result.Message);
        Assert.True(Assert.Single(_client.Commands).DeleteFiles);
    }

    [Fact]
    public async Task Execute_RecheckPassesThroughChecking_SaysHowMuchIsThere()
    {
        var reads = 0;
        _client.Effect = (torrent, _) => torrent with { State = TorrentState.CheckingDown };
        var executor = new TorrentCommandExecutor(_host.Sources, _host.WrappedOptions, _host.Time);
        var running = executor.ExecuteAsync(TorrentCommandRequest.ForOne(_client.Get("aa"), TorrentCommand.Recheck), _host.Time.GetTimestamp(), _host.Time.GetUtcNow() + TimeSpan.FromSeconds(60), CancellationToken.None);
        while (!running.IsCompleted && reads++ < 200)
        {
            await Task.Delay(5);
            if (_client.Get("aa").State == TorrentState.CheckingDown && reads > 20)
            {
                _client.Set("aa", t => t with { State = TorrentState.StoppedDown, Progress = 0.4 });
            }

            _host.Time.Advance(TimeSpan.FromMilliseconds(250));
        }

        var result = await running.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Matches(@"^rechecked after \d+ (s|ms): 40% present$", result.Message);
    }

    [Fact]
    public async Task Execute_PauseIgnored_SaysStillDownloadingAfterTimeout()
    {
        _client.Effect = null;

        var result = await RunAsync(TorrentCommandRequest.ForOne(_client.Get("aa"), TorrentCommand.Pause));

        Assert.Equal(ActionOutcome.TimedOut, result.Outcome);
        Assert.StartsWith("still downloading after 6", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_UnknownHash_FailsPlainly()
    {
        var result = await RunAsync(new TorrentCommandRequest(["zz"], "ghost.iso", TorrentCommand.Pause));

        Assert.Equal("qBittorrent has no torrent ghost.iso", result.Message);
    }

    [Fact]
    public async Task Execute_ClientRefuses_ReportsItsMessage()
    {
        _client.CommandError = new SourceError(SourceErrorKind.Forbidden, "qBittorrent banned this address after too many failed logins", 403);

        var result = await RunAsync(TorrentCommandRequest.ForOne(_client.Get("aa"), TorrentCommand.Pause));

        Assert.Equal("qBittorrent refused: qBittorrent banned this address after too many failed logins", result.Message);
    }
}
