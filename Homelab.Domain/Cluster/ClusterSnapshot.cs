using Homelab.Domain.Common;

namespace Homelab.Domain.Cluster;

/// <summary>The whole Proxmox cluster at one moment.</summary>
public sealed record ClusterSnapshot
{
    /// <summary>The cluster name; absent on a standalone host.</summary>
    public string? Name { get; init; }

    /// <summary>Quorum; absent on a standalone host, which has no cluster entry.</summary>
    public bool? Quorate { get; init; }

    public EquatableArray<ClusterNode> Nodes { get; init; } = EquatableArray<ClusterNode>.Empty;

    public EquatableArray<Guest> Guests { get; init; } = EquatableArray<Guest>.Empty;

    public EquatableArray<StorageVolume> Storage { get; init; } = EquatableArray<StorageVolume>.Empty;

    /// <summary>When the source last answered with this data.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    public Guest? FindGuest(int vmId) => Guests.FirstOrDefault(g => g.VmId == vmId);

    public ClusterNode? FindNode(string name) => Nodes.FirstOrDefault(n => n.Name == name);
}
