using Homelab.Dashboard.Model;

namespace Homelab.Tests.Dashboard.Model;

public sealed class UsageGaugeTests
{
    [Fact]
    public void FromBytes_ComputesTheFractionAndAbsoluteFigures()
    {
        var gauge = UsageGauge.FromBytes("RAM", 7L << 30, 28L << 30);

        Assert.Equal(0.25, gauge.Fraction);
        Assert.Equal("25%", gauge.PercentText);
        Assert.Equal("7.0 / 28.0 GiB", gauge.Detail);
        Assert.Equal(UsageLevel.Normal, gauge.Level);
    }

    [Theory]
    [InlineData(null, 100L)]
    [InlineData(5L, null)]
    [InlineData(5L, 0L)]
    public void FromBytes_MissingFigures_IsUnknownNotZero(long? used, long? total)
    {
        var gauge = UsageGauge.FromBytes("Root disk", used, total);

        Assert.Null(gauge.Fraction);
        Assert.Equal("–", gauge.PercentText);
        Assert.Equal(UsageLevel.Unknown, gauge.Level);
    }

    [Theory]
    [InlineData(0.84, UsageLevel.Normal)]
    [InlineData(0.85, UsageLevel.Warning)]
    [InlineData(0.95, UsageLevel.Critical)]
    public void Level_FollowsTheAttentionThresholds(double fraction, UsageLevel expected) =>
        Assert.Equal(expected, new UsageGauge("x", fraction, "").Level);

    [Fact]
    public void BarPercent_IsClampedForDrawing() => Assert.Equal(100, new UsageGauge("x", 1.3, "").BarPercent);
}
