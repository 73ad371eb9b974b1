using Homelab.Dashboard.Adapters.Docker;

namespace Homelab.Tests.Dashboard.Adapters.Docker;

public sealed class DockerTimeTests
{
    [Theory]
    [InlineData("2026-11-26T10:00:00Z", 0L)]
    [InlineData("2026-11-26T10:00:00.5Z", 5_000_000L)]
    [InlineData("2026-11-26T10:00:00.123456789Z", 1_234_567L)]
    [InlineData("2026-11-26T10:00:00.999999999Z", 9_999_999L)]
    [InlineData("2026-11-26T12:00:00.1+02:00", 1_000_000L)]
    public void ParseRfc3339_DockerTimes_CutsNanosecondsToTicks(string text, long ticks)
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero).AddTicks(ticks), DockerTime.ParseRfc3339(text));
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2026-11-26T10:00:00")]
    [InlineData("2026-11-26T10:00:00.Z")]
    [InlineData("2026-11-26T10:00:00+0200")]
    public void ParseRfc3339_NeverOrNotATime_IsNull(string text)
    {
        Assert.Null(DockerTime.ParseRfc3339(text));
    }

    [Fact]
    public void FormatUnix_Time_IsSecondsWithNineFractionDigits()
    {
        Assert.Equal("1764151200.123456700", DockerTime.FormatUnix(DateTimeOffset.FromUnixTimeSeconds(1_764_151_200).AddTicks(1_234_567)));
        Assert.Equal("1764151200.000000000", DockerTime.FormatUnix(DateTimeOffset.FromUnixTimeSeconds(1_764_151_200)));
    }
}
