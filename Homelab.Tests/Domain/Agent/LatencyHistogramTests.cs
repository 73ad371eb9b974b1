using Homelab.Domain.Agent.Traces;

namespace Homelab.Tests.Domain.Agent;

public sealed class LatencyHistogramTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(3.7)]
    [InlineData(42)]
    [InlineData(999)]
    [InlineData(1000)]
    [InlineData(12_345)]
    [InlineData(600_000)]
    [InlineData(1_000_000)]
    public void Percentile_SingleValue_IsWithinTheStatedAccuracy(double milliseconds)
    {
        var histogram = new LatencyHistogram();
        histogram.Add(milliseconds);

        Assert.Equal(milliseconds, histogram.Percentile(0.5)!.Value.TotalMilliseconds, milliseconds * LatencyHistogram.RelativeAccuracy);
    }

    [Fact]
    public void Percentile_EveryValueFrom1To100000_NeverMissesByMoreThanTheStatedAccuracy()
    {
        for (var ms = 1.0; ms < 100_000; ms *= 1.013)
        {
            var reported = LatencyHistogram.Middle(LatencyHistogram.BucketOf(ms));
            Assert.True(Math.Abs(reported - ms) <= ms * LatencyHistogram.RelativeAccuracy * 1.0001, $"{ms} ms reported as {reported} ms");
        }
    }

    [Fact]
    public void Percentile_Uniform_P50AndP95FollowNearestRank()
    {
        var histogram = new LatencyHistogram();
        for (var i = 1; i <= 1000; i++)
        {
            histogram.Add(i);
        }

        Assert.Equal(500, histogram.Percentile(0.50)!.Value.TotalMilliseconds, 500 * LatencyHistogram.RelativeAccuracy);
        Assert.Equal(950, histogram.Percentile(0.95)!.Value.TotalMilliseconds, 950 * LatencyHistogram.RelativeAccuracy);
    }

    [Fact]
    public void Percentile_Empty_IsNull()
    {
        Assert.Null(new LatencyHistogram().Percentile(0.5));
    }

    [Fact]
    public void BucketOf_ExtremeValues_LandInTheEndBuckets()
    {
        Assert.Equal(0, LatencyHistogram.BucketOf(0));
        Assert.Equal(0, LatencyHistogram.BucketOf(0.3));
        Assert.Equal(0, LatencyHistogram.BucketOf(double.NaN));
        Assert.Equal(LatencyHistogram.BucketCount - 1, LatencyHistogram.BucketOf(1e12));
    }

    [Fact]
    public void ToBytes_RoundTrips_AndMergeAdds()
    {
        var a = new LatencyHistogram();
        a.Add(5);
        a.Add(5);
        a.Add(800);
        var b = new LatencyHistogram();
        b.AddBytes(a.ToBytes());
        b.Merge(a);

        Assert.Equal(20, a.ToBytes().Length);
        Assert.Equal(6, b.Count);
        Assert.Equal(a.Percentile(0.5), b.Percentile(0.5));
        Assert.Equal(a.Percentile(0.95), b.Percentile(0.95));
    }
}
