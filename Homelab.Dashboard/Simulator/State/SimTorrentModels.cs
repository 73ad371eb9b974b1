using Homelab.Domain.Downloads;

namespace Homelab.Dashboard.Simulator.State;

/// <summary>What a simulated torrent is doing; together with its data and speeds this gives qBittorrent's state string.</summary>
internal enum SimTorrentActivity
{
    /// <summary>Running: downloading or seeding when data flows, stalled when it does not.</summary>
    Active,

    /// <summary>Paused (qBittorrent 5: stopped) by a person.</summary>
    Paused,

    /// <summary>Waiting for a download slot (queueing is on).</summary>
    Queued,

    /// <summary>qBittorrent could not write (the download folder is owned by another user).</summary>
    Error,

    /// <summary>Verifying its data against the piece hashes.</summary>
    Checking,
}

/// <summary>One torrent of the seed homelab. Sizes in bytes, rates in bytes/s, ages in days.</summary>
/// <param name="Progress">Fraction already downloaded.</param>
/// <param name="Ratio">Uploaded so far, as a multiple of the size.</param>
/// <param name="DownloadRate">Typical download speed while the swarm has it.</param>
/// <param name="UploadRate">Typical upload speed while someone leeches.</param>
/// <param name="Seeds">The swarm's usual seeders (connected while the torrent runs).</param>
/// <param name="Swarmless">No peer has the missing pieces: the download stalls.</param>
internal sealed record SimTorrentSeed(
    string Name,
    string Category,
    string Tags,
    long Size,
    double Progress,
    SimTorrentActivity Activity,
    double Ratio,
    double DownloadRate,
    double UploadRate,
    double AddedDaysAgo,
    int Seeds,
    int Leechers,
    bool Swarmless = false);

/// <summary>Mutable state of a simulated torrent; only <see cref="SimulatedHomelab"/> touches it, under its lock.</summary>
internal sealed class SimTorrent
{
    public required string Hash { get; init; }

    public required string Name { get; init; }

    public required string Category { get; init; }

    public required string Tags { get; init; }

    public required string SavePath { get; init; }

    public required long Size { get; init; }

    public required DateTimeOffset AddedOn { get; init; }

    public required double DownloadRate { get; init; }

    public required double UploadRate { get; init; }

    public bool Swarmless { get; init; }

    /// <summary>One of the load-test extras: changes only when picked.</summary>
    public bool Synthetic { get; init; }

    public SimTorrentActivity Activity { get; set; }

    /// <summary>What it goes back to when a recheck ends.</summary>
    public SimTorrentActivity AfterCheck { get; set; }

    public DateTimeOffset? CheckingUntil { get; set; }

    /// <summary>A resumed torrent whose folder is still unwritable fails again at this time.</summary>
    public DateTimeOffset? FailsAgainAt { get; set; }

    public double Downloaded { get; set; }

    /// <summary>Bytes fetched from peers (not those found on disk by a check), for the ratio.</summary>
    public double DownloadedFromPeers { get; set; }

    public double Uploaded { get; set; }

    public long DownloadSpeed { get; set; }

    public long UploadSpeed { get; set; }

    /// <summary>A smoothed download speed for the ETA, as qBittorrent averages over a window.</summary>
    public double AverageSpeed { get; set; }

    public DateTimeOffset? CompletedOn { get; set; }

    public DateTimeOffset LastActivity { get; set; }

    /// <summary>Connected peers right now; they drift toward the swarm's usual numbers (the targets).</summary>
    public int Seeds { get; set; }

    public int Leechers { get; set; }

    public int SeedsTarget { get; set; }

    public int LeechersTarget { get; set; }

    /// <summary>Queue position while incomplete; 0 once seeding.</summary>
    public int Priority { get; set; }

    public bool Complete => Downloaded >= Size;

    /// <summary>The wire view, built on demand and dropped whenever something visible changes.</summary>
    public SimTorrentView? View { get; set; }
}

/// <summary>
/// One torrent as the WebUI API shows it, in wire units (bytes, bytes/s, seconds, unix seconds). Immutable: the
/// maindata endpoint keeps the last views each session was sent and answers with the fields that differ.
/// </summary>
internal sealed record SimTorrentView(
    string Hash,
    string Name,
    TorrentState State,
    double Progress,
    long Size,
    long Completed,
    long Downloaded,
    long Uploaded,
    long AmountLeft,
    long DownloadSpeed,
    long UploadSpeed,
    long Eta,
    double Ratio,
    string Category,
    string Tags,
    long AddedOn,
    long CompletionOn,
    string SavePath,
    int Seeds,
    int Leechers,
    int SwarmSeeds,
    int SwarmLeechers,
    int Priority,
    long TimeActive,
    long SeedingTime,
    long LastActivity);

/// <summary>qBittorrent's global transfer state (<c>transfer/info</c> and maindata's <c>server_state</c>).</summary>
internal sealed record SimTransferView(
    long DownloadSpeed,
    long UploadSpeed,
    long DownloadedSession,
    long UploadedSession,
    long DownloadLimit,
    long UploadLimit,
    long AllTimeDownloaded,
    long AllTimeUploaded,
    string GlobalRatio,
    long FreeSpaceOnDisk,
    int DhtNodes,
    string ConnectionStatus,
    int PeerConnections,
    string ExternalAddress);

