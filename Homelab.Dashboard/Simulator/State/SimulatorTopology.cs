namespace Homelab.Dashboard.Simulator.State;

/// <summary>
/// The seed homelab as data: the "HomeServer" cluster (pve, MediaServer, AIServer), its guests and storage, and the
/// containers of LXC 200 <c>docker-server</c>. Numbers are realistic starting points; the simulation moves them.
/// </summary>
internal static class SimulatorTopology
{
    public const string ClusterName = "HomeServer";
    public const string PveVersion = "pve-manager/9.1.1/42db4a6cf33dac83";
    public const string KernelVersion = "Linux 6.14.11-4-pve #1 SMP PREEMPT_DYNAMIC PMX 6.14.11-4 (2025-10-10T08:04Z)";
    public const string DockerHostName = "docker-server";
    public const int DockerHostVmId = 200;
    public const string DasStorage = "das";

    private const long GiB = 1L << 30;
    private const long TiB = 1L << 40;

    public static IReadOnlyList<NodeSeed> Nodes { get; } =
    [
        new("pve", 1, "192.168.1.10", "Intel(R) Core(TM) i7-9700K CPU @ 3.60GHz", Sockets: 1, Cores: 8, Threads: 8, 32 * GiB, 94 * GiB, BaseCpu: 0.04, BaseMemory: 3.1 * GiB),
        new("MediaServer", 2, "192.168.1.11", "AMD Ryzen 7 8845HS w/ Radeon 780M Graphics", Sockets: 1, Cores: 8, Threads: 16, 28 * GiB, 94 * GiB, BaseCpu: 0.06, BaseMemory: 2.4 * GiB),
        new("AIServer", 3, "192.168.1.12", "AMD RYZEN AI MAX+ 395 w/ Radeon 8060S", Sockets: 1, Cores: 16, Threads: 32, 128 * GiB, 94 * GiB, BaseCpu: 0.03, BaseMemory: 4.2 * GiB),
    ];

    public static IReadOnlyList<GuestSeed> Guests { get; } =
    [
        new(101, "project-env", "AIServer", IsQemu: false, Cores: 4, MaxMemory: 4 * GiB, MaxDisk: 32 * GiB, Running: true, BaseCpu: 0.05, MemoryFraction: 0.35, Tags: "dev"),
        new(102, "openclaw", "AIServer", IsQemu: false, Cores: 16, MaxMemory: 28 * GiB, MaxDisk: 120 * GiB, Running: true, BaseCpu: 0.08, MemoryFraction: 0.55, Tags: "ai;ollama"),
        new(103, "gaming-bazzite", "pve", IsQemu: true, Cores: 7, MaxMemory: 24 * GiB, MaxDisk: 512 * GiB, Running: true, BaseCpu: 0.22, MemoryFraction: 0.62, Tags: "gaming;gpu"),
        new(104, "work-env", "AIServer", IsQemu: false, Cores: 4, MaxMemory: 4 * GiB, MaxDisk: 48 * GiB, Running: true, BaseCpu: 0.07, MemoryFraction: 0.48, Tags: "dev;docker"),
        new(105, "research-env", "AIServer", IsQemu: false, Cores: 16, MaxMemory: 16 * GiB, MaxDisk: 96 * GiB, Running: true, BaseCpu: 0.12, MemoryFraction: 0.41, Tags: "ai;gpu"),
        new(106, "valheim-server", "pve", IsQemu: false, Cores: 4, MaxMemory: 8 * GiB, MaxDisk: 24 * GiB, Running: false, BaseCpu: 0.15, MemoryFraction: 0.5, Tags: "games"),
        new(DockerHostVmId, DockerHostName, "MediaServer", IsQemu: false, Cores: 12, MaxMemory: 24 * GiB, MaxDisk: 64 * GiB, Running: true, BaseCpu: 0.18, MemoryFraction: 0.58, Tags: "docker;media"),
    ];

    public static IReadOnlyList<StorageSeed> Storage { get; } =
    [
        new("local", "pve", "dir", "iso,vztmpl,backup", 94 * GiB, 0.31),
        new("local-lvm", "pve", "lvmthin", "images,rootdir", 832 * GiB, 0.88),
        new("local", "MediaServer", "dir", "iso,vztmpl,backup", 94 * GiB, 0.22),
        new("local-lvm", "MediaServer", "lvmthin", "images,rootdir", 348 * GiB, 0.46),
        new(DasStorage, "MediaServer", "btrfs", "backup,rootdir", 8 * TiB, 0.713),
        new("local", "AIServer", "dir", "iso,vztmpl,backup", 94 * GiB, 0.27),
        new("local-lvm", "AIServer", "lvmthin", "images,rootdir", 1800 * GiB, 0.64),
    ];

    /// <summary>The containers of <c>docker-server</c>, grouped by compose project.</summary>
    public static IReadOnlyList<ContainerSeed> Containers { get; } = BuildContainers();

