namespace Homelab.Domain.Cluster;

/// <summary>Addresses one guest: the node it lives on, its type and its VMID (unique in the cluster).</summary>
public readonly record struct GuestRef(string Node, GuestKind Kind, int VmId)
{
    /// <summary>The Proxmox path segment, <c>qemu</c> or <c>lxc</c>.</summary>
    public string KindSegment => Kind == GuestKind.Qemu ? "qemu" : "lxc";

    /// <summary>The Proxmox resource id, e.g. <c>qemu/103</c>.</summary>
    public override string ToString() => $"{KindSegment}/{VmId}";
}
