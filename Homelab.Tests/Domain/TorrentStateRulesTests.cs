using Homelab.Domain.Downloads;

namespace Homelab.Tests.Domain;

public sealed class TorrentStateRulesTests
{
    [Theory]
    [InlineData("pausedUP", TorrentState.StoppedUp)]
    [InlineData("stoppedUP", TorrentState.StoppedUp)]
    [InlineData("pausedDL", TorrentState.StoppedDown)]
    [InlineData("stoppedDL", TorrentState.StoppedDown)]
    [InlineData("stalledDL", TorrentState.StalledDown)]
    [InlineData("forcedMetaDL", TorrentState.ForcedMetaDownloading)]
    [InlineData("error", TorrentState.Error)]
    [InlineData("somethingNew", TorrentState.Unknown)]
    public void Parse_FourAndFiveSpellings_FoldTogether(string wire, TorrentState expected)
    {
        Assert.Equal(expected, TorrentStateRules.Parse(wire));
    }

    [Fact]
    public void WireName_ByApiGeneration_SpellsPausedOrStopped()
    {
        Assert.Equal("pausedUP", TorrentState.StoppedUp.WireName(stoppedNaming: false));
        Assert.Equal("stoppedDL", TorrentState.StoppedDown.WireName(stoppedNaming: true));
    }

    [Theory]
    [InlineData("2.8.19", false)]
    [InlineData("2.10.4", false)]
    [InlineData("2.11.0", true)]
    [InlineData("2.11.4", true)]
    [InlineData("2.15.1", true)]
    [InlineData("v2.11.2\n", true)]
    [InlineData("garbage", false)]
    public void UsesStopStart_FromTheReportedApiVersion(string api, bool expected)
    {
        Assert.Equal(expected, new TorrentClientInfo("v5.0.0", api).UsesStopStart);
    }

    [Fact]
    public void Matches_Filters_LikeQbittorrentsSidebar()
    {
        var seeding = new Torrent { Hash = "a", State = TorrentState.StalledUp };
        var downloading = new Torrent { Hash = "b", State = TorrentState.Downloading, DownloadSpeed = 10 };
        var paused = new Torrent { Hash = "c", State = TorrentState.StoppedDown };

        Assert.True(seeding.Matches(TorrentFilter.Seeding));
        Assert.True(seeding.Matches(TorrentFilter.Completed));
        Assert.True(seeding.Matches(TorrentFilter.Stalled));
        Assert.False(seeding.Matches(TorrentFilter.Active));
        Assert.True(downloading.Matches(TorrentFilter.Active));
        Assert.True(paused.Matches(TorrentFilter.Stopped));
        Assert.True(paused.Matches(TorrentFilter.Downloading));
    }

    [Fact]
    public void AppliesTo_PauseAndResume_OnlyWhereTheyMakeSense()
    {
        Assert.True(TorrentCommand.Pause.AppliesTo(TorrentState.Downloading));
        Assert.False(TorrentCommand.Pause.AppliesTo(TorrentState.StoppedUp));
        Assert.True(TorrentCommand.Resume.AppliesTo(TorrentState.StoppedDown));
        Assert.False(TorrentCommand.Resume.AppliesTo(TorrentState.Uploading));
    }
}
