using Homelab.Dashboard.Api.Agent;
using Microsoft.Extensions.Time.Testing;

namespace Homelab.Tests.Dashboard.Api;

public sealed class FailedAttemptThrottleTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void IsBlocked_NineFailures_NotBlocked()
    {
        var throttle = Throttle();
        Fail(throttle, "10.0.0.5", 9);

        Assert.False(throttle.IsBlocked("10.0.0.5", out _));
    }

    [Fact]
    public void IsBlocked_TenFailuresInAMinute_BlocksUntilTheOldestLeaves()
    {
        var throttle = Throttle();
        Fail(throttle, "10.0.0.5", 1);
        _time.Advance(TimeSpan.FromSeconds(20));
        Fail(throttle, "10.0.0.5", 9);

        Assert.True(throttle.IsBlocked("10.0.0.5", out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(40), retryAfter);
        _time.Advance(TimeSpan.FromSeconds(40));
        Assert.False(throttle.IsBlocked("10.0.0.5", out _));
    }

    [Fact]
    public void IsBlocked_FailuresSpreadOverMoreThanAMinute_NotBlocked()
    {
        var throttle = Throttle();
        for (var i = 0; i < 20; i++)
        {
            Fail(throttle, "10.0.0.5", 1);
            _time.Advance(TimeSpan.FromSeconds(7));
        }

        Assert.False(throttle.IsBlocked("10.0.0.5", out _));
    }

    [Fact]
    public void IsBlocked_OtherAddress_NotBlocked()
    {
        var throttle = Throttle();
        Fail(throttle, "10.0.0.5", 10);

        Assert.True(throttle.IsBlocked("10.0.0.5", out _));
        Assert.False(throttle.IsBlocked("10.0.0.6", out _));
    }

    private FailedAttemptThrottle Throttle() => new(_time, maxFailures: 10, window: TimeSpan.FromMinutes(1));

    private static void Fail(FailedAttemptThrottle throttle, string client, int times)
    {
        for (var i = 0; i < times; i++)
        {
            throttle.RecordFailure(client);
        }
    }
}
