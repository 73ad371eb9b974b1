using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Homelab.Domain.Cluster;
using Homelab.Domain.Common;
using Homelab.Domain.Containers;
using Homelab.Domain.Downloads;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Live;

/// <summary>
/// The single live store: collectors write into it, and every reader (Blazor circuits, the SignalR hub, the agent)
/// gets snapshot + stream from it. Upstream request volume therefore never depends on how many readers there are.
/// </summary>
/// <remarks>
/// Writes are serialised by one lock; each write computes what really changed and fans that out to one unbounded
/// channel per subscriber. A subscriber that falls far behind gets one <see cref="SnapshotReset"/> instead of a
/// growing queue.
/// </remarks>
internal sealed class LiveHomelabStore : ILiveHomelab
{
    /// <summary>A subscriber further behind than this is reset to the current snapshot.</summary>
    internal const int MaxQueuedChanges = 1_000;

    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _minBatchInterval;
    private ImmutableHashSet<Subscriber> _subscribers = [];
    private HomelabSnapshot _current = HomelabSnapshot.Empty;

    public LiveHomelabStore(TimeProvider timeProvider)
        : this(timeProvider, TimeSpan.FromMilliseconds(100))
    {
    }

    /// <param name="minBatchInterval">How long a subscriber waits after a batch, so bursts coalesce into one render.</param>
    internal LiveHomelabStore(TimeProvider timeProvider, TimeSpan minBatchInterval)
    {
        _timeProvider = timeProvider;
        _minBatchInterval = minBatchInterval;
    }

    public HomelabSnapshot Current => Volatile.Read(ref _current);

    internal int SubscriberCount => _subscribers.Count;

    public HomelabSubscription Subscribe(CancellationToken cancellationToken)
    {
        // Channel is unbounded so TryWrite under the lock always succeeds and never blocks a collector.
        var channel = Channel.CreateUnbounded<HomelabChange>(new UnboundedChannelOptions
        {
            SingleReader = false,
            SingleWriter = false,
            AllowSynchronousContinuations = false,
        });
        var subscriber = new Subscriber(channel);
        HomelabSnapshot initial;
        lock (_gate)
        {
            initial = _current;
            ImmutableInterlocked.Update(ref _subscribers, static (set, s) => set.Add(s), subscriber);
        }

        // Unsubscribe even if the caller never starts reading the stream.
        var registration = cancellationToken.Register(() => Unsubscribe(subscriber));
        return new HomelabSubscription(initial, ReadBatchesAsync(subscriber, registration, cancellationToken));
    }

    /// <summary>Adds a source with its initial status (pending).</summary>
    public void RegisterSource(SourceStatus status)
    {
        lock (_gate)
        {
            if (_current.FindSource(status.Id) is null)
            {
                PublishLocked(new SourceChanged(status));
            }
        }
    }

    /// <summary>Applies <paramref name="update"/> to a source's status and publishes it if it changed.</summary>
    public SourceStatus? UpdateSource(string sourceId, Func<SourceStatus, SourceStatus> update)
    {
        lock (_gate)
        {
            if (_current.FindSource(sourceId) is not { } existing)
            {
                return null;
            }

            var updated = update(existing);
            if (updated != existing)
            {
                PublishLocked(new SourceChanged(updated));
            }

            return updated;
        }
    }