    private static List<ContainerSeed> BuildContainers()
    {
        var list = new List<ContainerSeed>();
        void Add(string project, string name, string image, string ports = "", bool health = false, ContainerBehaviour behaviour = ContainerBehaviour.Normal, double cpu = 0.01, double memoryMiB = 120)
            => list.Add(new ContainerSeed(project, name, image, ports, health, behaviour, cpu, memoryMiB));

        Add("media", "jellyfin", "jellyfin/jellyfin:10.11.2", "8096", health: true, cpu: 0.06, memoryMiB: 1450);
        Add("media", "sonarr", "lscr.io/linuxserver/sonarr:4.0.16", "8989", health: true, cpu: 0.02, memoryMiB: 310);
        Add("media", "radarr", "lscr.io/linuxserver/radarr:5.28.0", "7878", health: true, cpu: 0.02, memoryMiB: 330);
        Add("media", "bazarr", "lscr.io/linuxserver/bazarr:1.5.3", "6767", cpu: 0.01, memoryMiB: 240);
        Add("media", "prowlarr", "lscr.io/linuxserver/prowlarr:2.1.5", "9696", health: true, cpu: 0.01, memoryMiB: 190);
        Add("media", "jellyseerr", "fallenbagel/jellyseerr:2.7.3", "5055", health: true, cpu: 0.01, memoryMiB: 260);
        Add("media", "tdarr", "ghcr.io/haveagitgat/tdarr:2.49.01", "8265,8266", cpu: 0.35, memoryMiB: 900);

        Add("books", "audiobookshelf", "ghcr.io/advplyr/audiobookshelf:2.36.0", "13378:80", health: true, memoryMiB: 210);
        Add("books", "calibre-web", "lscr.io/linuxserver/calibre-web:0.6.25", "8083", memoryMiB: 160);
        Add("books", "kavita", "jvmilazz0/kavita:0.8.8", "5005:5000", health: true, memoryMiB: 280);
        Add("books", "shelfarr", "ghcr.io/homelab/shelfarr:1.4.0", "5056", memoryMiB: 60);
        Add("books", "librarr", "ghcr.io/homelab/librarr:2.3.1", "", memoryMiB: 45);
        Add("books", "sentinel", "ghcr.io/homelab/sentinel:1.9.0", "9200", health: true, memoryMiB: 38);
        Add("books", "lncrawl", "dipu/lncrawl:3.7.5", "", behaviour: ContainerBehaviour.Batch, memoryMiB: 0);

        Add("games", "gamarr", "ghcr.io/homelab/gamarr:1.2.0", "", memoryMiB: 40);
        Add("games", "gamevault", "phalcode/gamevault-backend:15.0.2", "8087:8080", health: true, memoryMiB: 230);
        Add("games", "gamevault-db", "postgres:16-alpine", "", health: true, memoryMiB: 70);
        Add("games", "romm", "rommapp/romm:4.3.0", "8086:8080", health: true, memoryMiB: 310);
        Add("games", "romm-db", "mariadb:11.4", "", health: true, memoryMiB: 120);

        Add("downloads", "gluetun", "qmcgaw/gluetun:v3.40.0", "8001:8000,8080,5050,5057", health: true, cpu: 0.02, memoryMiB: 35);
        Add("downloads", "qbittorrent", "lscr.io/linuxserver/qbittorrent:5.1.2", "", health: true, cpu: 0.09, memoryMiB: 620);
        Add("downloads", "flaresolverr", "ghcr.io/flaresolverr/flaresolverr:v3.4.1", "8191", memoryMiB: 210);
        Add("downloads", "unpackerr", "golift/unpackerr:0.14.5", "", behaviour: ContainerBehaviour.CrashLoop, memoryMiB: 18);

        Add("productivity", "paperless", "ghcr.io/paperless-ngx/paperless-ngx:2.18.4", "8000", health: true, cpu: 0.02, memoryMiB: 640);
        Add("productivity", "paperless-redis", "redis:7-alpine", "", health: true, memoryMiB: 12);
        Add("productivity", "mealie", "ghcr.io/mealie-recipes/mealie:v3.3.2", "9925:9000", health: true, memoryMiB: 290);
        Add("productivity", "homebox", "ghcr.io/sysadminsmedia/homebox:0.21.0", "7745", health: true, memoryMiB: 40);
        Add("productivity", "linkwarden", "ghcr.io/linkwarden/linkwarden:v2.12.2", "3050:3000", health: true, behaviour: ContainerBehaviour.Unhealthy, memoryMiB: 480);
        Add("productivity", "linkwarden-db", "postgres:16-alpine", "", health: true, memoryMiB: 85);
        Add("productivity", "changedetection", "ghcr.io/dgtlmoon/changedetection.io:0.50.19", "5100:5000", memoryMiB: 150);
        Add("productivity", "changedetection-chrome", "dgtlmoon/sockpuppetbrowser:latest", "", cpu: 0.03, memoryMiB: 420);
        Add("productivity", "stirling-pdf", "stirlingtools/stirling-pdf:1.3.2", "8084:8080", health: true, memoryMiB: 520);
        Add("productivity", "it-tools", "corentinth/it-tools:2024.10.22", "8085:80", memoryMiB: 9);

        Add("search", "searxng", "searxng/searxng:2025.10.30", "8888:8080", health: true, memoryMiB: 180);
        Add("search", "searxng-valkey", "valkey/valkey:8-alpine", "", health: true, memoryMiB: 10);

        Add("proxy", "nginx-proxy", "nginx:1.29-alpine", "80,443", health: true, cpu: 0.01, memoryMiB: 24);
        Add("proxy", "authelia", "authelia/authelia:4.39", "9091", health: true, memoryMiB: 45);
        Add("proxy", "dnsmasq", "dockurr/dnsmasq:2.91", "53/udp", memoryMiB: 4);

        Add("infra", "homepage", "ghcr.io/gethomepage/homepage:v1.6.1", "3000", health: true, memoryMiB: 140);
        Add("infra", "uptime-kuma", "louislam/uptime-kuma:2.0.2", "3001", health: true, memoryMiB: 150);
        Add("infra", "n8n", "n8nio/n8n:1.118.1", "5678", health: true, memoryMiB: 310);
        Add("infra", "portainer", "portainer/portainer-ce:2.33.3", "9000", memoryMiB: 55);
        Add("infra", "grafana", "grafana/grafana:12.2.1", "3060:3000", health: true, memoryMiB: 130);
        Add("infra", "prometheus", "prom/prometheus:v3.7.3", "9090", health: true, cpu: 0.03, memoryMiB: 430);
        Add("infra", "cadvisor", "gcr.io/cadvisor/cadvisor:v0.52.1", "8089:8080", health: true, cpu: 0.05, memoryMiB: 110);
        Add("infra", "node-exporter", "prom/node-exporter:v1.10.2", "9100", memoryMiB: 16);
        Add("infra", "crowdsec", "crowdsecurity/crowdsec:v1.7.3", "8088:8080", health: true, memoryMiB: 160);
        Add("infra", "watchtower", "containrrr/watchtower:1.7.1", "", memoryMiB: 14);
        Add("infra", "autoheal", "willfarrell/autoheal:1.2.0", "", memoryMiB: 6);
        Add("infra", "pulse", "rcourtman/pulse:4.26.1", "7655", health: true, memoryMiB: 60);
        Add("infra", "cloudflared", "cloudflare/cloudflared:2025.10.1", "", memoryMiB: 28);
        Add("infra", "docker-socket-proxy", "tecnativa/docker-socket-proxy:0.4.1", "2375", memoryMiB: 9);
        Add("infra", "discord-bot", "ghcr.io/homelab/discord-bot:1.8.2", "3003", memoryMiB: 75);

        Add("immich", "immich-server", "ghcr.io/immich-app/immich-server:v2.2.3", "2283", health: true, cpu: 0.03, memoryMiB: 560);
        Add("immich", "immich-machine-learning", "ghcr.io/immich-app/immich-machine-learning:v2.2.3", "", health: true, memoryMiB: 780);
        Add("immich", "immich-redis", "valkey/valkey:8-alpine", "", health: true, memoryMiB: 11);
        Add("immich", "immich-db", "ghcr.io/immich-app/postgres:14-vectorchord0.4.3-pgvectors0.2.0", "", health: true, memoryMiB: 150);
        return list;
    }
}

internal sealed record NodeSeed(string Name, int NodeId, string Ip, string CpuModel, int Sockets, int Cores, int Threads, long MemoryTotal, long RootTotal, double BaseCpu, double BaseMemory);

internal sealed record GuestSeed(int VmId, string Name, string Node, bool IsQemu, int Cores, long MaxMemory, long MaxDisk, bool Running, double BaseCpu, double MemoryFraction, string Tags);

internal sealed record StorageSeed(string Name, string Node, string Type, string Content, long Total, double UsedFraction);

/// <summary>How a simulated container behaves over time.</summary>
internal enum ContainerBehaviour
{
    Normal,

    /// <summary>Exits with an error a few seconds after every start; its restart policy brings it back.</summary>
    CrashLoop,

    /// <summary>Runs, but its health check keeps failing.</summary>
    Unhealthy,

    /// <summary>A one-off job that ran and exited cleanly.</summary>
    Batch,
}

/// <param name="Ports">Comma-separated <c>public[:private][/proto]</c>; a bare number publishes the same port.</param>
internal sealed record ContainerSeed(string Project, string Name, string Image, string Ports, bool HealthCheck, ContainerBehaviour Behaviour, double BaseCpu, double MemoryMiB);
