using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Homelab.Dashboard.Simulator.State;
using Homelab.Domain.Cluster;
using Homelab.Domain.Common;
using Homelab.Domain.Containers;
using Homelab.Domain.Downloads;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;

namespace Homelab.Tests.Shared;

/// <summary>
/// The seed homelab as a ready-made <see cref="HomelabSnapshot"/>: the HomeServer cluster (pve, MediaServer, AIServer)
/// with its guests and storage (the DAS included), and the containers of <c>docker-server</c>, every source fresh.
/// Deterministic, so tests can assert on exact figures.
/// </summary>
/// <remarks>
/// Built from <see cref="SimulatorTopology"/>, so it is the same homelab the simulator serves. Notable seed facts:
/// <c>unpackerr</c> crash-loops (restarting), <c>linkwarden</c> is unhealthy, <c>lncrawl</c> exited cleanly,
/// VM 106 <c>valheim-server</c> is stopped, and <c>local-lvm</c> on pve is 88 % full.
/// </remarks>
internal static class TestSnapshots
{
    public const long GiB = 1L << 30;
    public const long MiB = 1L << 20;
    public const string DockerHost = SimulatorTopology.DockerHostName;
    public const string DockerSourceId = "docker/" + SimulatorTopology.DockerHostName;
    public const string ProxmoxSourceId = "proxmox";
    public const string QBittorrentSourceId = "qbittorrent";
    public const string GluetunSourceId = "gluetun";

    /// <summary>The moment every seed snapshot describes.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static HomelabSnapshot Seed(DateTimeOffset? now = null)
    {
        var at = now ?? Now;
        return new HomelabSnapshot
        {
            Version = 1,
            Cluster = Cluster(at),
            ContainerHosts = [Containers(at)],
            Sources = [ProxmoxSource(at), DockerSource(at)],
        };
    }

    public static ClusterSnapshot Cluster(DateTimeOffset now) => new()
    {
        Name = SimulatorTopology.ClusterName,
        Quorate = true,
        Nodes = [.. SimulatorTopology.Nodes.Select((n, i) => Node(n, i, now))],
        Guests = [.. SimulatorTopology.Guests.Select(g => Guest(g))],
        Storage = [.. SimulatorTopology.Storage.Select(s => new StorageVolume
        {
            Id = $"storage/{s.Node}/{s.Name}",
            Name = s.Name,
            Node = s.Node,
            Status = "available",
            PluginType = s.Type,
            Used = (long)(s.Total * s.UsedFraction),
            Total = s.Total,
            Content = [.. s.Content.Split(',')],
        })],
        UpdatedAt = now,
    };

    public static ClusterNode Node(NodeSeed seed, int index, DateTimeOffset now) => new()
    {
        Name = seed.Name,
        Status = NodeStatus.Online,
        Cpu = seed.BaseCpu,
        MaxCpu = seed.Threads,
        MemoryUsed = (long)seed.BaseMemory,
        MemoryTotal = seed.MemoryTotal,
        RootUsed = (long)(seed.RootTotal * 0.18),
        RootTotal = seed.RootTotal,
        Uptime = TimeSpan.FromDays(12 + index) + TimeSpan.FromHours(3),
        CpuModel = seed.CpuModel,
        PveVersion = SimulatorTopology.PveVersion,
        KernelVersion = SimulatorTopology.KernelVersion,
        LoadAverage = [0.42 + index, 0.51, 0.60],
        IoWait = 0.004,
        Ip = seed.Ip,
        History = History(seed, now),
    };

    /// <summary>An hour of one-minute samples: a gentle wave around the node's base load.</summary>
    public static EquatableArray<NodeSample> History(NodeSeed seed, DateTimeOffset now) =>
        [.. Enumerable.Range(0, 60).Select(i => new NodeSample(
            now - TimeSpan.FromMinutes(59 - i),
            seed.BaseCpu + (0.03 * Math.Sin(i / 6.0)),
            (long)(seed.BaseMemory * (1 + (0.05 * Math.Cos(i / 9.0)))),
            seed.MemoryTotal,
            (long)(seed.RootTotal * 0.18),
            seed.RootTotal,
            120_000,
            80_000))];

    public static Guest Guest(GuestSeed seed) => new()
    {
        VmId = seed.VmId,
        Name = seed.Name,
        Node = seed.Node,
        Kind = seed.IsQemu ? GuestKind.Qemu : GuestKind.Lxc,
        Status = seed.Running ? GuestStatus.Running : GuestStatus.Stopped,
        Cpu = seed.Running ? seed.BaseCpu : null,
        MaxCpu = seed.Cores,
        Memory = seed.Running ? (long)(seed.MaxMemory * seed.MemoryFraction) : null,
        MaxMemory = seed.MaxMemory,
        Disk = seed.IsQemu ? null : (long)(seed.MaxDisk * 0.42),
        MaxDisk = seed.MaxDisk,
        Uptime = seed.Running ? TimeSpan.FromDays(3) : null,
        Tags = [.. seed.Tags.Split(';')],
    };

