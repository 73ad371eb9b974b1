using System.Net;
using System.Text.Json;
using Homelab.Dashboard.Simulator.State;

namespace Homelab.Tests.Dashboard.Simulator;

/// <summary>
/// The simulated qBittorrent WebUI API over real HTTP, per version. Tests share one simulator per version; the ones
/// that change torrents touch only their own (Fedora: pause/resume, Debian: recheck, the EPUB: delete) and put them back.
/// </summary>
public sealed class QBittorrentSimulatorApiTests(QBittorrentSimulatorFixture fixture) : IClassFixture<QBittorrentSimulatorFixture>
{
    private const string Fedora = "Fedora-Workstation-Live-43-1.6.x86_64.iso";
    private const string Arch = "archlinux-2026.11.01-x86_64.iso";
    private const string Debian = "debian-13.1.0-amd64-netinst.iso";
    private const string Epub = "Brandon Sanderson - Wind and Truth (EPUB)";
    private const string PastLives = "Past.Lives.2023.1080p.WEB-DL.DDP5.1.H.264-FLUX";
    private const string Shogun = "Shogun.2024.S01E05.2160p.DSNP.WEB-DL.DDP5.1.DV.HDR.H.265-FLUX";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("4.6.7", 200, "Ok.", "SID")]
    [InlineData("5.0.4", 200, "Ok.", "SID")]
    [InlineData("5.1.2", 200, "Ok.", "SID")]
    [InlineData("5.2.0", 204, "", "QBT_SID_")]
    public async Task Login_RightCredentials_AnswersByVersionWithItsSessionCookie(string version, int status, string body, string cookiePrefix)
    {
        var sim = await fixture.GetAsync(version);
        using var webUi = sim.Open();

        using var response = await webUi.LoginAsync(sim.Username, sim.Password);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync(Cancel));
        var cookie = Assert.Single(webUi.LastSetCookies);
        Assert.StartsWith(sim.CookieName + "=" + webUi.SessionId + ";", cookie, StringComparison.Ordinal);
        Assert.StartsWith(cookiePrefix, sim.CookieName, StringComparison.Ordinal);
        Assert.Contains("HttpOnly", cookie, StringComparison.Ordinal);
        Assert.Equal("v" + version, await (await webUi.GetAsync("app/version")).Content.ReadAsStringAsync(Cancel));
    }

    [Theory]
    [InlineData("4.6.7", 200, "Fails.")]
    [InlineData("5.1.2", 200, "Fails.")]
    [InlineData("5.2.0", 401, "Unauthorized")]
    public async Task Login_WrongPassword_AnswersByVersionWithoutASession(string version, int status, string body)
    {
        var sim = await fixture.GetAsync(version);
        using var webUi = sim.Open();

        using var response = await webUi.LoginAsync(sim.Username, "not-the-password");

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync(Cancel));
        Assert.Empty(webUi.LastSetCookies);
        Assert.Equal(HttpStatusCode.Forbidden, (await webUi.GetAsync("app/version")).StatusCode);

        // A right login afterwards clears the failure, so the shared simulator never gets near a ban.
        using var _ = await sim.LoginAsync();
    }

    [Theory]
    [InlineData("4.6.7", "app/version")]
    [InlineData("5.0.4", "sync/maindata?rid=0")]
    [InlineData("5.2.0", "torrents/info")]
    [InlineData("5.2.0", "transfer/info")]
    public async Task PrivateApi_NoSession_Is403Forbidden(string version, string path)
    {
        var sim = await fixture.GetAsync(version);
        using var webUi = sim.Open();

        using var response = await webUi.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Forbidden", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task PrivateApi_MadeUpOrLoggedOutSession_Is403()
    {
        var sim = await fixture.GetAsync("5.0.4");
        using var made = sim.Open();
        made.SessionId = "bm90LWEtcmVhbC1zZXNzaW9uLWlkLWF0LWFsbA";
        using var webUi = await sim.LoginAsync();
        var id = webUi.SessionId;

        Assert.Equal(HttpStatusCode.Forbidden, (await made.GetAsync("app/version")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await webUi.PostAsync("auth/logout")).StatusCode);
        webUi.SessionId = id;
        Assert.Equal(HttpStatusCode.Forbidden, (await webUi.GetAsync("app/version")).StatusCode);
    }

    [Fact]
    public async Task Session_IdleForAnHour_Expires()
    {
        var sim = await fixture.GetAsync("5.1.2");
        using var webUi = await sim.LoginAsync();

        sim.Jump(TimeSpan.FromMinutes(50));
        Assert.Equal(HttpStatusCode.OK, (await webUi.GetAsync("app/version")).StatusCode);
        sim.Jump(TimeSpan.FromMinutes(50));
        Assert.Equal(HttpStatusCode.OK, (await webUi.GetAsync("app/version")).StatusCode);
        sim.Jump(TimeSpan.FromMinutes(61));

        Assert.Equal(HttpStatusCode.Forbidden, (await webUi.GetAsync("app/version")).StatusCode);
    }

    [Fact]
    public async Task ApiKey_On52_WorksWithoutALoginButNotForAuth()
    {
        var sim = await fixture.GetAsync("5.2.0");
        using var webUi = sim.Open();
        webUi.ApiKey = sim.ApiKey;

        Assert.Equal("v5.2.0", await (await webUi.GetAsync("app/version")).Content.ReadAsStringAsync(Cancel));
        Assert.NotEmpty(await webUi.TorrentsAsync());
        using var login = await webUi.LoginAsync(sim.Username, sim.Password);
        Assert.Equal(HttpStatusCode.Forbidden, login.StatusCode);
        Assert.Empty(webUi.LastSetCookies);
        Assert.Equal(HttpStatusCode.Forbidden, (await webUi.PostAsync("auth/logout")).StatusCode);

        webUi.ApiKey = "qbt_not-the-key";
        Assert.Equal(HttpStatusCode.Forbidden, (await webUi.GetAsync("app/version")).StatusCode);
    }

    [Theory]
    [InlineData("4.6.7")]
    [InlineData("5.1.2")]
    public async Task ApiKey_Before52_IsNoSession(string version)
    {
        var sim = await fixture.GetAsync(version);
        using var webUi = sim.Open();
        webUi.ApiKey = sim.ApiKey;

        Assert.Equal(HttpStatusCode.Forbidden, (await webUi.GetAsync("app/version")).StatusCode);
    }

    [Theory]
    [InlineData("4.6.7")]
    [InlineData("5.2.0")]
    public async Task Login_FiveFailures_BannedForAnHourEvenWithTheRightPassword(string version)
    {
        await using var sim = await QBittorrentSim.StartAsync(version);
        using var webUi = sim.Open();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await webUi.LoginAsync(sim.Username, "guess-" + i);
            Assert.Equal(sim.ModernAuth ? HttpStatusCode.Unauthorized : HttpStatusCode.OK, failed.StatusCode);
        }

        using var banned = await webUi.LoginAsync(sim.Username, sim.Password);

        Assert.Equal(HttpStatusCode.Forbidden, banned.StatusCode);
        Assert.Equal("Your IP address has been banned after too many failed authentication attempts.", await banned.Content.ReadAsStringAsync(Cancel));
        Assert.Null(webUi.SessionId);
        sim.Jump(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.Forbidden, (await webUi.LoginAsync(sim.Username, sim.Password)).StatusCode);
        sim.Jump(TimeSpan.FromMinutes(1.5));
        using var again = await sim.LoginAsync();
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("app/version")).StatusCode);
    }

    [Fact]
    public async Task Login_FourFailuresThenSuccess_CountStartsOver()
    {
        await using var sim = await QBittorrentSim.StartAsync("5.0.4");
        using var webUi = sim.Open();
        for (var i = 0; i < 4; i++)
        {
            await webUi.LoginAsync(sim.Username, "guess");
        }

        using var _ = await sim.LoginAsync();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("Fails.", await (await webUi.LoginAsync(sim.Username, "guess")).Content.ReadAsStringAsync(Cancel));
        }

        using var stillAllowed = await sim.LoginAsync();
    }

    [Theory]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "http://127.0.0.1:1")]
    [InlineData("Referer", "http://evil.example/page")]
    public async Task AnyRequest_ForeignOriginOrReferer_Is401EvenWithASession(string header, string value)
    {
        var sim = await fixture.GetAsync("5.0.4");
        using var webUi = await sim.LoginAsync();

        using var response = await webUi.GetAsync("app/version", r => r.Headers.TryAddWithoutValidation(header, value));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthorized", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task AnyRequest_SameOrigin_IsServed()
    {
        var sim = await fixture.GetAsync("5.0.4");
        using var webUi = await sim.LoginAsync();
        var origin = sim.Url.GetLeftPart(UriPartial.Authority);

        Assert.Equal(HttpStatusCode.OK, (await webUi.GetAsync("app/version", r => r.Headers.TryAddWithoutValidation("Origin", origin))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await webUi.GetAsync("app/version", r => r.Headers.TryAddWithoutValidation("Referer", origin + "/index.html"))).StatusCode);
    }

    [Fact]
    public async Task ApiKey_ForeignOrigin_SkipsTheCsrfCheck()
    {
        var sim = await fixture.GetAsync("5.2.0");
        using var webUi = sim.Open();
        webUi.ApiKey = sim.ApiKey;

        using var response = await webUi.GetAsync("app/version", r => r.Headers.TryAddWithoutValidation("Origin", "http://evil.example"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("4.6.7", "torrents/pause")]
    [InlineData("4.6.7", "torrents/resume")]
    [InlineData("5.0.4", "torrents/stop")]
    [InlineData("5.0.4", "torrents/start")]
    [InlineData("5.2.0", "torrents/recheck")]
    [InlineData("5.2.0", "torrents/delete")]
    [InlineData("5.0.4", "auth/logout")]
    public async Task StateChangingEndpoint_Get_Is405(string version, string path)
    {
        var sim = await fixture.GetAsync(version);
        using var webUi = await sim.LoginAsync();
        var hash = (await HashOfAsync(webUi, Fedora)).ToString();

        using var response = await webUi.GetAsync($"{path}?hashes={hash}&deleteFiles=false");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.DoesNotContain((await TorrentAsync(webUi, Fedora)).GetProperty("state").GetString(), new[] { "pausedDL", "stoppedDL", "checkingDL" });
    }

    [Fact]
    public async Task Login_Get_Is405()
    {
        var sim = await fixture.GetAsync("4.6.7");
        using var webUi = sim.Open();

        using var response = await webUi.GetAsync($"auth/login?username={sim.Username}&password={sim.Password}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Null(webUi.SessionId);
    }

    [Theory]
    [InlineData("4.6.7", "torrents/pause", 200)]
    [InlineData("4.6.7", "torrents/resume", 200)]
    [InlineData("4.6.7", "torrents/stop", 404)]
    [InlineData("4.6.7", "torrents/start", 404)]
    [InlineData("5.0.4", "torrents/pause", 404)]
    [InlineData("5.0.4", "torrents/resume", 404)]
    [InlineData("5.0.4", "torrents/stop", 200)]
    [InlineData("5.0.4", "torrents/start", 200)]
    [InlineData("5.2.0", "torrents/pause", 404)]
    [InlineData("5.2.0", "torrents/stop", 204)]
    public async Task PauseVerbs_ByVersion_OnlyTheVersionsWordsExist(string version, string path, int status)
    {
        var sim = await fixture.GetAsync(version);
        using var webUi = await sim.LoginAsync();

        // A hash no torrent has: the call is answered without changing anything.
        using var response = await webUi.PostAsync(path, ("hashes", "0000000000000000000000000000000000000000"));

        Assert.Equal(status, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("4.6.7", "v4.6.7", "2.9.3")]
    [InlineData("5.0.4", "v5.0.4", "2.11.2")]
    [InlineData("5.1.2", "v5.1.2", "2.11.4")]
    [InlineData("5.2.0", "v5.2.0", "2.15.0")]
    public async Task Versions_ArePlainText(string version, string app, string webApi)
    {
        var sim = await fixture.GetAsync(version);
        using var webUi = await sim.LoginAsync();

        Assert.Equal(app, await (await webUi.GetAsync("app/version")).Content.ReadAsStringAsync(Cancel));
        Assert.Equal(webApi, await (await webUi.GetAsync("app/webapiVersion")).Content.ReadAsStringAsync(Cancel));
    }

    [Theory]
    [InlineData("4.6.7", "pausedUP", "pausedDL")]
    [InlineData("5.0.4", "stoppedUP", "stoppedDL")]
    [InlineData("5.2.0", "stoppedUP", "stoppedDL")]
    public async Task PauseThenResume_StateIsTheVersionsWordThenRunsAgain(string version, string pausedComplete, string pausedIncomplete)
    {
        var sim = await fixture.GetAsync(version);
        using var webUi = await sim.LoginAsync();
        var hash = await HashOfAsync(webUi, Fedora);
        Assert.Equal(pausedComplete, (await TorrentAsync(webUi, Arch)).GetProperty("state").GetString());

        using var paused = await webUi.PostAsync("torrents/" + sim.PauseVerb, ("hashes", hash));

        Assert.Equal(sim.ModernAuth ? HttpStatusCode.NoContent : HttpStatusCode.OK, paused.StatusCode);
        Assert.Equal("", await paused.Content.ReadAsStringAsync(Cancel));
        var stopped = await TorrentAsync(webUi, Fedora);
        Assert.Equal(pausedIncomplete, stopped.GetProperty("state").GetString());
        Assert.Equal((0, 0), (stopped.GetProperty("dlspeed").GetInt64(), stopped.GetProperty("num_seeds").GetInt32()));
        Assert.Equal(SimulatedHomelab.InfiniteEta, stopped.GetProperty("eta").GetInt64());

        using var resumed = await webUi.PostAsync("torrents/" + sim.ResumeVerb, ("hashes", hash));
        sim.Run(TimeSpan.FromSeconds(3));

        Assert.True(resumed.IsSuccessStatusCode);
        Assert.Equal("downloading", (await TorrentAsync(webUi, Fedora)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Recheck_GoesThroughCheckingAndBackToSeeding()
    {
        var sim = await fixture.GetAsync("5.0.4");
        using var webUi = await sim.LoginAsync();

        using var response = await webUi.PostAsync("torrents/recheck", ("hashes", await HashOfAsync(webUi, Debian)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("checkingUP", (await TorrentAsync(webUi, Debian)).GetProperty("state").GetString());
        sim.Run(TimeSpan.FromSeconds(2));
        Assert.Contains((await TorrentAsync(webUi, Debian)).GetProperty("state").GetString(), new[] { "uploading", "stalledUP" });
        Assert.Equal(1, (await TorrentAsync(webUi, Debian)).GetProperty("progress").GetDouble());
    }

    [Fact]
    public async Task Delete_WithFiles_TheTorrentIsGone()
    {
        var sim = await fixture.GetAsync("5.2.0");
        using var webUi = await sim.LoginAsync();
        var hash = await HashOfAsync(webUi, Epub);

        using var response = await webUi.PostAsync("torrents/delete", ("hashes", hash), ("deleteFiles", "true"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.DoesNotContain(hash, (await webUi.TorrentsAsync()).Keys);
        Assert.Empty(await webUi.TorrentsAsync($"?hashes={hash}"));
    }

    [Theory]
    [InlineData("torrents/stop")]
    [InlineData("torrents/start")]
    [InlineData("torrents/recheck")]
    [InlineData("torrents/delete")]
    public async Task Command_WithoutHashes_Is400AndChangesNothing(string path)
    {
        var sim = await fixture.GetAsync("5.1.2");
        using var webUi = await sim.LoginAsync();
        var before = (await webUi.TorrentsAsync()).ToDictionary(t => t.Key, t => t.Value.GetProperty("state").GetString());

        using var response = await webUi.PostAsync(path, ("deleteFiles", "true"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, (await webUi.TorrentsAsync()).ToDictionary(t => t.Key, t => t.Value.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Delete_WithoutDeleteFiles_Is400()
    {
        var sim = await fixture.GetAsync("5.1.2");
        using var webUi = await sim.LoginAsync();
        var hash = await HashOfAsync(webUi, Fedora);

        using var response = await webUi.PostAsync("torrents/delete", ("hashes", hash));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(hash, (await webUi.TorrentsAsync()).Keys);
    }

    [Fact]
    public async Task TorrentsInfo_AllFieldsInWireUnits()
    {
        var sim = await fixture.GetAsync("5.0.4");
        using var webUi = await sim.LoginAsync();

        var fedora = await TorrentAsync(webUi, Fedora);

        Assert.Equal(JsonValueKind.String, fedora.GetProperty("hash").ValueKind);
        Assert.InRange(fedora.GetProperty("progress").GetDouble(), 0.3, 0.99);
        Assert.Equal(fedora.GetProperty("size").GetInt64(), fedora.GetProperty("total_size").GetInt64());
        Assert.Equal("linux", fedora.GetProperty("category").GetString());
        Assert.Equal("iso", fedora.GetProperty("tags").GetString());
        Assert.Equal("/data/media/downloads/linux", fedora.GetProperty("save_path").GetString());
        Assert.Equal("/data/media/downloads/linux/" + Fedora, fedora.GetProperty("content_path").GetString());
        Assert.Equal(-1, fedora.GetProperty("completion_on").GetInt64());
        Assert.True(fedora.GetProperty("dlspeed").GetInt64() > 0);
        Assert.InRange(fedora.GetProperty("added_on").GetInt64(), sim.Time.GetUtcNow().AddDays(-1).ToUnixTimeSeconds(), sim.Time.GetUtcNow().ToUnixTimeSeconds());
        var iso = await TorrentAsync(webUi, "ubuntu-24.04.3-desktop-amd64.iso");
        Assert.Equal("iso, lts", iso.GetProperty("tags").GetString());
        Assert.True(iso.GetProperty("completion_on").GetInt64() > iso.GetProperty("added_on").GetInt64());
    }

    [Theory]
    [InlineData("4.6.7", "?filter=paused", new[] { Arch })]
    [InlineData("5.0.4", "?filter=stopped", new[] { Arch })]
    [InlineData("5.0.4", "?filter=errored", new[] { PastLives })]
    [InlineData("4.6.7", "?filter=stalled_downloading", new[] { Shogun })]
    [InlineData("5.0.4", "?category=librarr&filter=downloading", new[] { "James S. A. Corey - The Expanse (Books 1-9, Audiobook, M4B)" })]
    public async Task TorrentsInfo_Filter_OnlyTheMatchingTorrents(string version, string query, string[] names)
    {
        var sim = await fixture.GetAsync(version);
        using var webUi = await sim.LoginAsync();

        var torrents = await webUi.TorrentsAsync(query);

        Assert.Equal(names.Order(StringComparer.Ordinal), torrents.Values.Select(t => t.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("4.6.7", "stopped")]
    [InlineData("5.0.4", "paused")]
    [InlineData("5.0.4", "no-such-filter")]
    public async Task TorrentsInfo_FilterTheVersionDoesNotKnow_IsAll(string version, string filter)
    {
        var sim = await fixture.GetAsync(version);
        using var webUi = await sim.LoginAsync();

        Assert.Equal((await webUi.TorrentsAsync()).Keys.Order(), (await webUi.TorrentsAsync("?filter=" + filter)).Keys.Order());
    }

    [Fact]
    public async Task TorrentsInfo_DownloadingAndSeeding_SplitByState()
    {
        var sim = await fixture.GetAsync("5.0.4");
        using var webUi = await sim.LoginAsync();

        var downloading = await webUi.TorrentsAsync("?filter=downloading");
        var seeding = await webUi.TorrentsAsync("?filter=seeding");

        Assert.Contains(Fedora, downloading.Values.Select(t => t.GetProperty("name").GetString()));
        Assert.All(downloading.Values, t => Assert.True(t.GetProperty("progress").GetDouble() < 1));
        Assert.All(seeding.Values, t => Assert.Contains(t.GetProperty("state").GetString(), new[] { "uploading", "stalledUP", "forcedUP", "queuedUP" }));
        Assert.Empty(downloading.Keys.Intersect(seeding.Keys));
        Assert.NotEmpty(seeding);
    }

    [Fact]
    public async Task TorrentsInfo_CategoryAndHashes_Narrow()
    {
        var sim = await fixture.GetAsync("5.1.2");
        using var webUi = await sim.LoginAsync();
        var all = await webUi.TorrentsAsync();
        var two = all.Keys.Take(2).ToArray();

        var linux = await webUi.TorrentsAsync("?category=linux");
        var picked = await webUi.TorrentsAsync($"?hashes={two[0]}|{two[1].ToUpperInvariant()}");

        Assert.Equal(6, linux.Count);
        Assert.All(linux.Values, t => Assert.Equal("linux", t.GetProperty("category").GetString()));
        Assert.Equal(two.Order(), picked.Keys.Order());
        Assert.Empty(await webUi.TorrentsAsync("?category=no-such-category"));
    }

    [Fact]
    public async Task TorrentsCategories_KeyedByNameWithSavePaths()
    {
        var sim = await fixture.GetAsync("5.0.4");
        using var webUi = await sim.LoginAsync();

        var categories = await webUi.GetJsonAsync("torrents/categories");

        Assert.Equal(["linux", "tv-sonarr", "radarr", "librarr", "gamarr"], categories.EnumerateObject().Select(c => c.Name));
        Assert.Equal("linux", categories.GetProperty("linux").GetProperty("name").GetString());
        Assert.Equal("/data/media/downloads/books", categories.GetProperty("librarr").GetProperty("savePath").GetString());
    }

    [Theory]
    [InlineData("4.6.7", false)]
    [InlineData("5.0.4", true)]
    public async Task TransferInfo_SpeedsAreTheTorrentsSum(string version, bool hasExternalAddress)
    {
        var sim = await fixture.GetAsync(version);
        using var webUi = await sim.LoginAsync();
        sim.Run(TimeSpan.FromSeconds(2));

        var transfer = await webUi.GetJsonAsync("transfer/info");
        var torrents = await webUi.TorrentsAsync();

        Assert.Equal(torrents.Values.Sum(t => t.GetProperty("dlspeed").GetInt64()), transfer.GetProperty("dl_info_speed").GetInt64());
        Assert.Equal(torrents.Values.Sum(t => t.GetProperty("upspeed").GetInt64()), transfer.GetProperty("up_info_speed").GetInt64());
        Assert.Equal("connected", transfer.GetProperty("connection_status").GetString());
        Assert.True(transfer.GetProperty("dht_nodes").GetInt32() > 0);
        Assert.Equal((0, 0), (transfer.GetProperty("dl_rate_limit").GetInt64(), transfer.GetProperty("up_rate_limit").GetInt64()));
        Assert.Equal(hasExternalAddress, transfer.TryGetProperty("last_external_address_v4", out _));
    }

    [Fact]
    public async Task VpnTunnelDown_WebUiAnswersButTrafficStops()
    {
        await using var sim = await QBittorrentSim.StartAsync("5.0.4");
        using var webUi = await sim.LoginAsync();

        sim.Homelab.SetVpnRunning(false);
        sim.Run(TimeSpan.FromSeconds(5));

        var transfer = await webUi.GetJsonAsync("transfer/info");
        Assert.Equal(("disconnected", 0L, 0L), (transfer.GetProperty("connection_status").GetString(), transfer.GetProperty("dl_info_speed").GetInt64(), transfer.GetProperty("up_info_speed").GetInt64()));
        Assert.All((await webUi.TorrentsAsync()).Values, t => Assert.Equal(0, t.GetProperty("dlspeed").GetInt64() + t.GetProperty("upspeed").GetInt64()));
    }

    [Fact]
    public async Task GluetunContainerStopped_ConnectionsDroppedUntilItRuns()
    {
        await using var sim = await QBittorrentSim.StartAsync("5.0.4");
        using var webUi = await sim.LoginAsync();

        await sim.SetContainerRunningAsync("gluetun", running: false);

        await Assert.ThrowsAsync<HttpRequestException>(() => webUi.GetAsync("app/version"));
        using var anonymous = sim.Open();
        await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.LoginAsync(sim.Username, sim.Password));

        await sim.SetContainerRunningAsync("gluetun", running: true);

        Assert.Equal(HttpStatusCode.OK, (await webUi.GetAsync("app/version")).StatusCode);
    }

    [Fact]
    public async Task QBittorrentContainerRestarted_EverySessionEnds()
    {
        await using var sim = await QBittorrentSim.StartAsync("4.6.7");
        using var webUi = await sim.LoginAsync();

        await sim.SetContainerRunningAsync("qbittorrent", running: false);
        await sim.SetContainerRunningAsync("qbittorrent", running: true);

        Assert.Equal(HttpStatusCode.Forbidden, (await webUi.GetAsync("app/version")).StatusCode);
    }

    private static async Task<string> HashOfAsync(QBittorrentWebUi webUi, string name) =>
        (await TorrentAsync(webUi, name)).GetProperty("hash").GetString()!;

    private static async Task<JsonElement> TorrentAsync(QBittorrentWebUi webUi, string name) =>
        (await webUi.TorrentsAsync()).Values.Single(t => t.GetProperty("name").GetString() == name);
}
