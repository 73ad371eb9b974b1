using Homelab.Domain.Sources;

namespace Homelab.Tests.Domain;

public sealed class SourceHealthRulesTests
{
    private static readonly DateTimeOffset s_start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static SourceStatus Status() => new()
    {
        Id = "proxmox",
        Kind = SourceKind.Proxmox,
        DisplayName = "Proxmox VE",
        Endpoint = "https://pve:8006",
        Interval = TimeSpan.FromSeconds(3),
    };

    [Fact]
    public void Evaluate_NeverAsked_IsPending()
    {
        Assert.Equal(SourceHealth.Pending, SourceHealthRules.Evaluate(Status(), s_start));
    }

    [Fact]
    public void Evaluate_SuccessWithinTwoIntervals_IsFresh()
    {
        var status = Status().WithSuccess(s_start, TimeSpan.FromMilliseconds(40));

        Assert.Equal(SourceHealth.Fresh, SourceHealthRules.Evaluate(status, s_start + TimeSpan.FromSeconds(6)));
    }

    [Fact]
    public void Evaluate_NoSuccessForTwoIntervalsAndNoError_IsStale()
    {
        var status = Status().WithSuccess(s_start, TimeSpan.FromMilliseconds(40));

        Assert.Equal(SourceHealth.Stale, SourceHealthRules.Evaluate(status, s_start + TimeSpan.FromSeconds(6.5)));
    }

    [Fact]
    public void Evaluate_FailureAfterWindow_IsDownWithReason()
    {
        var error = new SourceError(SourceErrorKind.Unreachable, "Connection refused");
        var status = Status().WithSuccess(s_start, TimeSpan.FromMilliseconds(40))
            .WithFailure(s_start + TimeSpan.FromSeconds(7), error, retryAt: null);

        Assert.Equal(SourceHealth.Down, status.Health);
        Assert.Equal("Connection refused", status.LastError?.Message);
    }

    [Fact]
    public void Evaluate_SingleFailureInsideWindow_StaysFresh()
    {
        var status = Status().WithSuccess(s_start, TimeSpan.FromMilliseconds(40))
            .WithFailure(s_start + TimeSpan.FromSeconds(3), new SourceError(SourceErrorKind.Timeout, "timed out"), retryAt: null);

        Assert.Equal(SourceHealth.Fresh, status.Health);
    }

    [Fact]
    public void Evaluate_FirstAttemptFails_IsDownAtOnce()
    {
        var status = Status().WithFailure(s_start, new SourceError(SourceErrorKind.Unauthorized, "bad token", 401), retryAt: null);

        Assert.Equal(SourceHealth.Down, status.Health);
    }

    [Fact]
    public void At_TimePassesWithoutNews_TurnsStale()
    {
        var status = Status().WithSuccess(s_start, TimeSpan.FromMilliseconds(40));

        var later = status.At(s_start + TimeSpan.FromSeconds(10));

        Assert.Equal(SourceHealth.Fresh, status.Health);
        Assert.Equal(SourceHealth.Stale, later.Health);
    }
}
