using System.Collections.Immutable;
using Homelab.Dashboard.Model;
using Homelab.Domain.Common;
using Homelab.Domain.Downloads;
using Homelab.Domain.Live;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Model;

public sealed class TorrentTableTests
{
    private static readonly DownloadsSnapshot s_seed = TestSnapshots.Downloads(TestSnapshots.Now);

    private static Torrent Seed(string name) => s_seed.Torrents.Values.Single(t => t.Name == name);

    /// <summary>Applies a change to a snapshot and hands both to the table, as a page does.</summary>
    private static (DownloadsSnapshot After, bool Changed) Push(TorrentTable table, DownloadsSnapshot before, IReadOnlyList<Torrent> upserted, IReadOnlyList<string>? removed = null)
    {
        var change = new TorrentsChanged([.. upserted], [.. removed ?? []], null, null, null, TestSnapshots.Now);
        var after = new HomelabSnapshot { Downloads = before }.Apply(change).Downloads!;
        return (after, table.Apply(after, [change]));
    }

    private static int[] Recount(DownloadsSnapshot downloads) =>
        [.. TorrentText.Filters.Select(f => downloads.Torrents.Values.Count(t => t.Matches(f)))];

    /// <summary>Many torrents with varied states, categories, speeds and dates; deterministic.</summary>
    internal static DownloadsSnapshot Many(int count, int seed = 7)
    {
        var random = new Random(seed);
        var states = Enum.GetValues<TorrentState>();
        string[] categories = ["linux", "tv-sonarr", "movies-radarr", "audiobooks", "roms", ""];
        var torrents = Enumerable.Range(0, count).Select(i => TestSnapshots.Torrent(
            $"torrent {i:D5} {categories[i % categories.Length]}",
            states[random.Next(states.Length)],
            random.NextDouble(),
            random.NextInt64(1L << 20, 1L << 36),
            categories[i % categories.Length],
            TestSnapshots.Now - TimeSpan.FromMinutes(random.Next(1, 500_000)),
            down: random.Next(4) == 0 ? random.Next(1, 10_000_000) : 0,
            up: random.Next(4) == 0 ? random.Next(1, 1_000_000) : 0,
            eta: random.Next(3) == 0 ? null : TimeSpan.FromSeconds(random.Next(1, 100_000)),
            ratio: random.Next(20) == 0 ? null : random.NextDouble() * 5));
        return new DownloadsSnapshot
        {
            Torrents = new EquatableDictionary<string, Torrent>(torrents.ToImmutableDictionary(t => t.Hash, StringComparer.Ordinal)),
            Categories = [.. categories.Where(c => c.Length > 0)],
        };
    }

    [Fact]
    public void Load_Seed_CountsEveryFilterAndCategoryLikeQBittorrentsSidebar()
    {
        var table = new TorrentTable();

        table.Load(s_seed);

        Assert.Equal(16, table.Total);
        Assert.Equal(Recount(s_seed), table.Counts.ByFilter.AsImmutableArray());
        Assert.Equal(9, table.Counts.Of(TorrentFilter.Downloading));
        Assert.Equal(5, table.Counts.Of(TorrentFilter.Seeding));
        Assert.Equal(2, table.Counts.Of(TorrentFilter.Stalled));
        Assert.Equal(1, table.Counts.Of(TorrentFilter.Errored));
        Assert.Equal(8, table.Counts.Moving);
        Assert.Equal(
            [new("audiobooks", 2), new("ebooks", 0), new("linux", 5), new("movies-radarr", 3), new("roms", 1), new("tv-sonarr", 4), new CategoryCount("", 1)],
            table.Counts.ByCategory.AsImmutableArray());
    }

    [Fact]
    public void Load_DefaultOrder_NewestFirst()
    {
        var table = new TorrentTable();

        table.Load(s_seed);

        var added = table.Rows.Select(r => r.Torrent.AddedOn!.Value).ToList();
        Assert.Equal(added.OrderDescending(), added);
        Assert.Equal("5f1a0c9b8e7d6a5f4e3d2c1b0a9f8e7d6c5b4a39", table.Rows[0].Name);
    }

