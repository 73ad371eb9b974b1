using Homelab.Domain.Common;

namespace Homelab.Domain.Cluster;

/// <summary>A VM or LXC container as the cluster reports it. Stat fields are absent for stopped guests.</summary>
public sealed record Guest
{
    public required int VmId { get; init; }

    public required string Name { get; init; }

    public required string Node { get; init; }

    public required GuestKind Kind { get; init; }

    public required GuestStatus Status { get; init; }

    /// <summary>CPU use as a fraction (0–1) of <see cref="MaxCpu"/>.</summary>
    public double? Cpu { get; init; }

    public int? MaxCpu { get; init; }

    /// <summary>Memory in use, bytes.</summary>
    public long? Memory { get; init; }

    /// <summary>Memory assigned, bytes.</summary>
    public long? MaxMemory { get; init; }

    /// <summary>Root disk in use, bytes (only LXC reports this).</summary>
    public long? Disk { get; init; }

    public long? MaxDisk { get; init; }

    public TimeSpan? Uptime { get; init; }

    public EquatableArray<string> Tags { get; init; } = EquatableArray<string>.Empty;

    /// <summary>A Proxmox lock such as <c>backup</c> or <c>migrate</c>, when one is held.</summary>
    public string? Lock { get; init; }

    public bool Template { get; init; }

    public GuestRef Ref => new(Node, Kind, VmId);

    public string KindLabel => Kind == GuestKind.Qemu ? "VM" : "LXC";

    /// <summary>"VM 103 gaming-bazzite" — how confirmations and results name a guest.</summary>
    public string DisplayName => $"{KindLabel} {VmId} {Name}";
}
