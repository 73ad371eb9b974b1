using System.Net;
using Homelab.Domain.Downloads;
using Homelab.Domain.Sources;
using Homelab.Tests.Dashboard.Simulator;
using Microsoft.Extensions.Time.Testing;

namespace Homelab.Tests.Dashboard.Adapters.QBittorrent;

/// <summary>The real adapter against the simulated qBittorrent of each version, over TCP, as the dashboard runs in demo mode.</summary>
public sealed class QBittorrentClientSimulatorTests(QBittorrentSimulatorFixture fixture) : IClassFixture<QBittorrentSimulatorFixture>
{
    private const string Fedora = "Fedora-Workstation-Live-43-1.6.x86_64.iso";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("4.6.7", "2.9.3", false)]
    [InlineData("5.0.4", "2.11.2", true)]
    [InlineData("5.1.2", "2.11.4", true)]
    [InlineData("5.2.0", "2.15.0", true)]
    public async Task GetClientInfo_ReadsTheVersionAndItsVerbs(string version, string webApi, bool stopStart)
    {
        var sim = await fixture.GetAsync(version);
        using var adapter = sim.CreateAdapter();

        var info = (await adapter.GetClientInfoAsync(Cancel)).Value;

        Assert.Equal(("v" + version, webApi, stopStart), (info.Version, info.WebApiVersion, info.UsesStopStart));
    }

    [Theory]
    [InlineData("4.6.7")]
    [InlineData("5.0.4")]
    [InlineData("5.1.2")]
    [InlineData("5.2.0")]
    public async Task GetMainData_ReadRepeatedlyAndMerged_MatchesTorrentsInfo(string version)
    {
        var sim = await fixture.GetAsync(version);
        using var adapter = sim.CreateAdapter();
        var state = MainDataState.Empty;
        var updates = new List<MainDataUpdate>();

        for (var i = 0; i < 6; i++)
        {
            var update = (await adapter.GetMainDataAsync(state.Rid, Cancel)).Value;
            updates.Add(update);
            state = MainDataMerger.Merge(state, update).State;
            sim.Run(TimeSpan.FromSeconds(2));
        }

        var last = (await adapter.GetMainDataAsync(state.Rid, Cancel)).Value;
        state = MainDataMerger.Merge(state, last).State;
        var torrents = (await adapter.GetTorrentsAsync(null, Cancel)).Value;

        Assert.True(updates[0].FullUpdate);
        Assert.All(updates.Skip(1), u => Assert.False(u.FullUpdate));
        Assert.All(updates.Skip(1), u => Assert.True(u.Torrents.Count < torrents.Count, "a diff carries only what changed"));
        Assert.Equal(torrents.Count, state.Torrents.Count);
        foreach (var torrent in torrents)
        {
            Assert.Equal(torrent, state.Torrents[torrent.Hash]);
        }

        Assert.Equal(["gamarr", "librarr", "linux", "radarr", "tv-sonarr"], state.Categories);
        Assert.Equal("connected", state.Transfer.ConnectionStatus);
        Assert.Equal(torrents.Sum(t => t.DownloadSpeed), state.Transfer.DownloadSpeed);
        Assert.True(state.Torrents.Values.Single(t => t.Name == Fedora).Progress > updates[0].Torrents.Values.Single(t => t.Name == Fedora).Progress);
    }

    [Theory]
    [InlineData("4.6.7")]
    [InlineData("5.0.4")]
    [InlineData("5.2.0")]
    public async Task SendCommand_PauseThenResume_UsesTheVersionsVerb(string version)
    {
        var sim = await fixture.GetAsync(version);
        using var adapter = sim.CreateAdapter();
        var hash = (await adapter.GetTorrentsAsync(null, Cancel)).Value.Single(t => t.Name == Fedora).Hash;

        var paused = await adapter.SendCommandAsync(TorrentCommand.Pause, [hash], deleteFiles: false, Cancel);

        Assert.True(paused.IsSuccess, paused.Error?.Message);
        var stopped = Assert.Single((await adapter.GetTorrentsAsync([hash], Cancel)).Value);
        Assert.Equal((TorrentState.StoppedDown, 0L), (stopped.State, stopped.DownloadSpeed));

        var resumed = await adapter.SendCommandAsync(TorrentCommand.Resume, [hash], deleteFiles: false, Cancel);
        sim.Run(TimeSpan.FromSeconds(3));

        Assert.True(resumed.IsSuccess, resumed.Error?.Message);
        Assert.Equal(TorrentState.Downloading, Assert.Single((await adapter.GetTorrentsAsync([hash], Cancel)).Value).State);
    }

    [Fact]
    public async Task AnyCall_ApiKeyOn52_NeedsNoLogin()
    {
        var sim = await fixture.GetAsync("5.2.0");
        using var adapter = sim.CreateAdapter(apiKey: sim.ApiKey);
        var before = await sim.RequestCountAsync();

        var torrents = await adapter.GetTorrentsAsync(null, Cancel);

        Assert.True(torrents.IsSuccess, torrents.Error?.Message);
        Assert.NotEmpty(torrents.Value);
        Assert.Equal(before + 1, await sim.RequestCountAsync());
    }

    [Theory]
    [InlineData("4.6.7")]
    [InlineData("5.2.0")]
    public async Task AnyCall_WrongPassword_UnauthorizedWithOneLoginAttemptPerCoolDown(string version)
    {
        await using var sim = await QBittorrentSim.StartAsync(version);
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        using var adapter = sim.CreateAdapter(password: "not-the-password", time: clock);
        var before = await sim.RequestCountAsync();

        var errors = new List<SourceError>();
        for (var i = 0; i < 5; i++)
        {
            errors.Add((await adapter.GetMainDataAsync(0, Cancel)).Error!);
            errors.Add((await adapter.GetTorrentsAsync(null, Cancel)).Error!);
            errors.Add((await adapter.SendCommandAsync(TorrentCommand.Pause, ["0000000000000000000000000000000000000000"], false, Cancel)).Error!);
        }

        Assert.All(errors, e => Assert.Equal(SourceErrorKind.Unauthorized, e.Kind));
        Assert.Contains("Homelab:QBittorrent:Username", errors[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(before + 1, await sim.RequestCountAsync());

        // Past the cool-down the adapter tries once more: the simulator has now counted two failures, so three
        // more logins from anywhere on this address are answered, and the next one is banned.
        clock.Advance(BackoffPolicy.AuthenticationFailureDelay + TimeSpan.FromSeconds(1));
        Assert.Equal(SourceErrorKind.Unauthorized, (await adapter.GetTorrentsAsync(null, Cancel)).Error?.Kind);
        Assert.Equal(before + 2, await sim.RequestCountAsync());
        using var webUi = sim.Open();
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.Forbidden, (await webUi.LoginAsync(sim.Username, "guess")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await webUi.LoginAsync(sim.Username, "guess")).StatusCode);
        clock.Advance(BackoffPolicy.AuthenticationFailureDelay + TimeSpan.FromSeconds(1));
        var banned = (await adapter.GetTorrentsAsync(null, Cancel)).Error!;
        Assert.Equal((SourceErrorKind.Forbidden, 403), (banned.Kind, banned.StatusCode));
        Assert.Contains("banned", banned.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCall_QBittorrentRestarted_LogsInAgainAndReadsAFullUpdate()
    {
        await using var sim = await QBittorrentSim.StartAsync("5.0.4");
        using var adapter = sim.CreateAdapter();
        var first = (await adapter.GetMainDataAsync(0, Cancel)).Value;
        Assert.False((await adapter.GetMainDataAsync(first.Rid, Cancel)).Value.FullUpdate);

        await sim.SetContainerRunningAsync("qbittorrent", running: false);
        Assert.Equal(SourceErrorKind.Unreachable, (await adapter.GetMainDataAsync(first.Rid + 1, Cancel)).Error?.Kind);
        await sim.SetContainerRunningAsync("qbittorrent", running: true);

        var after = await adapter.GetMainDataAsync(first.Rid + 1, Cancel);

        Assert.True(after.IsSuccess, after.Error?.Message);
        Assert.True(after.Value.FullUpdate);
        Assert.Equal(first.Torrents.Count, after.Value.Torrents.Count);
    }
}
