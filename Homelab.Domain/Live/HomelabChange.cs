using Homelab.Domain.Cluster;
using Homelab.Domain.Common;
using Homelab.Domain.Containers;
using Homelab.Domain.Downloads;
using Homelab.Domain.Sources;

namespace Homelab.Domain.Live;

/// <summary>One change to the live homelab. Subscribers apply these to their copy with <see cref="HomelabSnapshot.Apply(HomelabChange)"/>.</summary>
public abstract record HomelabChange;

/// <summary>The cluster as a whole was re-read and differs from before.</summary>
public sealed record ClusterChanged(ClusterSnapshot Cluster) : HomelabChange;

/// <summary>Containers of one host that appeared or changed, and those that went away.</summary>
public sealed record ContainersChanged(string Host, EquatableArray<Container> Upserted, EquatableArray<string> Removed, DateTimeOffset UpdatedAt) : HomelabChange;

/// <summary>
/// Torrents that appeared or changed (each whole, after the field-by-field merge), those that went away, and the
/// global transfer state when it moved. Only what changed travels, so a live page with thousands of torrents gets
/// a few rows a second.
/// </summary>
/// <param name="Categories">The full category list when it changed; null otherwise.</param>
/// <param name="Transfer">The global transfer state when it changed; null otherwise.</param>
/// <param name="Sample">A new point for the speed history, if the client was read.</param>
public sealed record TorrentsChanged(
    EquatableArray<Torrent> Upserted,
    EquatableArray<string> Removed,
    EquatableArray<string>? Categories,
    TransferInfo? Transfer,
    TransferSample? Sample,
    DateTimeOffset UpdatedAt) : HomelabChange;

/// <summary>The VPN's state, address or forwarded port changed.</summary>
public sealed record VpnChanged(VpnStatus Status) : HomelabChange;

/// <summary>A source's availability changed.</summary>
public sealed record SourceChanged(SourceStatus Status) : HomelabChange;

/// <summary>
/// Replace everything: sent to a subscriber that fell too far behind, instead of an ever-growing queue.
/// </summary>
public sealed record SnapshotReset(HomelabSnapshot Snapshot) : HomelabChange;
