using System.Diagnostics;
using AngleSharp.Dom;
using Bunit;
using Homelab.Dashboard.Components.Controls;
using Homelab.Dashboard.Components.Pages;
using Homelab.Domain.Downloads;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;
using Homelab.Tests.Dashboard.Model;
using Homelab.Tests.Shared;
using Microsoft.AspNetCore.Components.Rendering;

namespace Homelab.Tests.Components;

public sealed class TorrentsPageTests : HomelabComponentTestBase
{
    private const string Ubuntu = "ubuntu-24.04.1-desktop-amd64.iso";

    public TorrentsPageTests() => Live.Current = TestSnapshots.SeedWithDownloads();

    private static string Row(string name) => $"[data-testid=torrent-row-{TestSnapshots.HashFor(name)}]";

    private static IReadOnlyList<string> RowNames(IRenderedComponent<TorrentsPage> cut) =>
        [.. cut.FindAll("tr[data-testid^=torrent-row-] [data-testid=torrent-name]").Select(n => n.TextContent)];

    private static string Text(IElement row, string testId) => row.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();

    [Fact]
    public void Render_Seed_ShowsEveryTorrentWithItsFigures()
    {
        var cut = Render<TorrentsPage>();

        Assert.Equal(16, RowNames(cut).Count);
        var ubuntu = cut.Find(Row(Ubuntu));
        Assert.Equal(Ubuntu, Text(ubuntu, "torrent-name"));
        Assert.Equal("downloading", Text(ubuntu, "torrent-state"));
        Assert.Equal("42.3%", Text(ubuntu, "torrent-progress"));
        string[] cells = [.. ubuntu.QuerySelectorAll("td").Select(td => td.TextContent.Trim())];
        Assert.Equal(["5.7 GiB", "5.2 MiB/s", "256 KiB/s", "11 min", "0.04", "linux", "2026-11-26 11:30"], cells[3..10]);
        Assert.Equal("16", cut.Find("[data-testid=torrents-count]").TextContent);
    }

    [Fact]
    public void Render_StateIsAWordWithAnIcon_NotAColourAlone()
    {
        var cut = Render<TorrentsPage>();

        var stalled = cut.Find($"{Row("The.Last.of.Us.S02E03.2160p.WEB.H265-NHTFS")} [data-testid=torrent-state]");
        Assert.Equal("stalled", stalled.TextContent);
        Assert.Contains("hl-tstate-stalled", stalled.ClassName, StringComparison.Ordinal);
        Assert.Equal("error", cut.Find($"{Row("Andy Weir - Project Hail Mary [Unabridged] [MP3 128k]")} [data-testid=torrent-state]").TextContent);
        Assert.Equal("paused", cut.Find($"{Row("Oppenheimer.2023.1080p.BluRay.x264-SPARKS")} [data-testid=torrent-state]").TextContent);
        Assert.Equal("queued", cut.Find($"{Row("Fedora-Workstation-Live-x86_64-41-1.4.iso")} [data-testid=torrent-state]").TextContent);
    }

    [Fact]
    public void Render_InfiniteEtaAndCappedRatio_ReadAsInfinity()
    {
        var cut = Render<TorrentsPage>();

        var stalled = cut.Find(Row("The.Last.of.Us.S02E03.2160p.WEB.H265-NHTFS"));
        Assert.Equal("∞", stalled.QuerySelectorAll("td")[6].TextContent);
        Assert.Equal("no estimate: no data is arriving", stalled.QuerySelectorAll("td")[6].GetAttribute("title"));
        var slackware = cut.Find(Row("slackware64-15.0-install-dvd.iso"));
        Assert.Equal("∞", slackware.QuerySelectorAll("td")[7].TextContent);
        Assert.Equal("above 9999, qBittorrent's cap", slackware.QuerySelectorAll("td")[7].GetAttribute("title"));
        Assert.Equal("–", slackware.QuerySelectorAll("td")[6].TextContent);
    }

