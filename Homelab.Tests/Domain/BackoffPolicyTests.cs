using Homelab.Domain.Sources;

namespace Homelab.Tests.Domain;

public sealed class BackoffPolicyTests
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(5);

    [Fact]
    public void NextDelay_NoFailure_IsInterval()
    {
        Assert.Equal(s_interval, BackoffPolicy.NextDelay(s_interval, 0, null));
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(4, 40)]
    [InlineData(5, 60)]
    [InlineData(40, 60)]
    public void NextDelay_Failures_DoubleUpToCap(int failures, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), BackoffPolicy.NextDelay(s_interval, failures, new SourceError(SourceErrorKind.Unreachable, "refused")));
    }

    [Theory]
    [InlineData(SourceErrorKind.Unauthorized)]
    [InlineData(SourceErrorKind.Forbidden)]
    [InlineData(SourceErrorKind.UntrustedCertificate)]
    public void NextDelay_CredentialProblem_WaitsFiveMinutesFromTheFirst(SourceErrorKind kind)
    {
        Assert.Equal(TimeSpan.FromMinutes(5), BackoffPolicy.NextDelay(s_interval, 1, new SourceError(kind, "no")));
    }
}