/// <summary>The seed homelab's torrents as data: Linux ISOs, Sonarr's episodes, Radarr's films, Librarr's books, Gamarr's ROMs.</summary>
internal static class SimulatorTorrents
{
    /// <summary>Where qBittorrent (inside gluetun) saves each category, under the DAS bind mount.</summary>
    public static IReadOnlyDictionary<string, string> Categories { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["linux"] = "/data/media/downloads/linux",
        ["tv-sonarr"] = "/data/media/downloads/tv-sonarr",
        ["radarr"] = "/data/media/downloads/radarr",
        ["librarr"] = "/data/media/downloads/books",
        ["gamarr"] = "/data/media/downloads/games",
    };

    private const long MB = 1_000_000;
    private const long KB = 1_000;

    public static IReadOnlyList<SimTorrentSeed> Seeds { get; } =
    [
        new("ubuntu-24.04.3-desktop-amd64.iso", "linux", "iso, lts", 6_114_656_256, 1, SimTorrentActivity.Active, 2.41, 0, 900 * KB, 38, 211, 14),
        new("debian-13.1.0-amd64-netinst.iso", "linux", "iso", 754_974_720, 1, SimTorrentActivity.Active, 5.83, 0, 120 * KB, 61, 96, 2),
        new("Fedora-Workstation-Live-43-1.6.x86_64.iso", "linux", "iso", 2_604_072_960, 0.37, SimTorrentActivity.Active, 0.02, 4 * MB, 150 * KB, 0.1, 143, 9),
        new("archlinux-2026.11.01-x86_64.iso", "linux", "iso", 1_431_306_240, 1, SimTorrentActivity.Paused, 1.02, 0, 250 * KB, 25, 90, 3),
        new("linuxmint-22.2-cinnamon-64bit.iso", "linux", "iso", 2_980_511_744, 0, SimTorrentActivity.Queued, 0, 6 * MB, 100 * KB, 0.05, 180, 12),
        new("ubuntu-24.04.3-live-server-amd64.iso", "linux", "iso, lts", 3_213_064_192, 1, SimTorrentActivity.Active, 0.87, 0, 300 * KB, 12, 64, 0),
        new("Severance.S02E10.1080p.ATVP.WEB-DL.DDP5.1.H.264-NTb", "tv-sonarr", "", 3_340_000_000, 0.64, SimTorrentActivity.Active, 0.05, 6 * MB, 200 * KB, 0.02, 320, 40),
        new("The.Bear.S04E03.1080p.HULU.WEB-DL.DDP5.1.H.264-NTb", "tv-sonarr", "", 2_210_000_000, 1, SimTorrentActivity.Active, 1.12, 0, 450 * KB, 3, 80, 6),
        new("Shogun.2024.S01E05.2160p.DSNP.WEB-DL.DDP5.1.DV.HDR.H.265-FLUX", "tv-sonarr", "4k", 9_830_000_000, 0.213, SimTorrentActivity.Active, 0.01, 4 * MB, 0, 5, 0, 0, Swarmless: true),
        new("Andor.S02E12.1080p.DSNP.WEB-DL.DDP5.1.Atmos.H.264-FLUX", "tv-sonarr", "", 4_620_000_000, 1, SimTorrentActivity.Active, 0.87, 0, 1_600 * KB, 1.5, 150, 22),
        new("Dune.Part.Two.2024.2160p.UHD.BluRay.REMUX.HDR.HEVC.Atmos-FGT", "radarr", "4k, remux", 62_600_000_000, 0.12, SimTorrentActivity.Active, 0.003, 8 * MB, 300 * KB, 0.3, 58, 31),
        new("Oppenheimer.2023.1080p.BluRay.x264-SPARKS", "radarr", "", 15_780_000_000, 1, SimTorrentActivity.Active, 1.33, 0, 600 * KB, 20, 34, 0),
        new("Past.Lives.2023.1080p.WEB-DL.DDP5.1.H.264-FLUX", "radarr", "", 6_330_000_000, 0.46, SimTorrentActivity.Error, 0, 5 * MB, 0, 2, 25, 4),
        new("The.Holdovers.2023.1080p.WEB-DL.DDP5.1.H.264-FLUX", "radarr", "", 9_770_000_000, 0.88, SimTorrentActivity.Active, 0.04, 5 * MB, 250 * KB, 0.1, 77, 12),
        new("Andy Weir - Project Hail Mary (Audiobook, M4B)", "librarr", "audiobook", 482_000_000, 1, SimTorrentActivity.Active, 3.2, 0, 80 * KB, 14, 22, 1),
        new("Brandon Sanderson - Wind and Truth (EPUB)", "librarr", "ebook", 12_400_000, 1, SimTorrentActivity.Active, 14.7, 0, 50 * KB, 30, 12, 0),
        new("James S. A. Corey - The Expanse (Books 1-9, Audiobook, M4B)", "librarr", "audiobook", 8_900_000_000, 0.51, SimTorrentActivity.Active, 0.02, 1_500 * KB, 60 * KB, 0.5, 9, 3),
        new("Nintendo - Super Nintendo Entertainment System (No-Intro 2026-10-14)", "gamarr", "no-intro, rom", 986_000_000, 1, SimTorrentActivity.Active, 1.8, 0, 200 * KB, 9, 41, 3),
        new("Final Fantasy VII (USA) (Disc 1-3) (PlayStation)", "gamarr", "psx, rom", 2_240_000_000, 0.23, SimTorrentActivity.Active, 0, 2_500 * KB, 40 * KB, 0.05, 17, 5),
        new("Sega - Mega Drive - Genesis (No-Intro 2026-09-30)", "gamarr", "no-intro, rom", 512_000_000, 1, SimTorrentActivity.Active, 4.6, 0, 60 * KB, 40, 19, 1),
    ];
}
