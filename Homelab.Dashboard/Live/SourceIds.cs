namespace Homelab.Dashboard.Live;

/// <summary>Stable source identifiers, used in the store, on /sources and in logs.</summary>
internal static class SourceIds
{
    public const string Proxmox = "proxmox";

    public const string QBittorrent = "qbittorrent";

    public const string Gluetun = "gluetun";

    public static string Docker(string host) => $"docker/{host}";
}