    public static ContainerHostSnapshot Containers(DateTimeOffset now) => new()
    {
        Host = DockerHost,
        Containers = [.. SimulatorTopology.Containers.Select(c => Container(c, now))],
        UpdatedAt = now,
    };

    public static Container Container(ContainerSeed seed, DateTimeOffset now)
    {
        var state = seed.Behaviour switch
        {
            ContainerBehaviour.CrashLoop => ContainerState.Restarting,
            ContainerBehaviour.Batch => ContainerState.Exited,
            _ => ContainerState.Running,
        };
        var running = state == ContainerState.Running;
        var health = !seed.HealthCheck || !running ? ContainerHealth.None
            : seed.Behaviour == ContainerBehaviour.Unhealthy ? ContainerHealth.Unhealthy : ContainerHealth.Healthy;
        return new Container
        {
            Host = DockerHost,
            Id = IdFor(seed.Name),
            Name = seed.Name,
            Image = seed.Image,
            State = state,
            Health = health,
            StatusText = running ? "Up 3 hours" : state == ContainerState.Exited ? "Exited (0) 2 hours ago" : "Restarting (1) 4 seconds ago",
            RestartCount = seed.Behaviour == ContainerBehaviour.CrashLoop ? 7 : 0,
            StartedAt = now - TimeSpan.FromHours(3),
            FinishedAt = state == ContainerState.Exited ? now - TimeSpan.FromHours(2) : null,
            ExitCode = state == ContainerState.Exited ? 0 : null,
            CpuPercent = running ? seed.BaseCpu * 100 : null,
            MemoryUsed = running ? (long)(seed.MemoryMiB * MiB) : null,
            MemoryLimit = running ? 24 * GiB : null,
            ComposeProject = seed.Project,
            FailingStreak = health == ContainerHealth.Unhealthy ? 5 : 0,
        };
    }

    public static SourceStatus ProxmoxSource(DateTimeOffset now) => new()
    {
        Id = ProxmoxSourceId,
        Kind = SourceKind.Proxmox,
        DisplayName = "Proxmox VE",
        Endpoint = "https://127.0.0.1:18006",
        Simulated = true,
        Interval = TimeSpan.FromSeconds(3),
        Health = SourceHealth.Fresh,
        LastSuccess = now - TimeSpan.FromSeconds(1),
        LastAttempt = now - TimeSpan.FromSeconds(1),
        Latency = TimeSpan.FromMilliseconds(42),
    };

    public static SourceStatus DockerSource(DateTimeOffset now) => new()
    {
        Id = DockerSourceId,
        Kind = SourceKind.Docker,
        DisplayName = $"Docker · {DockerHost}",
        Endpoint = "http://127.0.0.1:12375",
        Simulated = true,
        Interval = TimeSpan.FromSeconds(5),
        Health = SourceHealth.Fresh,
        LastSuccess = now - TimeSpan.FromSeconds(2),
        LastAttempt = now - TimeSpan.FromSeconds(2),
        Latency = TimeSpan.FromMilliseconds(18),
    };

    /// <summary>A source that has been failing for a while: down, with the error people see.</summary>
    public static SourceStatus Down(SourceStatus status, DateTimeOffset now, SourceError? error = null) => status with
    {
        Health = SourceHealth.Down,
        LastSuccess = now - TimeSpan.FromMinutes(2),
        LastAttempt = now - TimeSpan.FromSeconds(1),
        LastError = error ?? new SourceError(SourceErrorKind.Unreachable, "Connection refused (127.0.0.1:18006)"),
        LastErrorAt = now - TimeSpan.FromSeconds(1),
        ConsecutiveFailures = 6,
        RetryAt = now + TimeSpan.FromSeconds(30),
    };

    /// <summary>
    /// The seed homelab with its downloads: qBittorrent and gluetun fresh, the VPN running, and the torrents of
    /// <see cref="Downloads"/>.
    /// </summary>
    public static HomelabSnapshot SeedWithDownloads(DateTimeOffset? now = null)
    {
        var at = now ?? Now;
        var seed = Seed(at);
        return seed with
        {
            Downloads = Downloads(at),
            Vpn = Vpn(at),
            Sources = [.. seed.Sources, QBittorrentSource(at), GluetunSource(at)],
        };
    }

