using System.Globalization;
using System.Text.RegularExpressions;
using Homelab.Dashboard.Live;
using Homelab.Tests.Integration;
using Homelab.Tests.Shared;
using Microsoft.Playwright;

namespace Homelab.Tests.Browser;

/// <summary>
/// The torrents page in a real browser, with the dashboard watching a real qBittorrent that downloads from another:
/// live progress, actions that reach qBittorrent, a refused login, and names that are only ever text.
/// </summary>
[Collection(RealQBittorrentBrowserCollection.Name)]
public sealed partial class RealQBittorrentBrowserTests(RealQBittorrentBrowserFixture fixture)
{
    private const string Refused = "refused the username or password";

    /// <summary>What qBittorrent logs for each refused login.</summary>
    private const string LoginFailure = "WebAPI login failure";

    private const float Timeout = 30_000;

    private static readonly TimeSpan s_timeout = TimeSpan.FromMilliseconds(Timeout);

    private RealQBittorrentPair Pair => fixture.Pair;

    [Fact]
    public async Task Torrents_RealDownload_ProgressClimbsLiveTo100()
    {
        // The page is open before the torrent exists, so every reading below comes from live updates.
        var page = await fixture.OpenAsync("/torrents");
        await page.EvaluateAsync("() => window.__sameDocument = true"); // a reload would wipe it
        var torrent = await Pair.ShareAsync("browser-live", size: 6 * RealQBittorrentPair.MiB, downloadLimit: RealQBittorrentPair.MiB);
        var row = page.GetByTestId($"torrent-row-{torrent.Hash}");
        var progress = row.GetByTestId("torrent-progress");

        var readings = new List<string>();
        var deadline = DateTime.UtcNow + s_timeout;
        while (readings.Count == 0 || readings[^1] != "100%")
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out; readings [{string.Join(", ", readings)}].{Environment.NewLine}{Pair.Downloader.Diagnostics()}");
            var text = await progress.CountAsync() == 1 ? await progress.TextContentAsync() : null;
            if (text is not null && (readings.Count == 0 || readings[^1] != text))
            {
                readings.Add(text);
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        // libtorrent ramps up in bursts, so the steps are uneven; how many there are shows in the output.
        TestContext.Current.TestOutputHelper?.WriteLine($"readings: {string.Join(", ", readings)}");
        var percents = readings.Select(Percent).ToList();
        Assert.True(percents.Count(p => p is > 0 and < 100) >= 3, $"too few readings on the way: [{string.Join(", ", readings)}]");
        Assert.Equal(percents.Order(), percents);
        await Assertions.Expect(row.GetByTestId("torrent-state")).ToHaveTextAsync(SeedingState(), new() { Timeout = Timeout });
        await Assertions.Expect(row.GetByTestId("torrent-name")).ToHaveTextAsync(torrent.Name);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded on the way");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Torrents_PauseAndResumeFromTheUi_TakeEffectInQBittorrent()
    {
        var page = await fixture.OpenAsync("/torrents");
        var torrent = await Pair.ShareAsync("browser-pause", size: 8 * RealQBittorrentPair.MiB, downloadLimit: RealQBittorrentPair.MiB);
        var row = page.GetByTestId($"torrent-row-{torrent.Hash}");
        var state = row.GetByTestId("torrent-state");
        await Assertions.Expect(row.GetByTestId("action-pause")).ToBeVisibleAsync(new() { Timeout = Timeout });

        await row.GetByTestId("action-pause").ClickAsync();
        await page.GetByTestId("confirm-ok").ClickAsync();

        await Assertions.Expect(row.GetByTestId("action-result")).ToContainTextAsync("paused", new() { Timeout = Timeout });
        var inQBittorrent = await Pair.Downloader.Api.GetTorrentAsync(torrent.Hash, TestContext.Current.CancellationToken);
        Assert.True(inQBittorrent is { IsPaused: true }, $"qBittorrent shows {inQBittorrent}");
        await Assertions.Expect(state).ToHaveTextAsync(PausedState(), new() { Timeout = Timeout });

        await row.GetByTestId("action-resume").ClickAsync();
        await page.GetByTestId("confirm-ok").ClickAsync();

        await Assertions.Expect(row.GetByTestId("action-result")).ToContainTextAsync("resumed", new() { Timeout = Timeout });
        inQBittorrent = await Pair.Downloader.Api.GetTorrentAsync(torrent.Hash, TestContext.Current.CancellationToken);
        Assert.True(inQBittorrent is { IsPaused: false }, $"qBittorrent shows {inQBittorrent}");
        await Assertions.Expect(state).Not.ToHaveTextAsync(PausedState(), new() { Timeout = Timeout });
        await Assertions.Expect(row.GetByTestId("action-pause")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Torrents_WrongPassword_ShowsTheClearErrorOnTorrentsAndSources()
    {
        var instance = fixture.Refusing.Instance;
        var wrong = "wrong-" + Guid.NewGuid().ToString("N")[..12];
        var before = await instance.CountLogLinesAsync(LoginFailure, TestContext.Current.CancellationToken);
        await using var app = new RealQBittorrentAppFactory(instance, wrong);
        await app.InitializeAsync();

        var torrents = await fixture.OpenAsync("/torrents", app);

        var error = torrents.GetByTestId("torrents-error");
        await Assertions.Expect(error).ToContainTextAsync("qBittorrent is down.", new() { Timeout = Timeout });
        await Assertions.Expect(error.GetByTestId("torrents-error-message")).ToContainTextAsync(Refused);
        await Assertions.Expect(error.GetByTestId("torrents-error-message")).ToContainTextAsync("Homelab:QBittorrent:Username and Password");
        Assert.DoesNotContain(wrong, await torrents.ContentAsync(), StringComparison.Ordinal);
        await torrents.Context.CloseAsync();

        var sources = await fixture.OpenAsync("/sources", app);

        var source = sources.GetByTestId($"source-row-{SourceIds.QBittorrent}");
        await Assertions.Expect(source.GetByTestId("source-health")).ToHaveTextAsync("down", new() { Timeout = Timeout });
        await Assertions.Expect(source.GetByTestId("source-error")).ToContainTextAsync(Refused);
        await Assertions.Expect(source.GetByTestId("source-simulated")).ToHaveCountAsync(0);
        Assert.DoesNotContain(wrong, await sources.ContentAsync(), StringComparison.Ordinal);
        await sources.Context.CloseAsync();

        // Two pages and several polls, yet one refused login: far from qBittorrent's ban after five.
        Assert.Equal(before + 1, await instance.CountLogLinesAsync(LoginFailure, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Torrents_HtmlAndScriptInName_RendersAsPlainText()
    {
        const string EvilName = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>Evil";
        var downloader = Pair.Downloader;
        var page = await fixture.OpenAsync("/torrents");

        // A file name cannot hold "</script>" (the slash), so the torrent is renamed in qBittorrent, as anyone can.
        var torrent = TestTorrent.Create(downloader.ContentDirectory, $"html-{Guid.NewGuid().ToString("N")[..8]}.bin", 64 * 1024);
        await downloader.Api.AddTorrentAsync(torrent, downloader.ContentDirectory, skipChecking: true);
        await downloader.WaitForTorrentAsync(torrent.Hash, t => t is not null, s_timeout, "the torrent added");
        await downloader.Api.PostAsync("torrents/rename", ("hash", torrent.Hash), ("name", EvilName));
        await downloader.WaitForTorrentAsync(torrent.Hash, t => t?.Name == EvilName, s_timeout, "the name verbatim");

        var row = page.GetByTestId($"torrent-row-{torrent.Hash}");
        await Assertions.Expect(row.GetByTestId("torrent-name")).ToHaveTextAsync(EvilName, new() { Timeout = Timeout });

        Assert.Contains("<script>", await row.GetByTestId("torrent-name").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await row.Locator("img, script").CountAsync());
        Assert.Equal(0, await page.Locator("img[src='x']").CountAsync());
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
        await page.Context.CloseAsync();
    }

    /// <summary>"42.3%" → 42.3.</summary>
    private static double Percent(string text) => double.Parse(text.TrimEnd('%'), CultureInfo.InvariantCulture);

    /// <summary>"seeding" or "seeding (idle)": complete and offered to others.</summary>
    [GeneratedRegex("^seeding")]
    private static partial Regex SeedingState();

    /// <summary>"paused" while downloading, "completed, paused" once done.</summary>
    [GeneratedRegex("paused$")]
    private static partial Regex PausedState();
}