    [Fact]
    public void Render_TorrentStillFetchingMetadata_ShowsItsHash()
    {
        var cut = Render<TorrentsPage>();

        var row = cut.Find("[data-testid=torrent-row-5f1a0c9b8e7d6a5f4e3d2c1b0a9f8e7d6c5b4a39]");
        Assert.Equal("5f1a0c9b8e7d6a5f4e3d2c1b0a9f8e7d6c5b4a39", Text(row, "torrent-name"));
        Assert.Equal("fetching metadata", Text(row, "torrent-state"));
    }

    [Fact]
    public void Render_NameWithHtml_IsPlainText()
    {
        const string name = "<script>alert('owned')</script><img src=x onerror=alert(1)><b>Totally.Legit.2024</b>";
        var evil = TestSnapshots.Torrent(name, TorrentState.Downloading, 0.1, 1_000_000, "linux", TestSnapshots.Now);
        Live.Current = Live.Current with { Downloads = Live.Current.Downloads! with { Torrents = Live.Current.Downloads.Torrents.SetItems([new(evil.Hash, evil)]) } };

        var cut = Render<TorrentsPage>();

        var row = cut.Find(Row(name));
        Assert.Equal(name, Text(row, "torrent-name"));
        Assert.Empty(row.QuerySelectorAll("script, img, b"));
        Assert.Contains("&lt;script&gt;", row.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void FilterState_ListsCountsLikeQBittorrentsSidebar_AndFilters()
    {
        var cut = Render<TorrentsPage>();

        var options = cut.FindAll("select[data-testid=torrents-filter-state] option").Select(o => (o.GetAttribute("value"), o.TextContent)).ToList();
        Assert.Equal(
            [("all", "all (16)"), ("downloading", "downloading (9)"), ("seeding", "seeding (5)"), ("completed", "completed (6)"), ("stopped", "paused (2)"),
             ("active", "active (8)"), ("stalled", "stalled (2)"), ("checking", "checking (1)"), ("errored", "errored (1)")],
            options);

        cut.Find("select[data-testid=torrents-filter-state]").Change("errored");

        Assert.Equal(["Andy Weir - Project Hail Mary [Unabridged] [MP3 128k]"], RowNames(cut));
        Assert.Equal("1 of 16", cut.Find("[data-testid=torrents-count]").TextContent);
    }

    [Fact]
    public void FilterCategory_ListsEveryCategoryWithCounts_AndFilters()
    {
        var cut = Render<TorrentsPage>();

        var options = cut.FindAll("select[data-testid=torrents-filter-category] option").Select(o => o.TextContent).ToList();
        Assert.Equal(["any category (16)", "audiobooks (2)", "ebooks (0)", "linux (5)", "movies-radarr (3)", "roms (1)", "tv-sonarr (4)", "uncategorised (1)"], options);

        cut.Find("select[data-testid=torrents-filter-category]").Change("roms");
        Assert.Equal(["No-Intro - Nintendo - Game Boy Advance (2026-10-31)"], RowNames(cut));

        cut.Find("select[data-testid=torrents-filter-category]").Change("(none)");
        Assert.Equal(["big_buck_bunny_1080p_h264.mov"], RowNames(cut));
    }

    [Fact]
    public void Search_EveryWordMustMatchTheName()
    {
        var cut = Render<TorrentsPage>();

        cut.Find("input[data-testid=torrents-search]").Input("s02 WEB");
        Assert.Equal(["Severance.S02E07.1080p.WEB.H264-SuccessfulCrab", "The.Last.of.Us.S02E03.2160p.WEB.H265-NHTFS"], RowNames(cut).Order(StringComparer.Ordinal));

        cut.Find("input[data-testid=torrents-search]").Input("s02e07 web");
        Assert.Equal(["Severance.S02E07.1080p.WEB.H264-SuccessfulCrab"], RowNames(cut));

        cut.Find("[data-testid=torrents-filter-clear]").Click();
        Assert.Equal(16, RowNames(cut).Count);
    }

    [Theory]
    [InlineData("/torrents?q=ubuntu", new[] { Ubuntu })]
    [InlineData("/torrents?filter=errored", new[] { "Andy Weir - Project Hail Mary [Unabridged] [MP3 128k]" })]
    [InlineData("/torrents?filter=paused", new[] { "Oppenheimer.2023.1080p.BluRay.x264-SPARKS", "big_buck_bunny_1080p_h264.mov" })]
    [InlineData("/torrents?category=audiobooks&filter=seeding", new[] { "Brandon Sanderson - Wind and Truth (Stormlight 5) [Audiobook] [M4B]" })]
    [InlineData("/torrents?category=(none)", new[] { "big_buck_bunny_1080p_h264.mov" })]
    [InlineData("/torrents?q=iso&filter=stalled", new[] { "archlinux-2026.11.01-x86_64.iso" })]
    public void QueryString_PrefillsTheFilters(string uri, string[] expected)
    {
        NavigateTo(uri);

        var cut = Render<TorrentsPage>();

        Assert.Equal(expected, RowNames(cut).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void QueryString_ShowsInTheControls()
    {
        NavigateTo("/torrents?q=ubuntu&filter=downloading&category=linux");

        var cut = Render<TorrentsPage>();

        Assert.Equal("ubuntu", cut.Find("input[data-testid=torrents-search]").GetAttribute("value"));
        Assert.Equal("downloading", cut.Find("select[data-testid=torrents-filter-state]").GetAttribute("value"));
        Assert.Equal("linux", cut.Find("select[data-testid=torrents-filter-category]").GetAttribute("value"));
    }

    [Fact]
    public void SortHeader_ClickName_SortsAndSaysSo()
    {
        var cut = Render<TorrentsPage>();

        cut.FindAll("th button.hl-sort").Single(b => b.TextContent == "Name").Click();

        var names = RowNames(cut);
        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);
        Assert.Equal("ascending", cut.FindAll("th").Single(th => th.TextContent == "Name").GetAttribute("aria-sort"));
    }

    [Fact]
    public void Header_ShowsGlobalSpeedsHistoryDiskAndConnection()
    {
        var cut = Render<TorrentsPage>();

        var speed = cut.Find("[data-testid=torrents-speed]").TextContent;
        Assert.Contains("21.9 MiB/s", speed, StringComparison.Ordinal);
        Assert.Contains("1.7 MiB/s", speed, StringComparison.Ordinal);
        Assert.Equal(2, cut.FindAll("[data-testid=torrents-transfer] svg.hl-spark-svg").Count);
        Assert.Contains("1.9 TiB", cut.Find("[data-testid=torrents-free-space]").TextContent, StringComparison.Ordinal);
        Assert.Equal("connected", cut.Find("[data-testid=torrents-connection]").TextContent);
        Assert.Equal("qBittorrent v5.0.4 (Web API 2.11.2)", cut.Find("[data-testid=torrents-version]").TextContent);
    }

    [Fact]
    public void Push_OneTorrentChanges_OnlyItsRowRendersAgain()
    {
        var cut = Render<TorrentsPage>();
        var rows = cut.FindComponents<TorrentRow>();
        var before = rows.ToDictionary(r => r.Instance.Row.Key, r => r.RenderCount);
        var ubuntu = TestSnapshots.FindTorrent(Live.Current, Ubuntu);

        Live.Push(new TorrentsChanged([ubuntu with { Progress = 0.5, DownloadSpeed = 7_000_000 }], [], null, null, null, TestSnapshots.Now));

        cut.WaitForAssertion(() => Assert.Equal("50.0%", cut.Find($"{Row(Ubuntu)} [data-testid=torrent-progress]").TextContent));
        foreach (var row in cut.FindComponents<TorrentRow>())
        {
            var expected = before[row.Instance.Row.Key] + (row.Instance.Row.Key == ubuntu.Hash ? 1 : 0);
            Assert.Equal(expected, row.RenderCount);
        }
    }

    [Fact]
    public void Push_TorrentLeavesTheFilter_RowGoesAndCountsFollow()
    {
        NavigateTo("/torrents?filter=downloading");
        var cut = Render<TorrentsPage>();
        var severance = TestSnapshots.FindTorrent(Live.Current, "Severance.S02E07.1080p.WEB.H264-SuccessfulCrab");

        Live.Push(new TorrentsChanged([severance with { State = TorrentState.Uploading, Progress = 1, DownloadSpeed = 0 }], [], null, null, null, TestSnapshots.Now));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(Row(severance.Name))));
        Assert.Equal("8 of 16", cut.Find("[data-testid=torrents-count]").TextContent);
        Assert.Contains("seeding (6)", cut.Find("select[data-testid=torrents-filter-state]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Push_TorrentRemoved_RowDisappears()
    {
        var cut = Render<TorrentsPage>();

        Live.Push(new TorrentsChanged([], [TestSnapshots.HashFor(Ubuntu)], null, null, null, TestSnapshots.Now));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(Row(Ubuntu))));
        Assert.Equal(15, RowNames(cut).Count);
    }

    [Fact]
    public void Push_ChangesThePageDoesNotShow_DoNotRenderIt()
    {
        var cut = Render<CountingTorrentsPage>();
        var page = cut.Instance;
        var before = page.Renders;
        var sonarr = TestSnapshots.FindContainer(Live.Current, "sonarr");
        var ubuntu = TestSnapshots.FindTorrent(Live.Current, Ubuntu);

        // Batches arrive in order: if the container or cluster batch rendered the page, that render would come first.
        Live.Push(new ContainersChanged(TestSnapshots.DockerHost, [sonarr with { CpuPercent = 42 }], [], TestSnapshots.Now));
        Live.Push(new ClusterChanged(Live.Current.Cluster! with { Name = "renamed" }));
        Live.Push(new TorrentsChanged([ubuntu with { Progress = 0.6 }], [], null, null, null, TestSnapshots.Now));

        cut.WaitForAssertion(() => Assert.Equal("60.0%", cut.Find($"{Row(Ubuntu)} [data-testid=torrent-progress]").TextContent));
        Assert.Equal(before + 1, page.Renders);
    }

    [Fact]
    public void Render_FiveThousandTorrents_OnePageOfRowsAndOnlyChangedRowsRenderOnATick()
    {
        var output = Xunit.TestContext.Current.TestOutputHelper;
        var many = TorrentTableTests.Many(5_000);
        Live.Current = Live.Current with { Downloads = many };

        var clock = Stopwatch.StartNew();
        var cut = Render<TorrentsPage>();
        output?.WriteLine($"first render of 5,000 torrents: {clock.ElapsedMilliseconds} ms, {cut.Markup.Length:N0} chars of markup");

        Assert.Equal(100, cut.FindAll("tr[data-testid^=torrent-row-]").Count);
        Assert.Equal("5,000", cut.Find("[data-testid=torrents-count]").TextContent);
        Assert.Equal("1–100 of 5,000", cut.Find("[data-testid=torrents-page]").TextContent);

        // A tick as qBittorrent sends them: 1 % of the torrents change speed and progress.
        var table = cut.Instance.Table;
        var rebuilds = table.Rebuilds;
        var rows = cut.FindComponents<TorrentRow>().ToDictionary(r => r.Instance.Row.Key, r => r.RenderCount);
        var random = new Random(11);
        var all = many.Torrents.Values.ToList();
        var changed = Enumerable.Range(0, 50).Select(_ => all[random.Next(all.Count)]).DistinctBy(t => t.Hash)
            .Select(t => t with { Progress = Math.Min(1, t.Progress + 0.001), DownloadSpeed = t.DownloadSpeed + 1 }).ToList();
        var onPage = changed.Count(t => rows.ContainsKey(t.Hash));
        var marker = changed.FirstOrDefault(t => rows.ContainsKey(t.Hash)) ?? changed[0];

        clock.Restart();
        Live.Push(new TorrentsChanged([.. changed], [], null, null, null, TestSnapshots.Now));
        cut.WaitForAssertion(() => Assert.True(rows.ContainsKey(marker.Hash)
            ? cut.Find($"[data-testid=torrent-row-{marker.Hash}] [data-testid=torrent-progress]").TextContent == Homelab.Dashboard.Model.TorrentText.Progress(marker.Progress)
            : table.Rows.Count == 100));
        output?.WriteLine($"tick with {changed.Count} changed torrents ({onPage} on the page): {clock.ElapsedMilliseconds} ms");

        var rendered = cut.FindComponents<TorrentRow>().Count(r => r.RenderCount > rows[r.Instance.Row.Key]);
        Assert.Equal(onPage, rendered);
        Assert.Equal(rebuilds, table.Rebuilds);

        // The tick's render may still be on the renderer's dispatcher; the click's render comes after it.
        cut.Find("[data-testid=torrents-page-next]").Click();
        cut.WaitForAssertion(() => Assert.Equal("101–200 of 5,000", cut.Find("[data-testid=torrents-page]").TextContent));
        Assert.Equal(100, cut.FindAll("tr[data-testid^=torrent-row-]").Count);
    }

    [Fact]
    public void Render_QBittorrentRefusesTheLogin_SaysSoAtTheTopAndKeepsTheLastRowsVisiblyStale()
    {
        var now = TestSnapshots.Now;
        var down = TestSnapshots.Down(TestSnapshots.QBittorrentSource(now), now,
            new SourceError(SourceErrorKind.Unauthorized, "qBittorrent refused the username or password (Homelab:QBittorrent:Username and Password)", 401));
        Live.Current = Live.Current with { Sources = [.. Live.Current.Sources.Select(s => s.Id == down.Id ? down : s)] };

        var cut = Render<TorrentsPage>();

        var banner = cut.Find("[data-testid=torrents-error]");
        Assert.Contains("qBittorrent is down.", banner.TextContent, StringComparison.Ordinal);
        Assert.Equal("qBittorrent refused the username or password (Homelab:QBittorrent:Username and Password)", cut.Find("[data-testid=torrents-error-message]").TextContent);
        Assert.Contains("2 min ago", banner.TextContent, StringComparison.Ordinal);
        Assert.Equal("/sources", banner.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("true", cut.Find("[data-testid=torrents-table]").GetAttribute("data-stale"));
        Assert.Contains("hl-row-stale", cut.Find(Row(Ubuntu)).ClassName, StringComparison.Ordinal);
        Assert.Equal(16, RowNames(cut).Count);
    }

    [Fact]
    public void Push_QBittorrentGoesDownAndComesBack_BannerFollows()
    {
        var cut = Render<TorrentsPage>();
        Assert.Empty(cut.FindAll("[data-testid=torrents-error]"));
        var fresh = TestSnapshots.QBittorrentSource(TestSnapshots.Now);

        Live.Push(new SourceChanged(TestSnapshots.Down(fresh, TestSnapshots.Now, new SourceError(SourceErrorKind.Forbidden, "Your IP address has been banned after too many failed authentication attempts.", 403))));

        cut.WaitForAssertion(() => Assert.Contains("banned", cut.Find("[data-testid=torrents-error]").TextContent, StringComparison.Ordinal));

        Live.Push(new SourceChanged(fresh));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=torrents-error]")));
        Assert.DoesNotContain("hl-row-stale", cut.Find(Row(Ubuntu)).ClassName ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NotConfigured_SaysSo()
    {
        Live.Current = TestSnapshots.Seed();

        var cut = Render<TorrentsPage>();

        Assert.Contains("qBittorrent is not configured.", cut.Find("[data-testid=torrents-table]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=torrents-error]"));
        Assert.Empty(cut.FindAll("[data-testid=vpn-badge]"));
    }

    /// <summary>The torrents page, counting its own renders (bUnit's RenderCount includes its children).</summary>
    private sealed class CountingTorrentsPage : TorrentsPage
    {
        public int Renders { get; private set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            Renders++;
            base.BuildRenderTree(builder);
        }
    }
}
