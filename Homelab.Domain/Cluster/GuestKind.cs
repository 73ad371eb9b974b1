namespace Homelab.Domain.Cluster;

/// <summary>Proxmox guest types: full VMs (QEMU) and containers (LXC).</summary>
public enum GuestKind
{
    Qemu,
    Lxc,
}

/// <summary>A guest's run state as the dashboard shows it.</summary>
public enum GuestStatus
{
    Unknown,
    Running,
    Stopped,

    /// <summary>QEMU reports <c>status: running</c> but <c>qmpstatus: paused</c>.</summary>
    Paused,
}

/// <summary>A node's membership state.</summary>
public enum NodeStatus
{
    Unknown,
    Online,
    Offline,
}
