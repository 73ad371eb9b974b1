using Homelab.Domain.Common;

namespace Homelab.Domain.Cluster;

/// <summary>A storage as one node sees it (shared storage appears once per node).</summary>
public sealed record StorageVolume
{
    /// <summary>The Proxmox id, e.g. <c>storage/MediaServer/das</c>.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Node { get; init; }

    /// <summary><c>available</c> or <c>unknown</c>; anything but available means it is not mounted or not reachable.</summary>
    public required string Status { get; init; }

    /// <summary>Backend type, e.g. <c>lvmthin</c>, <c>dir</c>, <c>btrfs</c>.</summary>
    public string? PluginType { get; init; }

    public long? Used { get; init; }

    public long? Total { get; init; }

    public bool Shared { get; init; }

    public EquatableArray<string> Content { get; init; } = EquatableArray<string>.Empty;

    public bool IsAvailable => Status == "available";

    /// <summary>Fraction used (0–1), when both figures are known.</summary>
    public double? UsedFraction => Used is { } used && Total is > 0 and var total ? (double)used / total : null;
}
