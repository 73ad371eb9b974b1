using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Homelab.Domain.Live;

namespace Homelab.Dashboard.Embed;

/// <summary>One rendered embed view: the HTML every listener of that view gets.</summary>
/// <param name="Sequence">Increases with every render of this view.</param>
public sealed record EmbedFragment(EmbedScope View, long Sequence, string Html);

/// <summary>
/// Keeps each embed view's HTML current: follows the live store, re-renders a view when its data changed (at most once
/// per <see cref="MinRenderInterval"/>, and only while someone watches it), and hands the same string to every
/// listener. Work grows with the rate of change, not with the number of open embeds.
/// </summary>
internal sealed partial class EmbedFeeds(ILiveHomelab live, EmbedFragmentRenderer renderer, TimeProvider timeProvider, ILogger<EmbedFeeds> logger) : BackgroundService
{
    public static readonly TimeSpan MinRenderInterval = TimeSpan.FromSeconds(1);

    private readonly Dictionary<EmbedScope, Feed> _feeds = EmbedScopes.Views.ToDictionary(v => v, v => new Feed(v));
    private readonly SemaphoreSlim _renderLock = new(1, 1);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>How many renders have happened, all views together; the benchmark and tests read it.</summary>
    public long RenderCount => Interlocked.Read(ref _renderCount);

    private long _renderCount;

    /// <summary>The view's current HTML, rendered now if it is out of date.</summary>
    public async Task<EmbedFragment> CurrentAsync(EmbedScope view, CancellationToken cancellationToken)
    {
        var feed = _feeds[view];
        return feed.Dirty || feed.Current is null ? await RenderAsync(feed, cancellationToken) : feed.Current;
    }

    /// <summary>The current fragment, then every new one; skips fragments a slow reader missed.</summary>
    /// <remarks>Never completes on its own; cancel <paramref name="cancellationToken"/> to stop listening.</remarks>
    public async IAsyncEnumerable<EmbedFragment> SubscribeAsync(EmbedScope view, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var feed = _feeds[view];
        Interlocked.Increment(ref feed.Listeners);
        try
        {
            // Take the signal before reading, so a render in between is not missed.
            var next = feed.Next;
            var current = await CurrentAsync(view, cancellationToken);
            yield return current;
            while (!cancellationToken.IsCancellationRequested)
            {
                var rendered = await next.WaitAsync(cancellationToken);
                next = feed.Next;
                if (rendered.Sequence > current.Sequence)
                {
                    current = rendered;
                    yield return current;
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref feed.Listeners);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The stream only says which views changed; renders read the store's latest snapshot.
        var subscription = live.Subscribe(stoppingToken);
        var renders = RenderLoopAsync(stoppingToken);
        try
        {
            await foreach (var batch in subscription.Changes.WithCancellation(stoppingToken))
            {
                foreach (var change in batch)
                {
                    foreach (var view in Affected(change))
                    {
                        _feeds[view].Dirty = true;
                    }
                }

                _wake.Writer.TryWrite(true);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await renders;
    }

    public override void Dispose()
    {
        _renderLock.Dispose();
        base.Dispose();
    }

    /// <summary>Which views show what <paramref name="change"/> touched.</summary>
    public static IEnumerable<EmbedScope> Affected(HomelabChange change) => change switch
    {
        ClusterChanged => [EmbedScope.Cluster],
        ContainersChanged => [EmbedScope.Containers],
        TorrentsChanged => [EmbedScope.Torrents],
        VpnChanged => [EmbedScope.Vpn],
        _ => EmbedScopes.Views, // A source's health, or a reset: every view shows freshness.
    };

    private async Task RenderLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _wake.Reader.WaitToReadAsync(stoppingToken))
            {
                _wake.Reader.TryRead(out _);
                foreach (var feed in _feeds.Values)
                {
                    // Nobody watching: stay dirty, and render on the next request instead.
                    if (feed.Dirty && Volatile.Read(ref feed.Listeners) > 0)
                    {
                        await RenderAsync(feed, stoppingToken);
                    }
                }

                await Task.Delay(MinRenderInterval, timeProvider, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<EmbedFragment> RenderAsync(Feed feed, CancellationToken cancellationToken)
    {
        await _renderLock.WaitAsync(cancellationToken);
        try
        {
            if (!feed.Dirty && feed.Current is { } fresh)
            {
                return fresh;
            }

            // Cleared before reading the snapshot: a change that lands during the render marks it dirty again.
            feed.Dirty = false;
            var snapshot = live.Current;
            string html;
            try
            {
                html = await renderer.RenderAsync(feed.View, snapshot, timeProvider.GetUtcNow());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.RenderFailed(logger, ex, feed.View);
                html = "<p class=\"sum\">This view could not be drawn; see the dashboard's log.</p>";
            }

            var fragment = new EmbedFragment(feed.View, (feed.Current?.Sequence ?? 0) + 1, html);
            Interlocked.Increment(ref _renderCount);
            feed.Publish(fragment);
            return fragment;
        }
        finally
        {
            _renderLock.Release();
        }
    }

    private sealed class Feed(EmbedScope view)
    {
        private TaskCompletionSource<EmbedFragment> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public EmbedScope View { get; } = view;

        public volatile bool Dirty = true;

        public int Listeners;

        public EmbedFragment? Current { get; private set; }

        /// <summary>Completes with the next fragment rendered.</summary>
        public Task<EmbedFragment> Next => Volatile.Read(ref _next).Task;

        public void Publish(EmbedFragment fragment)
        {
            Current = fragment;
            var previous = Interlocked.Exchange(ref _next, new TaskCompletionSource<EmbedFragment>(TaskCreationOptions.RunContinuationsAsynchronously));
            previous.TrySetResult(fragment);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(12201, LogLevel.Error, "Embed view {View} failed to render.")]
        public static partial void RenderFailed(ILogger logger, Exception exception, EmbedScope view);
    }
}
