namespace Homelab.Domain.Sources;

/// <summary>The kinds of upstream the dashboard reads from.</summary>
public enum SourceKind
{
    Proxmox,
    Docker,
    QBittorrent,
    Gluetun,
}