    /// <summary>A torrent as the seed's qBittorrent would report it, keyed by a stable 40-hex hash of its name.</summary>
    public static Torrent Torrent(string name, TorrentState state, double progress, long size, string category, DateTimeOffset added,
        long down = 0, long up = 0, TimeSpan? eta = null, double? ratio = 0, int seeds = 0, int leechers = 0) => new()
    {
        Hash = HashFor(name),
        Name = name,
        State = state,
        Progress = progress,
        Size = size,
        TotalSize = size,
        Downloaded = (long)(size * progress),
        AmountLeft = size - (long)(size * progress),
        Uploaded = ratio is { } r ? (long)(size * progress * r) : size * 10_000,
        DownloadSpeed = down,
        UploadSpeed = up,
        Eta = eta,
        Ratio = ratio,
        Category = category,
        AddedOn = added,
        CompletedOn = progress >= 1 ? added + TimeSpan.FromHours(1) : null,
        SavePath = $"/data/media/downloads/{(category.Length == 0 ? "misc" : category)}",
        Seeds = seeds,
        Leechers = leechers,
    };

    /// <summary>
    /// What the seed's qBittorrent holds: Linux ISOs, Sonarr and Radarr grabs, audiobooks, ROMs and one uncategorised
    /// file. Downloading and seeding ones, plus exactly one each that is stalled (The Last of Us), errored (Project Hail
    /// Mary: the folder's permissions), paused (Oppenheimer) and queued (Fedora); one is being checked, one still
    /// fetches its metadata, and one has a ratio above qBittorrent's cap (slackware, seeded from disk).
    /// </summary>
    public static DownloadsSnapshot Downloads(DateTimeOffset now)
    {
        DateTimeOffset Ago(double hours) => now - TimeSpan.FromHours(hours);
        Torrent[] torrents =
        [
            Torrent("ubuntu-24.04.1-desktop-amd64.iso", TorrentState.Downloading, 0.4234, 6_114_656_256, "linux", Ago(0.5), down: 5_452_595, up: 262_144, eta: TimeSpan.FromMinutes(11), ratio: 0.04, seeds: 412, leechers: 37),
            Torrent("debian-12.8.0-amd64-netinst.iso", TorrentState.Uploading, 1, 661_651_456, "linux", Ago(72), up: 184_320, ratio: 3.42, seeds: 89, leechers: 4),
            Torrent("archlinux-2026.11.01-x86_64.iso", TorrentState.StalledUp, 1, 1_229_193_216, "linux", Ago(600), ratio: 12.5, seeds: 120),
            Torrent("Fedora-Workstation-Live-x86_64-41-1.4.iso", TorrentState.QueuedDown, 0, 2_295_333_888, "linux", Ago(0.1), eta: null, ratio: 0),
            Torrent("slackware64-15.0-install-dvd.iso", TorrentState.Uploading, 1, 3_856_564_224, "linux", Ago(2000), up: 51_200, ratio: null, seeds: 12, leechers: 1),
            Torrent("Severance.S02E07.1080p.WEB.H264-SuccessfulCrab", TorrentState.Downloading, 0.8712, 3_435_973_837, "tv-sonarr", Ago(1.2), down: 2_411_724, eta: TimeSpan.FromMinutes(3), ratio: 0.01, seeds: 211, leechers: 18),
            Torrent("The.Last.of.Us.S02E03.2160p.WEB.H265-NHTFS", TorrentState.StalledDown, 0.12, 9_663_676_416, "tv-sonarr", Ago(26), eta: null, ratio: 0, seeds: 0, leechers: 2),
            Torrent("Shogun.2024.S01.COMPLETE.1080p.DSNP.WEB-DL.DDP5.1.H.264-NTb", TorrentState.Uploading, 1, 28_991_029_248, "tv-sonarr", Ago(240), up: 1_153_434, ratio: 1.87, seeds: 64, leechers: 9),
            Torrent("Dune.Part.Two.2024.2160p.UHD.BluRay.x265.10bit.HDR.DTS-HD.MA.7.1-WiKi", TorrentState.Downloading, 0.084, 62_277_025_792, "movies-radarr", Ago(0.8), down: 11_744_051, eta: TimeSpan.FromMinutes(81), ratio: 0, seeds: 57, leechers: 140),
            Torrent("Oppenheimer.2023.1080p.BluRay.x264-SPARKS", TorrentState.StoppedDown, 0.63, 14_495_514_624, "movies-radarr", Ago(50), ratio: 0.02),
            Torrent("Past.Lives.2023.1080p.WEB-DL.DDP5.1.H.264-FLUX", TorrentState.CheckingDown, 0.55, 5_368_709_120, "movies-radarr", Ago(3), ratio: 0),
            Torrent("Brandon Sanderson - Wind and Truth (Stormlight 5) [Audiobook] [M4B]", TorrentState.Uploading, 1, 2_147_483_648, "audiobooks", Ago(30), up: 98_304, ratio: 0.84, seeds: 33, leechers: 2),
            Torrent("Andy Weir - Project Hail Mary [Unabridged] [MP3 128k]", TorrentState.Error, 0.12, 1_073_741_824, "audiobooks", Ago(5), ratio: 0),
            Torrent("No-Intro - Nintendo - Game Boy Advance (2026-10-31)", TorrentState.Downloading, 0.331, 17_179_869_184, "roms", Ago(4), down: 3_355_443, eta: TimeSpan.FromMinutes(57), ratio: 0.12, seeds: 18, leechers: 6),
            Torrent("big_buck_bunny_1080p_h264.mov", TorrentState.StoppedUp, 1, 725_106_140, "", Ago(900), ratio: 6.1),
            Torrent("", TorrentState.MetaDownloading, 0, 0, "tv-sonarr", Ago(0.02), ratio: 0) with { Hash = "5f1a0c9b8e7d6a5f4e3d2c1b0a9f8e7d6c5b4a39" },
        ];
        var transfer = new TransferInfo
        {
            DownloadSpeed = torrents.Sum(t => t.DownloadSpeed),
            UploadSpeed = torrents.Sum(t => t.UploadSpeed),
            DownloadedSession = 48_318_382_080,
            UploadedSession = 12_884_901_888,
            FreeSpaceOnDisk = 2_089_072_092_774,
            DhtNodes = 412,
            ConnectionStatus = "connected",
        };
        return new DownloadsSnapshot
        {
            Torrents = new EquatableDictionary<string, Torrent>(torrents.ToImmutableDictionary(t => t.Hash, StringComparer.Ordinal)),
            Categories = ["audiobooks", "ebooks", "linux", "movies-radarr", "roms", "tv-sonarr"],
            Transfer = transfer,
            History = [.. Enumerable.Range(0, DownloadsSnapshot.HistoryLength).Select(i => new TransferSample(
                now - TimeSpan.FromSeconds(DownloadsSnapshot.HistoryLength - 1 - i),
                (long)(transfer.DownloadSpeed * (0.7 + (0.3 * Math.Sin(i / 20.0)))),
                (long)(transfer.UploadSpeed * (0.8 + (0.2 * Math.Cos(i / 15.0))))))],
            UpdatedAt = now,
        };
    }

