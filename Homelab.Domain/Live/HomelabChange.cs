using Homelab.Domain.Cluster;
using Homelab.Domain.Common;
using Homelab.Domain.Containers;
using Homelab.Domain.Sources;

namespace Homelab.Domain.Live;

/// <summary>One change to the live homelab. Subscribers apply these to their copy with <see cref="HomelabSnapshot.Apply(HomelabChange)"/>.</summary>
public abstract record HomelabChange;

/// <summary>The cluster as a whole was re-read and differs from before.</summary>
public sealed record ClusterChanged(ClusterSnapshot Cluster) : HomelabChange;

/// <summary>Containers of one host that appeared or changed, and those that went away.</summary>
public sealed record ContainersChanged(string Host, EquatableArray<Container> Upserted, EquatableArray<string> Removed, DateTimeOffset UpdatedAt) : HomelabChange;

/// <summary>A source's availability changed.</summary>
public sealed record SourceChanged(SourceStatus Status) : HomelabChange;

/// <summary>
/// Replace everything: sent to a subscriber that fell too far behind, instead of an ever-growing queue.
/// </summary>
public sealed record SnapshotReset(HomelabSnapshot Snapshot) : HomelabChange;
