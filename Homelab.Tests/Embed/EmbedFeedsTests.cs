using System.Threading.Channels;
using Homelab.Dashboard.Embed;
using Homelab.Domain.Downloads;
using Homelab.Domain.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Homelab.Tests.Embed.EmbedTestData;

namespace Homelab.Tests.Embed;

public sealed class EmbedFeedsTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();
    private readonly EmbedFragmentRenderer _renderer;
    private readonly TestLiveHomelab _live = new(Snapshot());
    private readonly FakeTimeProvider _time = new(Now);

    public EmbedFeedsTests() => _renderer = new EmbedFragmentRenderer(_services.GetRequiredService<IServiceScopeFactory>(), NullLoggerFactory.Instance);

    [Fact]
    public async Task Subscribe_ManyListeners_OneRenderPerChangeSharedByAll()
    {
        using var feeds = new EmbedFeeds(_live, _renderer, _time, NullLogger<EmbedFeeds>.Instance);
        await feeds.StartAsync(Ct);
        var listeners = Enumerable.Range(0, 20).Select(_ => feeds.SubscribeAsync(EmbedScope.Vpn, Ct).GetAsyncEnumerator(Ct)).ToList();
        foreach (var listener in listeners)
        {
            Assert.True(await listener.MoveNextAsync());
        }

        var initialRenders = feeds.RenderCount;
        var pending = listeners.Select(l => l.MoveNextAsync().AsTask()).ToList();
        _live.Publish(new VpnChanged(new VpnStatus { State = VpnState.Stopped, UpdatedAt = Now }));
        await Task.WhenAll(pending);

        Assert.Equal(1, initialRenders);
        Assert.Equal(2, feeds.RenderCount);
        Assert.All(listeners, l => Assert.Contains(">stopped<", l.Current.Html));
        Assert.Single(listeners.Select(l => l.Current).Distinct());
        foreach (var listener in listeners)
        {
            await listener.DisposeAsync();
        }

        await feeds.StopAsync(Ct);
    }

    [Fact]
    public async Task Change_NobodyListening_RendersOnlyWhenAsked()
    {
        using var feeds = new EmbedFeeds(_live, _renderer, _time, NullLogger<EmbedFeeds>.Instance);
        await feeds.StartAsync(Ct);

        _live.Publish(new VpnChanged(new VpnStatus { State = VpnState.Stopped, UpdatedAt = Now }));
        await _live.DrainedAsync();

        Assert.Equal(0, feeds.RenderCount);
        var fragment = await feeds.CurrentAsync(EmbedScope.Vpn, Ct);
        Assert.Contains(">stopped<", fragment.Html);
        Assert.Equal(1, feeds.RenderCount);
        await feeds.StopAsync(Ct);
    }

    [Fact]
    public void Affected_ContainerChange_OnlyTheContainersView()
    {
        Assert.Equal([EmbedScope.Containers], EmbedFeeds.Affected(new ContainersChanged("h", new([]), new([]), Now)));
    }

    public async ValueTask DisposeAsync()
    {
        await _renderer.DisposeAsync();
        await _services.DisposeAsync();
    }

    /// <summary>A live store driven by the test: one subscriber, fed through a channel.</summary>
    private sealed class TestLiveHomelab(HomelabSnapshot initial) : ILiveHomelab
    {
        private readonly Channel<IReadOnlyList<HomelabChange>> _changes = Channel.CreateUnbounded<IReadOnlyList<HomelabChange>>();

        public HomelabSnapshot Current { get; private set; } = initial;

        public HomelabSubscription Subscribe(CancellationToken cancellationToken) => new(Current, _changes.Reader.ReadAllAsync(cancellationToken));

        public void Publish(HomelabChange change)
        {
            Current = Current.Apply(change);
            _changes.Writer.TryWrite([change]);
        }

        /// <summary>Waits until the subscriber has taken every batch (and, a moment later, applied it).</summary>
        public async Task DrainedAsync()
        {
            while (_changes.Reader.Count > 0)
            {
                await Task.Delay(10);
            }

            await Task.Delay(50);
        }
    }
}
