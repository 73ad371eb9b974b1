using System.Collections.Immutable;
using Homelab.Domain.Cluster;
using Homelab.Domain.Common;
using Homelab.Domain.Containers;
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

    public IEnumerable<Container> AllContainers => ContainerHosts.SelectMany(h => h.Containers);

    public SourceStatus? FindSource(string id) => Sources.FirstOrDefault(s => s.Id == id);

    public ContainerHostSnapshot? FindHost(string host) => ContainerHosts.FirstOrDefault(h => h.Host == host);

    /// <summary>Applies one change; pure, so every subscriber ends up with the same state as the store.</summary>
    public HomelabSnapshot Apply(HomelabChange change) => change switch
    {
        ClusterChanged c => this with { Cluster = c.Cluster, Version = Version + 1 },
        ContainersChanged c => this with { ContainerHosts = ApplyContainers(ContainerHosts, c), Version = Version + 1 },
        SourceChanged s => this with { Sources = Upsert(Sources, s.Status, x => x.Id == s.Status.Id), Version = Version + 1 },
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
