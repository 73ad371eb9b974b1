using Homelab.Dashboard.Model;
using Homelab.Domain.Downloads;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Model;

public sealed class TorrentTextTests
{
    private static Torrent Make(TorrentState state, double progress = 0.5, TimeSpan? eta = null) =>
        TestSnapshots.Torrent("x", state, progress, 1_000, "linux", TestSnapshots.Now, eta: eta);

    [Theory]
    [InlineData(0.4234, "42.3%")]
    [InlineData(0.99999, "99.9%")]
    [InlineData(1.0, "100%")]
    [InlineData(0.0, "0.0%")]
    [InlineData(double.NaN, "0.0%")]
    [InlineData(0.0005, "0.0%")]
    public void Progress_OneDecimalRoundedDown_NeverAFalseHundred(double fraction, string expected) =>
        Assert.Equal(expected, TorrentText.Progress(fraction));

    [Fact]
    public void Eta_DownloadingWithoutEstimate_IsInfinite()
    {
        Assert.Equal("∞", TorrentText.Eta(Make(TorrentState.StalledDown)));
        Assert.Equal("∞", TorrentText.Eta(Make(TorrentState.Downloading)));
        Assert.Equal("no estimate: no data is arriving", TorrentText.EtaTitle(Make(TorrentState.Downloading)));
    }

    [Theory]
    [InlineData(45, "45 s")]
    [InlineData(660, "11 min")]
    [InlineData(18_720, "5 h 12 min")]
    [InlineData(273_600, "3 d 4 h")]
    public void Eta_Known_ReadsAsADuration(int seconds, string expected) =>
        Assert.Equal(expected, TorrentText.Eta(Make(TorrentState.Downloading, eta: TimeSpan.FromSeconds(seconds))));

    [Theory]
    [InlineData(TorrentState.Uploading, 1.0)]
    [InlineData(TorrentState.StoppedDown, 0.5)]
    [InlineData(TorrentState.Error, 0.5)]
    [InlineData(TorrentState.CheckingDown, 0.5)]
    public void Eta_NotDownloading_IsADashNotInfinity(TorrentState state, double progress) =>
        Assert.Equal("–", TorrentText.Eta(Make(state, progress, TimeSpan.FromMinutes(3))));

    [Theory]
    [InlineData(null, "∞")]
    [InlineData(3.419, "3.42")]
    [InlineData(0.0, "0.00")]
    [InlineData(9999.0, "9999.00")]
    public void Ratio_CappedIsInfinite_OthersTwoDecimals(double? ratio, string expected) =>
        Assert.Equal(expected, TorrentText.Ratio(ratio));

    [Fact]
    public void Speed_BinaryUnitsPerSecond_CellEmptyWhenIdle()
    {
        Assert.Equal("5.2 MiB/s", TorrentText.Speed(5_452_595));
        Assert.Equal("180 KiB/s", TorrentText.Speed(184_320));
        Assert.Equal("0 B/s", TorrentText.Speed(0));
        Assert.Equal("", TorrentText.SpeedCell(0));
        Assert.Equal("180 KiB/s", TorrentText.SpeedCell(184_320));
    }

    [Fact]
    public void Added_IsAFixedUtcDate()
    {
        Assert.Equal("2026-11-26 11:30", TorrentText.Added(new DateTimeOffset(2026, 11, 26, 12, 30, 0, TimeSpan.FromHours(1))));
        Assert.Equal("–", TorrentText.Added(null));
    }

    [Theory]
    [InlineData("downloading", TorrentFilter.Downloading)]
    [InlineData("SEEDING", TorrentFilter.Seeding)]
    [InlineData("stopped", TorrentFilter.Stopped)]
    [InlineData("paused", TorrentFilter.Stopped)]
    [InlineData("errored", TorrentFilter.Errored)]
    [InlineData("error", TorrentFilter.Errored)]
    [InlineData("stalled", TorrentFilter.Stalled)]
    [InlineData("bogus", TorrentFilter.All)]
    [InlineData(null, TorrentFilter.All)]
    public void ParseFilter_ReadsQBittorrentWords(string? value, TorrentFilter expected) =>
        Assert.Equal(expected, TorrentText.ParseFilter(value));

    [Fact]
    public void FilterWords_RoundTrip()
    {
        foreach (var filter in TorrentText.Filters)
        {
            Assert.Equal(filter, TorrentText.ParseFilter(TorrentText.FilterQuery(filter)));
        }

        Assert.Equal("paused", TorrentText.FilterLabel(TorrentFilter.Stopped));
    }

    [Theory]
    [InlineData(TorrentState.Downloading, "downloading")]
    [InlineData(TorrentState.Uploading, "seeding")]
    [InlineData(TorrentState.StalledDown, "stalled")]
    [InlineData(TorrentState.StoppedDown, "paused")]
    [InlineData(TorrentState.QueuedDown, "queued")]
    [InlineData(TorrentState.MissingFiles, "error")]
    [InlineData(TorrentState.CheckingResumeData, "checking")]
    public void StateGroup_NamesTheColourAndIcon(TorrentState state, string expected) =>
        Assert.Equal(expected, TorrentText.StateGroup(state));
}
