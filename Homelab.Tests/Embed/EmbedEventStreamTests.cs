using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Homelab.Dashboard.Embed;
using Microsoft.Extensions.Time.Testing;

namespace Homelab.Tests.Embed;

public sealed class EmbedEventStreamTests
{
    private readonly FakeTimeProvider _time = new(EmbedTestData.Now);
    private readonly Channel<EmbedFragment> _fragments = Channel.CreateUnbounded<EmbedFragment>();
    private bool _subscriptionEnded;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Events_NothingChangesForTheInterval_SendsAKeepAliveThenTheNextFragment()
    {
        await using var events = Open();
        Assert.Equal(EmbedEventStream.FragmentEvent, (await NextAsync(events)).EventType);

        var waiting = events.MoveNextAsync();
        _time.Advance(EmbedEventStream.KeepAliveInterval - TimeSpan.FromSeconds(1));
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await waiting);
        Assert.Equal(EmbedEventStream.KeepAliveEvent, events.Current.EventType);
        Assert.Equal("", events.Current.Data);

        // The read that was pending during the keep-alive still delivers the change.
        _fragments.Writer.TryWrite(Fragment(2, "<p>two</p>"));
        var next = await NextAsync(events);
        Assert.Equal(EmbedEventStream.FragmentEvent, next.EventType);
        Assert.Equal("<p>two</p>", next.Data);
    }

    [Fact]
    public async Task Events_FragmentsKeepComing_SendsNoKeepAlive()
    {
        await using var events = Open();
        await NextAsync(events);

        for (var sequence = 2; sequence < 6; sequence++)
        {
            _time.Advance(EmbedEventStream.KeepAliveInterval / 2);
            _fragments.Writer.TryWrite(Fragment(sequence, $"<p>{sequence}</p>"));
            var item = await NextAsync(events);
            Assert.Equal(EmbedEventStream.FragmentEvent, item.EventType);
            Assert.Equal($"<p>{sequence}</p>", item.Data);
        }
    }

    [Fact]
    public async Task Events_LifetimeIsUp_EndsTheStreamAndTheSubscription()
    {
        await using var events = Open();
        await NextAsync(events);

        _time.Advance(EmbedEventStream.MaxLifetime);
        var keepAlives = 0;
        while (await events.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct))
        {
            Assert.Equal(EmbedEventStream.KeepAliveEvent, events.Current.EventType);
            Assert.True(++keepAlives < 3, "the stream went on after its lifetime");
        }

        Assert.True(_subscriptionEnded);
    }

    [Fact]
    public async Task DisposeAsync_ClientLeavesAfterAKeepAlive_EndsThePendingReadAndTheSubscription()
    {
        var events = Open();
        await NextAsync(events);
        var waiting = events.MoveNextAsync();
        _time.Advance(EmbedEventStream.KeepAliveInterval);
        Assert.True(await waiting);

        await events.DisposeAsync();

        Assert.True(_subscriptionEnded);
    }

    private IAsyncEnumerator<SseItem<string>> Open()
    {
        _fragments.Writer.TryWrite(Fragment(1, "<p>one</p>"));
        return EmbedEventStream.Events(SubscribeAsync, _time, CancellationToken.None).GetAsyncEnumerator(Ct);
    }

    private static async Task<SseItem<string>> NextAsync(IAsyncEnumerator<SseItem<string>> events)
    {
        Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct));
        return events.Current;
    }

    private async IAsyncEnumerable<EmbedFragment> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                yield return await _fragments.Reader.ReadAsync(cancellationToken);
            }
        }
        finally
        {
            _subscriptionEnded = true;
        }
    }

    private static EmbedFragment Fragment(long sequence, string html) => new(EmbedScope.Cluster, sequence, html);
}
