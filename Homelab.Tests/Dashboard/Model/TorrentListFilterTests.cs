using Homelab.Dashboard.Model;
using Homelab.Domain.Downloads;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Model;

public sealed class TorrentListFilterTests
{
    private static readonly IReadOnlyList<Torrent> s_torrents = [.. TestSnapshots.Downloads(TestSnapshots.Now).Torrents.Values];

    private static string[] Names(TorrentListFilter filter) =>
        [.. s_torrents.Where(filter.Predicate()).Select(t => t.Name).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("UBUNTU", new[] { "ubuntu-24.04.1-desktop-amd64.iso" })]
    [InlineData("s02 web", new[] { "Severance.S02E07.1080p.WEB.H264-SuccessfulCrab", "The.Last.of.Us.S02E03.2160p.WEB.H265-NHTFS" })]
    [InlineData("s02e07 web", new[] { "Severance.S02E07.1080p.WEB.H264-SuccessfulCrab" })]
    [InlineData("  iso   amd64 ", new[] { "debian-12.8.0-amd64-netinst.iso", "ubuntu-24.04.1-desktop-amd64.iso" })]
    [InlineData("nothing-like-this", new string[0])]
    public void Query_EveryWordMustMatchTheName(string query, string[] expected) =>
        Assert.Equal(expected, Names(new TorrentListFilter(query)));

    [Fact]
    public void State_UsesQBittorrentsMeaning()
    {
        Assert.Equal(["Andy Weir - Project Hail Mary [Unabridged] [MP3 128k]"], Names(new TorrentListFilter(State: TorrentFilter.Errored)));
        Assert.Equal(["The.Last.of.Us.S02E03.2160p.WEB.H265-NHTFS", "archlinux-2026.11.01-x86_64.iso"], Names(new TorrentListFilter(State: TorrentFilter.Stalled)));
        Assert.Equal(["Oppenheimer.2023.1080p.BluRay.x264-SPARKS", "big_buck_bunny_1080p_h264.mov"], Names(new TorrentListFilter(State: TorrentFilter.Stopped)));
    }

    [Fact]
    public void Category_IsExact_EmptyMeansUncategorised()
    {
        Assert.Equal(["No-Intro - Nintendo - Game Boy Advance (2026-10-31)"], Names(new TorrentListFilter(Category: "roms")));
        Assert.Equal(["big_buck_bunny_1080p_h264.mov"], Names(new TorrentListFilter(Category: "")));
        Assert.Empty(Names(new TorrentListFilter(Category: "rom")));
        Assert.Equal(s_torrents.Count, Names(TorrentListFilter.None).Length);
    }

    [Fact]
    public void Combined_AllMustHold()
    {
        Assert.Equal(["ubuntu-24.04.1-desktop-amd64.iso"], Names(new TorrentListFilter("amd64", TorrentFilter.Downloading, "linux")));
    }

    [Theory]
    [InlineData("ubuntu", "stalled", "linux", "ubuntu", TorrentFilter.Stalled, "linux")]
    [InlineData("  ", "bogus", "", null, TorrentFilter.All, null)]
    [InlineData(null, "paused", "(none)", null, TorrentFilter.Stopped, "")]
    public void FromQuery_ParsesAndIgnoresUnknownValues(string? q, string? filter, string? category, string? query, TorrentFilter state, string? expectedCategory)
    {
        var parsed = TorrentListFilter.FromQuery(q, filter, category);

        Assert.Equal(new TorrentListFilter(query, state, expectedCategory), parsed);
    }

    [Fact]
    public void CategoryValue_RoundTripsThroughTheSelect()
    {
        Assert.Equal("", TorrentListFilter.None.CategoryValue);
        Assert.Equal("(none)", new TorrentListFilter(Category: "").CategoryValue);
        Assert.Equal("linux", new TorrentListFilter(Category: "linux").CategoryValue);
        Assert.Equal("", TorrentListFilter.ParseCategory(new TorrentListFilter(Category: "").CategoryValue));
    }

    [Fact]
    public void IsEmpty_OnlyWithoutAnyFilter()
    {
        Assert.True(TorrentListFilter.None.IsEmpty);
        Assert.True(new TorrentListFilter("  ").IsEmpty);
        Assert.False(new TorrentListFilter(State: TorrentFilter.Active).IsEmpty);
        Assert.False(new TorrentListFilter(Category: "").IsEmpty);
    }
}
