using Homelab.Dashboard.Model;

namespace Homelab.Tests.Dashboard.Model;

public sealed class UiFormatTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0L, "0 B")]
    [InlineData(512L, "512 B")]
    [InlineData(1536L, "1.5 KiB")]
    [InlineData(641_728_512L, "612 MiB")]
    [InlineData(12_025_908_428L, "11.2 GiB")]
    [InlineData(137_438_953_472L, "128 GiB")]
    [InlineData(6_271_048_109_670L, "5.7 TiB")]
    [InlineData(-5L, "0 B")]
    public void Bytes_UsesBinaryUnits(long bytes, string expected) => Assert.Equal(expected, UiFormat.Bytes(bytes));

    [Fact]
    public void BytesOf_SameUnit_NamesItOnce() =>
        Assert.Equal("7.0 / 28.0 GiB", UiFormat.BytesOf(7L << 30, 28L << 30));

    [Fact]
    public void BytesOf_DifferentUnits_NamesBoth() =>
        Assert.Equal("612 MiB / 4.0 GiB", UiFormat.BytesOf(612L << 20, 4L << 30));

    [Theory]
    [InlineData(0.0, "0.0%")]
    [InlineData(0.034, "3.4%")]
    [InlineData(0.12, "12%")]
    [InlineData(0.875, "88%")]
    [InlineData(1.0, "100%")]
    public void Percent_FractionToText(double fraction, string expected) => Assert.Equal(expected, UiFormat.Percent(fraction));

    [Fact]
    public void PercentValue_MultiCoreCpu_CanExceedAHundred() => Assert.Equal("135%", UiFormat.PercentValue(135.2));

    [Fact]
    public void PercentValue_NotANumber_IsADash() => Assert.Equal("–", UiFormat.PercentValue(double.NaN));

    [Theory]
    [InlineData(45, "45 s")]
    [InlineData(12 * 60 + 5, "12 min")]
    [InlineData(5 * 3600 + 12 * 60, "5 h 12 min")]
    [InlineData(5 * 3600, "5 h")]
    [InlineData(3 * 86400 + 4 * 3600 + 59, "3 d 4 h")]
    [InlineData(2 * 86400, "2 d")]
    public void Duration_TwoLargestUnits(int seconds, string expected) => Assert.Equal(expected, UiFormat.Duration(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(-4, "4 s ago")]
    [InlineData(-59, "59 s ago")]
    [InlineData(-61, "1 min ago")]
    [InlineData(-3 * 3600, "3 h ago")]
    [InlineData(-3 * 86400, "3 d ago")]
    [InlineData(12, "in 12 s")]
    public void Relative_CoarseEnoughToChangeRarely(int offsetSeconds, string expected) =>
        Assert.Equal(expected, UiFormat.Relative(s_now.AddSeconds(offsetSeconds), s_now));

    [Fact]
    public void Absolute_IsUtcAndUnambiguous() =>
        Assert.Equal("2026-11-26 13:00:04 UTC", UiFormat.Absolute(new DateTimeOffset(2026, 11, 26, 14, 0, 4, TimeSpan.FromHours(1)).AddHours(0)));

    [Fact]
    public void Latency_MillisecondsThenSeconds()
    {
        Assert.Equal("42 ms", UiFormat.Latency(TimeSpan.FromMilliseconds(42)));
        Assert.Equal("1.5 s", UiFormat.Latency(TimeSpan.FromMilliseconds(1500)));
    }

    [Fact]
    public void Load_JoinsTwoDecimals() => Assert.Equal("0.42 · 1.00 · 2.35", UiFormat.Load([0.42, 1, 2.349]));
}
