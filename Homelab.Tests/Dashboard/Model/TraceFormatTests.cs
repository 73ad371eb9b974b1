using Homelab.Dashboard.Model;
using Homelab.Domain.Agent.Traces;

namespace Homelab.Tests.Dashboard.Model;

public sealed class TraceFormatTests
{
    [Theory]
    [InlineData(0, "0 ms")]
    [InlineData(850, "850 ms")]
    [InlineData(999.6, "1000 ms")]
    [InlineData(1000, "1.00 s")]
    [InlineData(4250, "4.25 s")]
    [InlineData(12_340, "12.3 s")]
    [InlineData(60_000, "1 min")]
    [InlineData(125_400, "2 min 5 s")]
    public void Latency_Milliseconds_UsesTheReadableUnit(double milliseconds, string expected) =>
        Assert.Equal(expected, TraceFormat.Latency(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void Latency_Null_IsADash() => Assert.Equal("–", TraceFormat.Latency(null));

    [Theory]
    [InlineData(42.14, "42.1 tok/s")]
    [InlineData(127.6, "128 tok/s")]
    [InlineData(0, "0.0 tok/s")]
    public void TokensPerSecond_Rate_OneDecimalBelowAHundred(double rate, string expected) =>
        Assert.Equal(expected, TraceFormat.TokensPerSecond(rate));

    [Fact]
    public void TokensPerSecond_NullOrInfinite_IsADash()
    {
        Assert.Equal("–", TraceFormat.TokensPerSecond(null));
        Assert.Equal("–", TraceFormat.TokensPerSecond(double.PositiveInfinity));
    }

    [Theory]
    [InlineData(0.0, "0.0%")]
    [InlineData(0.034, "3.4%")]
    [InlineData(0.25, "25%")]
    [InlineData(1.0, "100%")]
    public void Rate_Fraction_IsAPercentage(double fraction, string expected) => Assert.Equal(expected, TraceFormat.Rate(fraction));

    [Fact]
    public void Rate_Null_IsADash() => Assert.Equal("–", TraceFormat.Rate(null));

    [Fact]
    public void ErrorRate_NoCalls_IsADashNotZero()
    {
        Assert.Equal("–", TraceFormat.ErrorRate(new TraceTotals()));
        Assert.Equal("25%", TraceFormat.ErrorRate(new TraceTotals { Calls = 4, Errors = 1, ErrorRate = 0.25 }));
    }

    [Theory]
    [InlineData(950, "950")]
    [InlineData(9_999, "9,999")]
    [InlineData(12_345, "12.3k")]
    [InlineData(456_789, "457k")]
    [InlineData(4_100_000, "4.1M")]
    public void Compact_Counts_ShortenFromTenThousand(long count, string expected) => Assert.Equal(expected, TraceFormat.Compact(count));

    [Fact]
    public void Tokens_PromptAndCompletion_ShowsBothOrAQuestionMark()
    {
        Assert.Equal("1,200 → 80", TraceFormat.Tokens(1200, 80));
        Assert.Equal("1,200 → ?", TraceFormat.Tokens(1200, null));
        Assert.Equal("–", TraceFormat.Tokens(null, null));
    }

    [Fact]
    public void Snippet_MultilineOrLong_KeepsTheFirstLineCut()
    {
        Assert.Equal("model not found…", TraceFormat.Snippet("model not found\nstack trace here"));
        Assert.Equal(new string('x', 9) + "…", TraceFormat.Snippet(new string('x', 50), max: 10));
        Assert.Equal("short", TraceFormat.Snippet("  short  "));
        Assert.Null(TraceFormat.Snippet("  "));
    }
}
