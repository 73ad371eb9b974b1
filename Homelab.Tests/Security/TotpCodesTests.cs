using Homelab.Dashboard.Security.Local;
using Microsoft.Extensions.Time.Testing;

namespace Homelab.Tests.Security;

public sealed class TotpCodesTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 10, TimeSpan.Zero));
    private readonly string _secret = TotpCodes.NewSecret();

    private TotpCodes Codes => new(_time);

    [Fact]
    public void Verify_CurrentCode_ReturnsItsStep()
    {
        var step = Codes.Verify(_secret, Codes.CodeNow(_secret), lastStep: 0);

        Assert.Equal(_time.GetUtcNow().ToUnixTimeSeconds() / 30, step);
    }

    [Fact]
    public void Verify_SameCodeAgain_IsRefusedAsAReplay()
    {
        var code = Codes.CodeNow(_secret);
        var step = Codes.Verify(_secret, code, lastStep: 0)!.Value;

        Assert.Null(Codes.Verify(_secret, code, lastStep: step));
    }

    [Fact]
    public void Verify_CodeOneStepOld_IsAcceptedForClockDrift()
    {
        var code = Codes.CodeNow(_secret);
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.NotNull(Codes.Verify(_secret, code, lastStep: 0));
    }

    [Fact]
    public void Verify_CodeTwoStepsOld_IsRefused()
    {
        var code = Codes.CodeNow(_secret);
        _time.Advance(TimeSpan.FromSeconds(60));

        Assert.Null(Codes.Verify(_secret, code, lastStep: 0));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("abcdef")]
    public void Verify_NotSixDigits_IsRefused(string? code) => Assert.Null(Codes.Verify(_secret, code, lastStep: 0));

    [Fact]
    public void EnrolmentUri_IsAnOtpauthTotpUriWithTheSecret()
    {
        var uri = TotpCodes.EnrolmentUri(_secret, "alice");

        Assert.StartsWith("otpauth://totp/", uri, StringComparison.Ordinal);
        Assert.Contains($"secret={_secret}", uri, StringComparison.Ordinal);
        Assert.Contains("alice", uri, StringComparison.Ordinal);
    }
}