    /// <summary>Mullvad through gluetun, running in Amsterdam with a forwarded port.</summary>
    public static VpnStatus Vpn(DateTimeOffset now) => new()
    {
        State = VpnState.Running,
        PublicIp = "185.65.135.73",
        Country = "Netherlands",
        Region = "North Holland",
        City = "Amsterdam",
        Organization = "AS39351 31173 Services AB",
        ForwardedPort = 51413,
        UpdatedAt = now,
    };

    public static SourceStatus QBittorrentSource(DateTimeOffset now) => new()
    {
        Id = QBittorrentSourceId,
        Kind = SourceKind.QBittorrent,
        DisplayName = "qBittorrent",
        Endpoint = "http://127.0.0.1:18080",
        Version = "qBittorrent v5.0.4 (Web API 2.11.2)",
        Simulated = true,
        Interval = TimeSpan.FromSeconds(1),
        Health = SourceHealth.Fresh,
        LastSuccess = now - TimeSpan.FromSeconds(1),
        LastAttempt = now - TimeSpan.FromSeconds(1),
        Latency = TimeSpan.FromMilliseconds(9),
    };

    public static SourceStatus GluetunSource(DateTimeOffset now) => new()
    {
        Id = GluetunSourceId,
        Kind = SourceKind.Gluetun,
        DisplayName = "gluetun VPN",
        Endpoint = "http://127.0.0.1:18001",
        Simulated = true,
        Interval = TimeSpan.FromSeconds(5),
        Health = SourceHealth.Fresh,
        LastSuccess = now - TimeSpan.FromSeconds(2),
        LastAttempt = now - TimeSpan.FromSeconds(2),
        Latency = TimeSpan.FromMilliseconds(4),
    };

    public static Torrent FindTorrent(HomelabSnapshot snapshot, string name) =>
        snapshot.Downloads!.Torrents.Values.Single(t => t.Name == name);

    /// <summary>A stable 40-hex info-hash per name, like qBittorrent's.</summary>
    public static string HashFor(string name) => IdFor("torrent:" + name)[..40];

    public static Container FindContainer(HomelabSnapshot snapshot, string name) =>
        snapshot.AllContainers.Single(c => c.Name == name);

    /// <summary>A stable 64-hex id per name, like Docker's.</summary>
    public static string IdFor(string name) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
}
