using System.Text.Json;

namespace Homelab.Tests.Dashboard.Simulator;

/// <summary>
/// The simulated <c>sync/maindata</c> over real HTTP: full updates, diffs with only what changed, removals and rids.
/// Each test logs in afresh (rids are per session); the ones that change torrents use their own simulator.
/// </summary>
public sealed class QBittorrentSimulatorSyncTests(QBittorrentSimulatorFixture fixture) : IClassFixture<QBittorrentSimulatorFixture>
{
    private const string Fedora = "Fedora-Workstation-Live-43-1.6.x86_64.iso";
    private const string Arch = "archlinux-2026.11.01-x86_64.iso";
    private const string PastLives = "Past.Lives.2023.1080p.WEB-DL.DDP5.1.H.264-FLUX";
    private const string Mint = "linuxmint-22.2-cinnamon-64bit.iso";

    [Theory]
    [InlineData("4.6.7", "pausedUP")]
    [InlineData("5.0.4", "stoppedUP")]
    [InlineData("5.2.0", "stoppedUP")]
    public async Task MainData_Rid0_FullUpdateWithEverything(string version, string pausedWord)
    {
        var sim = await fixture.GetAsync(version);
        using var webUi = await sim.LoginAsync();

        var main = await webUi.MainDataAsync(0);
        var info = await webUi.TorrentsAsync();

        Assert.True(main.GetProperty("full_update").GetBoolean());
        Assert.Equal(1, main.GetProperty("rid").GetInt64());
        var torrents = main.GetProperty("torrents").EnumerateObject().ToDictionary(t => t.Name, t => t.Value, StringComparer.Ordinal);
        Assert.Equal(info.Keys.Order(), torrents.Keys.Order());
        Assert.All(torrents.Values, t => Assert.False(t.TryGetProperty("hash", out _)));
        foreach (var (hash, torrent) in torrents)
        {
            // The same fields as torrents/info, less the hash: the key is the hash.
            Assert.Equal(info[hash].EnumerateObject().Select(p => p.Name).Where(n => n != "hash").Order(), torrent.EnumerateObject().Select(p => p.Name).Order());
        }

        Assert.Equal(pausedWord, torrents.Values.Single(t => t.GetProperty("name").GetString() == Arch).GetProperty("state").GetString());
        Assert.Equal(["gamarr", "librarr", "linux", "radarr", "tv-sonarr"], main.GetProperty("categories").EnumerateObject().Select(c => c.Name).Order());
        Assert.Contains("lts", main.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(JsonValueKind.Object, main.GetProperty("trackers").ValueKind);
        var server = main.GetProperty("server_state");
        foreach (var key in new[] { "dl_info_speed", "up_info_speed", "dl_info_data", "up_info_data", "dl_rate_limit", "up_rate_limit", "dht_nodes", "connection_status", "free_space_on_disk", "alltime_dl", "alltime_ul", "global_ratio", "queueing", "use_alt_speed_limits", "refresh_interval" })
        {
            Assert.True(server.TryGetProperty(key, out _), key);
        }

        Assert.Equal(JsonValueKind.String, server.GetProperty("global_ratio").ValueKind);
        Assert.False(main.TryGetProperty("torrents_removed", out _));
    }

    [Fact]
    public async Task MainData_LastRidNothingChanged_OnlyTheNextRid()
    {
        var sim = await fixture.GetAsync("5.0.4");
        using var webUi = await sim.LoginAsync();
        var first = await webUi.MainDataAsync(0);

        var second = await webUi.MainDataAsync(first.GetProperty("rid").GetInt64());

        Assert.Equal(["rid"], second.EnumerateObject().Select(p => p.Name));
        Assert.Equal(first.GetProperty("rid").GetInt64() + 1, second.GetProperty("rid").GetInt64());
    }

    [Fact]
    public async Task MainData_AfterTicks_OnlyChangedTorrentsWithOnlyTheirChangedFields()
    {
        var sim = await fixture.GetAsync("5.0.4");
        using var webUi = await sim.LoginAsync();
        var first = await webUi.MainDataAsync(0);
        var hashes = Hashes(first);
        sim.Run(TimeSpan.FromSeconds(2));

        var diff = await webUi.MainDataAsync(first.GetProperty("rid").GetInt64());

        Assert.False(diff.TryGetProperty("full_update", out _));
        var changed = diff.GetProperty("torrents");
        var fedora = changed.GetProperty(hashes[Fedora]);
        Assert.True(fedora.GetProperty("progress").GetDouble() > first.GetProperty("torrents").GetProperty(hashes[Fedora]).GetProperty("progress").GetDouble());
        Assert.True(fedora.TryGetProperty("dlspeed", out _));
        Assert.True(fedora.TryGetProperty("downloaded", out _));
        foreach (var fixedField in new[] { "name", "category", "save_path", "size", "added_on", "tags", "magnet_uri", "state" })
        {
            Assert.False(fedora.TryGetProperty(fixedField, out _), fixedField);
        }

        // Paused, errored and queued torrents do nothing, so they are not in the diff at all.
        foreach (var idle in new[] { Arch, PastLives, Mint })
        {
            Assert.False(changed.TryGetProperty(hashes[idle], out _), idle);
        }

        var server = diff.GetProperty("server_state");
        Assert.True(server.TryGetProperty("dl_info_speed", out _));
        Assert.False(server.TryGetProperty("refresh_interval", out _));
        Assert.False(server.TryGetProperty("connection_status", out _));
        Assert.False(diff.TryGetProperty("categories", out _));
        Assert.False(diff.TryGetProperty("tags", out _));
    }

    [Fact]
    public async Task MainData_ViewsRebuiltWithoutVisibleChanges_NoEmptyTorrentObjects()
    {
        var sim = await fixture.GetAsync("4.6.7");
        using var webUi = await sim.LoginAsync();
        sim.Run(TimeSpan.FromSeconds(1));
        var first = await webUi.MainDataAsync(0);

        // A tick within the same second: running torrents get new views, but an idle seeder or the stalled
        // download shows the very same numbers, and qBittorrent leaves a torrent without changes out.
        sim.Jump(TimeSpan.FromMilliseconds(1));
        var diff = await webUi.MainDataAsync(first.GetProperty("rid").GetInt64());

        if (diff.TryGetProperty("torrents", out var torrents))
        {
            Assert.All(torrents.EnumerateObject(), t => Assert.NotEmpty(t.Value.EnumerateObject()));
        }

        Assert.True(!diff.TryGetProperty("server_state", out var server) || server.EnumerateObject().Any());
    }

    [Fact]
    public async Task MainData_PausedTorrent_DiffCarriesItsNewState()
    {
        var sim = await fixture.GetAsync("5.2.0");
        using var webUi = await sim.LoginAsync();
        var first = await webUi.MainDataAsync(0);
        var hash = Hashes(first)[Mint];

        // The queued torrent: pausing it changes nothing else, and nothing ticks in between.
        await webUi.PostAsync("torrents/stop", ("hashes", hash));
        var diff = await webUi.MainDataAsync(first.GetProperty("rid").GetInt64());

        var mint = Assert.Single(diff.GetProperty("torrents").EnumerateObject());
        Assert.Equal(hash, mint.Name);
        Assert.Equal(["state"], mint.Value.EnumerateObject().Select(p => p.Name));
        Assert.Equal("stoppedDL", mint.Value.GetProperty("state").GetString());
        await webUi.PostAsync("torrents/start", ("hashes", hash));
    }

    [Fact]
    public async Task MainData_UnknownRid_FullUpdateAgain()
    {
        var sim = await fixture.GetAsync("5.0.4");
        using var webUi = await sim.LoginAsync();
        var first = await webUi.MainDataAsync(0);

        var unknown = await webUi.MainDataAsync(first.GetProperty("rid").GetInt64() + 40);

        Assert.True(unknown.GetProperty("full_update").GetBoolean());
        Assert.Equal(first.GetProperty("torrents").EnumerateObject().Count(), unknown.GetProperty("torrents").EnumerateObject().Count());
        Assert.True(unknown.TryGetProperty("server_state", out _));
        Assert.Equal(first.GetProperty("rid").GetInt64() + 1, unknown.GetProperty("rid").GetInt64());
    }

    [Fact]
    public async Task MainData_RidCountsUpPerSession()
    {
        var sim = await fixture.GetAsync("5.1.2");
        using var one = await sim.LoginAsync();
        using var other = await sim.LoginAsync();

        var rids = new List<long>();
        long rid = 0;
        for (var i = 0; i < 4; i++)
        {
            rid = (await one.MainDataAsync(rid)).GetProperty("rid").GetInt64();
            rids.Add(rid);
        }

        var otherFirst = await other.MainDataAsync(0);

        Assert.Equal([1L, 2, 3, 4], rids);
        Assert.Equal(1, otherFirst.GetProperty("rid").GetInt64());
        Assert.True(otherFirst.GetProperty("full_update").GetBoolean());

        // The other session's reads do not disturb this one's diff.
        Assert.False((await one.MainDataAsync(rid)).TryGetProperty("full_update", out _));
    }

    [Fact]
    public async Task MainData_AfterLoggingInAgain_TheOldRidMeansNothing()
    {
        var sim = await fixture.GetAsync("5.1.2");
        using var first = await sim.LoginAsync();
        var rid = (await first.MainDataAsync(0)).GetProperty("rid").GetInt64();
        await first.PostAsync("auth/logout");
        using var again = await sim.LoginAsync();

        var main = await again.MainDataAsync(rid);

        Assert.True(main.GetProperty("full_update").GetBoolean());
    }

    [Fact]
    public async Task MainData_TorrentDeleted_ListedInTorrentsRemoved()
    {
        await using var sim = await QBittorrentSim.StartAsync("5.0.4");
        using var webUi = await sim.LoginAsync();
        var first = await webUi.MainDataAsync(0);
        var hash = Hashes(first)[Fedora];

        await webUi.PostAsync("torrents/delete", ("hashes", hash), ("deleteFiles", "false"));
        var diff = await webUi.MainDataAsync(first.GetProperty("rid").GetInt64());

        Assert.Equal([hash], diff.GetProperty("torrents_removed").EnumerateArray().Select(h => h.GetString()));
        Assert.False(diff.TryGetProperty("torrents", out var torrents) && torrents.TryGetProperty(hash, out _));
        var next = await webUi.MainDataAsync(diff.GetProperty("rid").GetInt64());
        Assert.False(next.TryGetProperty("torrents_removed", out _));
    }

    [Fact]
    public async Task MainData_VpnDown_ServerStateSaysDisconnectedAndSpeedsDrop()
    {
        await using var sim = await QBittorrentSim.StartAsync("5.0.4");
        using var webUi = await sim.LoginAsync();
        sim.Run(TimeSpan.FromSeconds(1));
        var first = await webUi.MainDataAsync(0);
        var fedora = Hashes(first)[Fedora];

        sim.Homelab.SetVpnRunning(false);
        sim.Run(TimeSpan.FromSeconds(3));
        var diff = await webUi.MainDataAsync(first.GetProperty("rid").GetInt64());

        var server = diff.GetProperty("server_state");
        Assert.Equal("disconnected", server.GetProperty("connection_status").GetString());
        Assert.Equal(0, server.GetProperty("dl_info_speed").GetInt64());
        Assert.Equal(0, server.GetProperty("dht_nodes").GetInt32());
        var torrent = diff.GetProperty("torrents").GetProperty(fedora);
        Assert.Equal(0, torrent.GetProperty("dlspeed").GetInt64());
        Assert.Equal("stalledDL", torrent.GetProperty("state").GetString());
    }

    private static Dictionary<string, string> Hashes(JsonElement fullUpdate) =>
        fullUpdate.GetProperty("torrents").EnumerateObject().ToDictionary(t => t.Value.GetProperty("name").GetString()!, t => t.Name, StringComparer.Ordinal);
}
