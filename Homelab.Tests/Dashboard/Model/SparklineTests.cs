using Homelab.Dashboard.Model;

namespace Homelab.Tests.Dashboard.Model;

public sealed class SparklineTests
{
    [Fact]
    public void FromFractions_SpreadsPointsAcrossTheWidthTopIsFull()
    {
        var line = Sparkline.FromFractions([0.0, 0.5, 1.0]);

        var segment = Assert.Single(line.Segments);
        Assert.Equal("0,27 60,14 120,1", segment);
        Assert.Equal(1.0, line.Latest);
    }

    [Fact]
    public void FromFractions_MissingSamples_SplitTheLineInsteadOfInventingData()
    {
        var line = Sparkline.FromFractions([0.1, 0.2, null, null, 0.3, 0.4]);

        Assert.Equal(2, line.Segments.Count);
        Assert.Equal(0.4, line.Latest);
    }

    [Fact]
    public void FromFractions_LoneSample_StillDrawsAMark()
    {
        var line = Sparkline.FromFractions([null, 0.5, null]);

        var segment = Assert.Single(line.Segments);
        Assert.Equal(2, segment.Split(' ').Length);
    }

    [Fact]
    public void FromFractions_NoData_IsEmpty()
    {
        Assert.True(Sparkline.FromFractions([]).IsEmpty);
        Assert.True(Sparkline.FromFractions([null, null]).IsEmpty);
    }

    [Fact]
    public void FromFractions_OutOfRange_IsClamped()
    {
        var line = Sparkline.FromFractions([-1, 2]);

        Assert.Equal("0,27 120,1", Assert.Single(line.Segments));
    }

    [Fact]
    public void FromFractions_LowLoad_ScalesToAQuarterAboveThePeak()
    {
        var line = Sparkline.FromFractions([0.02, 0.04]);

        Assert.Equal("0,16.6 120,6.2", Assert.Single(line.Segments));
        Assert.Equal(0.04, line.Peak);
    }

    [Fact]
    public void FromFractions_IdleNode_NeverZoomsBelowFivePercent()
    {
        var line = Sparkline.FromFractions([0.0, 0.005]);

        Assert.Equal("0,27 120,24.4", Assert.Single(line.Segments));
    }

    [Fact]
    public void FromFractions_Areas_CloseEachRunDownToTheBaseline()
    {
        var line = Sparkline.FromFractions([0.5, 1.0, null, 0.2]);

        Assert.Equal(line.Segments.Count, line.Areas.Count);
        Assert.Equal("0,28 0,14 40,1 40,28", line.Areas[0]);
    }

    [Fact]
    public void Equality_IsByContent() =>
        Assert.Equal(Sparkline.FromFractions([0.1, 0.2]), Sparkline.FromFractions([0.1, 0.2]));
}
