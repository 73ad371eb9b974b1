namespace Homelab.Tests.Shared;

/// <summary>Writes <c>qBittorrent/config/qBittorrent.conf</c> into a fresh profile folder before qBittorrent first starts.</summary>
internal static class QBittorrentProfile
{
    public static void Write(string profile, int webUiPort, int peerPort, string username, string password, string downloads)
    {
        var config = Directory.CreateDirectory(Path.Combine(profile, "qBittorrent", "config")).FullName;

        // Qt's INI format: backslashes separate key groups, and a path value needs no quoting.
        string[] lines =
        [
            "[LegalNotice]",

            // 4.x asks on stdin otherwise; 5.x has --confirm-legal-notice as well.
            "Accepted=true",
            "",
            "[BitTorrent]",
            $"Session\\Port={peerPort}",

            // Loopback only: the instances find each other through addPeers, never through the network.
            "Session\\Interface=lo",
            "Session\\InterfaceName=lo",
            "Session\\InterfaceAddress=127.0.0.1",
            "Session\\DHTEnabled=false",
            "Session\\PeXEnabled=false",
            "Session\\LSDEnabled=false",

            // TCP only: uTP over loopback is needlessly slow to ramp up under a rate limit.
            "Session\\BTProtocol=TCP",

            // Without queueing every added torrent starts at once, whatever the tests add in parallel.
            "Session\\QueueingSystemEnabled=false",
            $"Session\\DefaultSavePath={downloads}",
            "Session\\TempPathEnabled=false",

            // qBittorrent reads torrent states from libtorrent every 1.5 s by default: too coarse to watch a transfer climb.
            "Session\\RefreshInterval=250",
            "",
            "[Preferences]",
            "Connection\\UPnP=false",

            // It would try to download a GeoIP database from the internet.
            "Connection\\ResolvePeerCountries=false",
            "General\\Locale=en",
            "WebUI\\Address=127.0.0.1",
            $"WebUI\\Port={webUiPort}",
            "WebUI\\UseUPnP=false",
            $"WebUI\\Username={username}",
            $"WebUI\\Password_PBKDF2=\"@ByteArray({QBittorrentPassword.Hash(password)})\"",

            // Enforce the login for loopback clients too; by default 4.x would let 127.0.0.1 in without one.
            "WebUI\\LocalHostAuth=true",
            "WebUI\\AuthSubnetWhitelistEnabled=false",
            "WebUI\\CSRFProtection=true",
            "WebUI\\HostHeaderValidation=true",

            // qBittorrent's defaults, spelled out: the wrong-password test relies on a ban being this far away.
            "WebUI\\MaxAuthenticationFailCount=5",
            "WebUI\\BanDuration=3600",
        ];
        File.WriteAllLines(Path.Combine(config, "qBittorrent.conf"), lines);
    }
}