    /// <summary>Re-evaluates every source's health as time passes without news (fresh → stale → down).</summary>
    public void RefreshHealth()
    {
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            foreach (var source in _current.Sources)
            {
                var evaluated = source.At(now);
                if (evaluated != source)
                {
                    PublishLocked(new SourceChanged(evaluated));
                }
            }
        }
    }

    /// <summary>Replaces the cluster when it differs from what readers already have.</summary>
    public void SetCluster(ClusterSnapshot cluster)
    {
        lock (_gate)
        {
            if (!Equals(StripTimestamp(_current.Cluster), StripTimestamp(cluster)))
            {
                PublishLocked(new ClusterChanged(cluster));
            }
        }
    }

    /// <summary>Replaces one host's container list, publishing only the containers that appeared, changed or went away.</summary>
    public void SetContainers(string host, IReadOnlyCollection<Container> containers, DateTimeOffset updatedAt)
    {
        lock (_gate)
        {
            var existing = _current.FindHost(host);
            var before = existing?.Containers.ToDictionary(c => c.Id, StringComparer.Ordinal) ?? [];
            var upserted = containers.Where(c => !before.TryGetValue(c.Id, out var old) || old != c).ToImmutableArray();
            var present = containers.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            var removed = before.Keys.Where(id => !present.Contains(id)).ToImmutableArray();
            if (existing is null || upserted.Length > 0 || removed.Length > 0)
            {
                PublishLocked(new ContainersChanged(host, upserted, removed, updatedAt));
            }
        }
    }

    /// <summary>Updates one container, e.g. right after an event, without waiting for the next full poll.</summary>
    public void UpsertContainer(Container container, DateTimeOffset updatedAt)
    {
        lock (_gate)
        {
            if (_current.FindHost(container.Host)?.Find(container.Id) != container)
            {
                PublishLocked(new ContainersChanged(container.Host, [container], EquatableArray<string>.Empty, updatedAt));
            }
        }
    }

    /// <summary>
    /// Publishes what a maindata merge changed (only those torrents), with a new point for the speed history. The first
    /// call always publishes, so readers learn that the client answered even when it has no torrents.
    /// </summary>
    public void SetDownloads(MainDataMergeResult merge, TransferSample sample)
    {
        ArgumentNullException.ThrowIfNull(merge);
        lock (_gate)
        {
            var first = _current.Downloads is null;
            PublishLocked(new TorrentsChanged(
                merge.Upserted,
                merge.Removed,
                first || merge.CategoriesChanged ? (EquatableArray<string>?)merge.State.Categories : null,
                first || merge.TransferChanged ? merge.State.Transfer : null,
                sample,
                sample.Time));
        }
    }

    /// <summary>Publishes the VPN's status when it differs from the last one (the read time alone is not a change).</summary>
    public void SetVpn(VpnStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        lock (_gate)
        {
            if (_current.Vpn is not { } known || known with { UpdatedAt = default } != status with { UpdatedAt = default })
            {
                PublishLocked(new VpnChanged(status));
            }
        }
    }

    private static ClusterSnapshot? StripTimestamp(ClusterSnapshot? cluster) => cluster is null ? null : cluster with { UpdatedAt = default };

    private void PublishLocked(HomelabChange change)
    {
        _current = _current.Apply(change);
        foreach (var subscriber in _subscribers)
        {
            if (subscriber.Channel.Reader.Count >= MaxQueuedChanges)
            {
                // The reader is far behind (a stalled circuit): replace its backlog with the state it would reach.
                while (subscriber.Channel.Reader.TryRead(out _))
                {
                }

                subscriber.Channel.Writer.TryWrite(new SnapshotReset(_current));
                continue;
            }

            subscriber.Channel.Writer.TryWrite(change);
        }
    }

    private async IAsyncEnumerable<IReadOnlyList<HomelabChange>> ReadBatchesAsync(
        Subscriber subscriber,
        CancellationTokenRegistration registration,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = subscriber.Channel.Reader;
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken))
            {
                var batch = new List<HomelabChange>();
                while (reader.TryRead(out var change))
                {
                    batch.Add(change);
                }

                if (batch.Count > 0)
                {
                    yield return batch;
                }

                if (_minBatchInterval > TimeSpan.Zero)
                {
                    await Task.Delay(_minBatchInterval, _timeProvider, cancellationToken);
                }
            }
        }
        finally
        {
            await registration.DisposeAsync();
            Unsubscribe(subscriber);
        }
    }

    private void Unsubscribe(Subscriber subscriber)
    {
        ImmutableInterlocked.Update(ref _subscribers, static (set, s) => set.Remove(s), subscriber);
        subscriber.Channel.Writer.TryComplete();
    }

    private sealed class Subscriber(Channel<HomelabChange> channel)
    {
        public Channel<HomelabChange> Channel { get; } = channel;
    }
}