    [Fact]
    public void Apply_SpeedChangeThatCannotMoveTheRow_KeepsTheOrderAndEveryOtherRowInstance()
    {
        var table = new TorrentTable();
        table.Load(s_seed);
        var rebuilds = table.Rebuilds;
        var rows = table.Rows.ToList();
        var ubuntu = Seed("ubuntu-24.04.1-desktop-amd64.iso");

        var (_, changed) = Push(table, s_seed, [ubuntu with { Progress = 0.5, DownloadSpeed = 6_000_000 }]);

        Assert.True(changed);
        Assert.Equal(rebuilds, table.Rebuilds);
        Assert.Equal(rows.Select(r => r.Key), table.Rows.Select(r => r.Key));
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].Key != ubuntu.Hash, ReferenceEquals(rows[i], table.Rows[i]));
        }

        Assert.Equal("50.0%", table.Rows.Single(r => r.Key == ubuntu.Hash).Progress);
    }

    [Fact]
    public void Apply_StateChangeOutOfTheFilter_RebuildsAndDropsTheRow()
    {
        var table = new TorrentTable();
        table.Load(s_seed);
        table.SetFilter(new TorrentListFilter(State: TorrentFilter.Downloading));
        var rebuilds = table.Rebuilds;
        var severance = Seed("Severance.S02E07.1080p.WEB.H264-SuccessfulCrab");

        var (_, changed) = Push(table, s_seed, [severance with { State = TorrentState.Uploading, Progress = 1 }]);

        Assert.True(changed);
        Assert.Equal(rebuilds + 1, table.Rebuilds);
        Assert.DoesNotContain(table.Rows, r => r.Key == severance.Hash);
        Assert.Equal(8, table.MatchingCount);
        Assert.Equal(8, table.Counts.Of(TorrentFilter.Downloading));
        Assert.Equal(6, table.Counts.Of(TorrentFilter.Seeding));
    }

    [Fact]
    public void Apply_SortKeyChanges_Reorders()
    {
        var table = new TorrentTable();
        table.Load(s_seed);
        table.SortBy(TorrentSort.DownloadSpeed);
        Assert.Equal("Dune.Part.Two.2024.2160p.UHD.BluRay.x265.10bit.HDR.DTS-HD.MA.7.1-WiKi", table.Rows[0].Name);
        var rebuilds = table.Rebuilds;

        Push(table, s_seed, [Seed("Severance.S02E07.1080p.WEB.H264-SuccessfulCrab") with { DownloadSpeed = 50_000_000 }]);

        Assert.Equal(rebuilds + 1, table.Rebuilds);
        Assert.Equal("Severance.S02E07.1080p.WEB.H264-SuccessfulCrab", table.Rows[0].Name);
    }

    [Fact]
    public void Apply_ChangeOffThePageWithoutNewCounts_ChangesNothingShown()
    {
        var table = new TorrentTable(pageSize: 3);
        table.Load(s_seed);
        var shown = table.Rows.Select(r => r.Key).ToHashSet();
        var offPage = s_seed.Torrents.Values.First(t => !shown.Contains(t.Hash) && t.DownloadSpeed > 0);

        var (_, changed) = Push(table, s_seed, [offPage with { DownloadSpeed = offPage.DownloadSpeed + 1, Progress = offPage.Progress + 0.001 }]);

        Assert.False(changed);
    }

    [Fact]
    public void Apply_RemovedTorrent_LeavesTheRowsAndTheCounts()
    {
        var table = new TorrentTable();
        table.Load(s_seed);
        var error = Seed("Andy Weir - Project Hail Mary [Unabridged] [MP3 128k]");

        var (_, changed) = Push(table, s_seed, [], [error.Hash]);

        Assert.True(changed);
        Assert.Equal(15, table.Total);
        Assert.Equal(15, table.MatchingCount);
        Assert.Equal(0, table.Counts.Of(TorrentFilter.Errored));
        Assert.DoesNotContain(table.Rows, r => r.Key == error.Hash);
    }

    [Fact]
    public void Apply_ManyRandomTicks_CountsAndOrderStayExactlyWhatAFullPassGives()
    {
        var table = new TorrentTable();
        var downloads = Many(2_000);
        table.Load(downloads);
        table.SetFilter(new TorrentListFilter(State: TorrentFilter.Active));
        var random = new Random(3);
        var states = Enum.GetValues<TorrentState>();
        for (var tick = 0; tick < 30; tick++)
        {
            var all = downloads.Torrents.Values.ToList();
            var changed = Enumerable.Range(0, 20).Select(_ => all[random.Next(all.Count)]).DistinctBy(t => t.Hash).Select(t => t with
            {
                DownloadSpeed = random.Next(3) == 0 ? 0 : random.Next(1, 10_000_000),
                State = random.Next(5) == 0 ? states[random.Next(states.Length)] : t.State,
                Progress = Math.Min(1, t.Progress + 0.01),
            }).ToList();
            var removed = tick % 5 == 0 ? new[] { all[random.Next(all.Count)].Hash }.Where(h => changed.All(c => c.Hash != h)).ToList() : [];

            (downloads, _) = Push(table, downloads, changed, removed);

            var fresh = new TorrentTable();
            fresh.Load(downloads);
            fresh.SetFilter(table.Filter);
            Assert.Equal(fresh.Counts, table.Counts);
            Assert.Equal(fresh.MatchingCount, table.MatchingCount);
            Assert.Equal(fresh.Rows.Select(r => r.Key), table.Rows.Select(r => r.Key));
            Assert.Equal(fresh.Rows.Select(r => r.Torrent), table.Rows.Select(r => r.Torrent));
        }
    }

    [Fact]
    public void Paging_FiveThousand_OnePageOfAHundredAtATime()
    {
        var table = new TorrentTable();

        table.Load(Many(5_000));

        Assert.Equal(100, table.Rows.Count);
        Assert.Equal(50, table.PageCount);
        Assert.Equal((1, 100), (table.FirstShown, table.LastShown));
        table.GoToPage(49);
        Assert.Equal((4_901, 5_000), (table.FirstShown, table.LastShown));
        table.GoToPage(99);
        Assert.Equal(49, table.PageIndex);
        table.SetFilter(new TorrentListFilter("00001"));
        Assert.Equal(0, table.PageIndex);
        Assert.Equal(1, table.MatchingCount);
    }

    [Fact]
    public void SortBy_SameColumnReverses_NumbersStartBiggest_UnknownEtaIsLast()
    {
        var table = new TorrentTable();
        table.Load(s_seed);

        table.SortBy(TorrentSort.Name);
        var names = table.Rows.Select(r => r.Torrent.Name).ToList();
        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);
        Assert.False(table.Descending);

        table.SortBy(TorrentSort.Name);
        Assert.True(table.Descending);
        Assert.Equal(names.AsEnumerable().Reverse(), table.Rows.Select(r => r.Torrent.Name));

        table.SortBy(TorrentSort.Size);
        Assert.True(table.Descending);
        Assert.Equal("Dune.Part.Two.2024.2160p.UHD.BluRay.x265.10bit.HDR.DTS-HD.MA.7.1-WiKi", table.Rows[0].Name);

        table.SortBy(TorrentSort.Eta);
        Assert.False(table.Descending);
        Assert.Equal(TimeSpan.FromMinutes(3), table.Rows[0].Torrent.Eta);
        Assert.Null(table.Rows[^1].Torrent.Eta);

        table.SortBy(TorrentSort.Ratio);
        Assert.Equal("slackware64-15.0-install-dvd.iso", table.Rows[0].Name);
    }

    [Fact]
    public void Rows_OfferOnlyTheCommandsThatApply()
    {
        static string[] Commands(TorrentState state) => [.. TorrentRowModel.CommandsFor(state).Select(c => c.ToString())];

        Assert.Equal(["Pause", "Recheck", "Delete"], Commands(TorrentState.Downloading));
        Assert.Equal(["Resume", "Recheck", "Delete"], Commands(TorrentState.StoppedDown));
        Assert.Equal(["Resume", "Recheck", "Delete"], Commands(TorrentState.Error));
        Assert.Equal(["Pause", "Delete"], Commands(TorrentState.CheckingDown));
    }
}
