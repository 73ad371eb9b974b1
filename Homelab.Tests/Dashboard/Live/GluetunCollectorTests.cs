using Homelab.Dashboard.Live;
using Homelab.Domain.Downloads;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;
using Homelab.Tests.Dashboard.Simulator;
using Homelab.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Homelab.Tests.Dashboard.Live;

/// <summary>The gluetun collector with the real adapter against the simulator, writing into the real live store.</summary>
public sealed class GluetunCollectorTests(GluetunSimulatorFixture fixture) : IClassFixture<GluetunSimulatorFixture>
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _time = new(TestData.Start);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private LiveHomelabStore CreateStore()
    {
        var store = new LiveHomelabStore(_time, TimeSpan.Zero);
        store.RegisterSource(TestData.Source(SourceIds.Gluetun, SourceKind.Gluetun) with { Interval = s_interval });
        return store;
    }

    private GluetunCollector CreateCollector(LiveHomelabStore store, string? apiKey = null) =>
        new(fixture.CreateAdapter(apiKey, _time), s_interval, store, _time, NullLogger<GluetunCollector>.Instance);

    [Fact]
    public async Task PollAndReport_Simulator_PublishesVpnChangedOnceAndMarksFresh()
    {
        var store = CreateStore();
        using var collector = CreateCollector(store);
        using var unsubscribe = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var subscription = store.Subscribe(unsubscribe.Token);

        var delay = await collector.PollAndReportAsync(Cancel);
        _time.Advance(s_interval);
        await collector.PollAndReportAsync(Cancel);

        Assert.Equal(s_interval, delay);
        var published = await FirstVpnChangeAsync(subscription);
        Assert.Equal(VpnState.Running, published.Status.State);
        Assert.Equal(("185.65.135.73", 51413), (published.Status.PublicIp, published.Status.ForwardedPort));
        Assert.Equal(TestData.Start, published.Status.UpdatedAt);

        // The second read, five seconds later, found nothing new: the store still holds the first one.
        Assert.Same(published.Status, store.Current.Vpn);
        var source = store.Current.FindSource(SourceIds.Gluetun)!;
        Assert.Equal(SourceHealth.Fresh, source.Health);
        Assert.Equal(_time.GetUtcNow(), source.LastSuccess);
        await unsubscribe.CancelAsync();
    }

    [Fact]
    public async Task PollAndReport_TunnelStopped_PublishesTheNewState()
    {
        var store = CreateStore();
        using var collector = CreateCollector(store);
        await collector.PollAndReportAsync(Cancel);
        try
        {
            fixture.Simulator.Homelab.SetVpnRunning(false);
            await WaitForAsync(() => fixture.Simulator.Homelab.ReadVpn().State == VpnState.Stopped);

            await collector.PollAndReportAsync(Cancel);

            var vpn = store.Current.Vpn!;
            Assert.Equal(VpnState.Stopped, vpn.State);
            Assert.False(vpn.PublicIpKnown);
            Assert.Null(vpn.ForwardedPort);
        }
        finally
        {
            await fixture.RestoreTunnelAsync();
        }
    }

    [Fact]
    public async Task PollAndReport_WrongKey_SourceDownAndNoRetryForFiveMinutes()
    {
        var store = CreateStore();
        using var collector = CreateCollector(store, apiKey: "not-the-key");

        var delay = await collector.PollAndReportAsync(Cancel);

        Assert.Equal(BackoffPolicy.AuthenticationFailureDelay, delay);
        Assert.Equal(TimeSpan.FromMinutes(5), delay);
        var source = store.Current.FindSource(SourceIds.Gluetun)!;
        Assert.Equal(SourceHealth.Down, source.Health);
        Assert.Equal(SourceErrorKind.Unauthorized, source.LastError?.Kind);
        Assert.Contains("Homelab:Simulator:GluetunApiKey", source.LastError!.Message, StringComparison.Ordinal);
        Assert.Equal(_time.GetUtcNow() + delay, source.RetryAt);
        Assert.Null(store.Current.Vpn);
    }

    private static async Task<VpnChanged> FirstVpnChangeAsync(HomelabSubscription subscription)
    {
        await foreach (var batch in subscription.Changes.WithCancellation(Cancel))
        {
            if (batch.OfType<VpnChanged>().FirstOrDefault() is { } change)
            {
                return change;
            }
        }

        throw new InvalidOperationException("The stream ended without a VPN change.");
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
