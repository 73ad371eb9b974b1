using System.Collections.Immutable;
using Homelab.Domain.Cluster;
using Homelab.Domain.Common;
using Homelab.Domain.Containers;
using Homelab.Domain.Downloads;
using Homelab.Domain.Sources;

namespace Homelab.Domain.Live;

/// <summary>Everything the dashboard currently knows about the homelab. Immutable; changes make a new one.</summary>
public sealed record HomelabSnapshot
{
    public static HomelabSnapshot Empty { get; } = new();

    /// <summary>Counts the changes applied since the store started; lets remote clients drop changes older than a snapshot.</summary>
    public long Version { get; init; }

    /// <summary>The cluster; null until Proxmox first answers (or when it is not configured).</summary>
    public ClusterSnapshot? Cluster { get; init; }

    public EquatableArray<ContainerHostSnapshot> ContainerHosts { get; init; } = EquatableArray<ContainerHostSnapshot>.Empty;

    public EquatableArray<SourceStatus> Sources { get; init; } = EquatableArray<SourceStatus>.Empty;

    /// <summary>The torrent client; null until it first answers (or when it is not configured).</summary>
    public DownloadsSnapshot? Downloads { get; init; }

    /// <summary>The VPN in front of the downloads; null until it first answers (or when it is not configured).</summary>
    public VpnStatus? Vpn { get; init; }

    public IEnumerable<Container> AllContainers => ContainerHosts.SelectMany(h => h.Containers);

    public SourceStatus? FindSource(string id) => Sources.FirstOrDefault(s => s.Id == id);

    public ContainerHostSnapshot? FindHost(string host) => ContainerHosts.FirstOrDefault(h => h.Host == host);

    /// <summary>Applies one change; pure, so every subscriber ends up with the same state as the store.</summary>
    public HomelabSnapshot Apply(HomelabChange change) => change switch
    {
        ClusterChanged c => this with { Cluster = c.Cluster, Version = Version + 1 },
        ContainersChanged c => this with { ContainerHosts = ApplyContainers(ContainerHosts, c), Version = Version + 1 },
        SourceChanged s => this with { Sources = Upsert(Sources, s.Status, x => x.Id == s.Status.Id), Version = Version + 1 },
        TorrentsChanged t => this with { Downloads = ApplyTorrents(Downloads ?? new DownloadsSnapshot(), t), Version = Version + 1 },
        VpnChanged v => this with { Vpn = v.Status, Version = Version + 1 },
        SnapshotReset r => r.Snapshot,
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "Unknown change."),
    };

    public HomelabSnapshot Apply(IEnumerable<HomelabChange> changes) => changes.Aggregate(this, (snapshot, change) => snapshot.Apply(change));

    private static EquatableArray<ContainerHostSnapshot> ApplyContainers(EquatableArray<ContainerHostSnapshot> hosts, ContainersChanged change)
    {
        var existing = hosts.FirstOrDefault(h => h.Host == change.Host) ?? new ContainerHostSnapshot { Host = change.Host };
        var removed = change.Removed.ToHashSet(StringComparer.Ordinal);
        var upserts = change.Upserted.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var builder = ImmutableArray.CreateBuilder<Container>(existing.Containers.Count + upserts.Count);
        foreach (var container in existing.Containers)
        {
            if (removed.Contains(container.Id))
            {
                continue;
            }

            builder.Add(upserts.Remove(container.Id, out var updated) ? updated : container);
        }

        builder.AddRange(upserts.Values);
        var host = existing with { Containers = builder.ToImmutable(), UpdatedAt = change.UpdatedAt };
        return Upsert(hosts, host, h => h.Host == change.Host);
    }

    private static DownloadsSnapshot ApplyTorrents(DownloadsSnapshot downloads, TorrentsChanged change)
    {
        var torrents = downloads.Torrents;
        if (change.Removed.Count > 0)
        {
            torrents = torrents.RemoveRange(change.Removed);
        }

        if (change.Upserted.Count > 0)
        {
            torrents = torrents.SetItems(change.Upserted.Select(t => KeyValuePair.Create(t.Hash, t)));
        }

        var history = downloads.History;
        if (change.Sample is { } sample)
        {
            var points = history.AsImmutableArray();
            history = (points.Length >= DownloadsSnapshot.HistoryLength ? points.RemoveRange(0, points.Length - DownloadsSnapshot.HistoryLength + 1) : points).Add(sample);
        }

        return downloads with
        {
            Torrents = torrents,
            Categories = change.Categories ?? downloads.Categories,
            Transfer = change.Transfer ?? downloads.Transfer,
            History = history,
            UpdatedAt = change.UpdatedAt,
        };
    }

    private static EquatableArray<T> Upsert<T>(EquatableArray<T> items, T item, Func<T, bool> match)
    {
        var array = items.AsImmutableArray();
        for (var i = 0; i < array.Length; i++)
        {
            if (match(array[i]))
            {
                return array.SetItem(i, item);
            }
        }

        return array.Add(item);
    }
}
