using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Homelab.Domain.Live;

namespace Homelab.Tests.Shared;

/// <summary>
/// A live homelab driven by the test: set <see cref="Current"/> for the initial snapshot, then <see cref="Push"/>
/// changes and wait for the component to show them.
/// </summary>
internal sealed class TestLiveHomelab : ILiveHomelab
{
    private readonly List<Channel<IReadOnlyList<HomelabChange>>> _subscribers = [];

    public HomelabSnapshot Current { get; set; } = HomelabSnapshot.Empty;

    public int SubscriberCount
    {
        get
        {
            lock (_subscribers)
            {
                return _subscribers.Count;
            }
        }
    }

    public HomelabSubscription Subscribe(CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<IReadOnlyList<HomelabChange>>();
        lock (_subscribers)
        {
            _subscribers.Add(channel);
        }

        return new HomelabSubscription(Current, ReadAsync(channel, cancellationToken));
    }

    /// <summary>Applies the changes to <see cref="Current"/> and sends them to every subscriber as one batch.</summary>
    public void Push(params HomelabChange[] changes)
    {
        Current = Current.Apply(changes);
        lock (_subscribers)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(changes);
            }
        }
    }

    private async IAsyncEnumerable<IReadOnlyList<HomelabChange>> ReadAsync(Channel<IReadOnlyList<HomelabChange>> channel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return batch;
            }
        }
        finally
        {
            lock (_subscribers)
            {
                _subscribers.Remove(channel);
            }
        }
    }
}
