using System.Collections.Immutable;
using Homelab.Dashboard.Live;
using Homelab.Domain.Cluster;
using Homelab.Domain.Common;
using Homelab.Domain.Containers;
using Homelab.Domain.Downloads;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;

namespace Homelab.Tests.Embed;

/// <summary>A small homelab snapshot, so each test states only what it changes.</summary>
internal static class EmbedTestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static HomelabSnapshot Snapshot(SourceHealth health = SourceHealth.Fresh) => new()
    {
        Cluster = new ClusterSnapshot
        {
            Nodes = new EquatableArray<ClusterNode>(new ClusterNode[] {
                new ClusterNode { Name = "pve", Status = NodeStatus.Online, Cpu = 0.5, MaxCpu = 4, MemoryUsed = 4, MemoryTotal = 16 },
                new ClusterNode { Name = "MediaServer", Status = NodeStatus.Online, Cpu = 0.25, MaxCpu = 12, MemoryUsed = 8, MemoryTotal = 16 },
                new ClusterNode { Name = "AIServer", Status = NodeStatus.Offline },
            }),
            Guests = new EquatableArray<Guest>(new Guest[] {
                new Guest { VmId = 100, Name = "ha", Node = "pve", Kind = GuestKind.Qemu, Status = GuestStatus.Running },
                new Guest { VmId = 101, Name = "jellyfin", Node = "MediaServer", Kind = GuestKind.Lxc, Status = GuestStatus.Running },
                new Guest { VmId = 102, Name = "old", Node = "MediaServer", Kind = GuestKind.Lxc, Status = GuestStatus.Stopped },
                new Guest { VmId = 9000, Name = "template", Node = "pve", Kind = GuestKind.Qemu, Status = GuestStatus.Stopped, Template = true },
            }),
            UpdatedAt = Now.AddSeconds(-2),
        },
        ContainerHosts = new EquatableArray<ContainerHostSnapshot>(new ContainerHostSnapshot[] {
            new ContainerHostSnapshot
            {
                Host = "docker-server",
                UpdatedAt = Now.AddSeconds(-3),
                Containers = new EquatableArray<Container>(new Container[] {
                    new Container { Host = "docker-server", Id = "a", Name = "sonarr", State = ContainerState.Running, Health = ContainerHealth.Healthy },
                    new Container { Host = "docker-server", Id = "b", Name = "radarr", State = ContainerState.Running, Health = ContainerHealth.Unhealthy },
                    new Container { Host = "docker-server", Id = "c", Name = "mealie", State = ContainerState.Exited },
                }),
            },
        }),
        Downloads = new DownloadsSnapshot
        {
            Torrents = new EquatableDictionary<string, Torrent>(new Dictionary<string, Torrent>
            {
                ["h1"] = new() { Hash = "h1", Name = "debian.iso", State = TorrentState.Downloading, Progress = 0.5, DownloadSpeed = 1_000_000 },
                ["h2"] = new() { Hash = "h2", Name = "ubuntu.iso", State = TorrentState.Uploading, Progress = 1, UploadSpeed = 200_000 },
                ["h3"] = new() { Hash = "h3", Name = "arch.iso", State = TorrentState.StoppedUp, Progress = 1 },
            }.ToImmutableDictionary()),
            Transfer = new TransferInfo { DownloadSpeed = 1_000_000, UploadSpeed = 200_000 },
            UpdatedAt = Now.AddSeconds(-1),
        },
        Vpn = new VpnStatus { State = VpnState.Running, PublicIp = "203.0.113.7", Country = "Netherlands", City = "Amsterdam", ForwardedPort = 51413, UpdatedAt = Now.AddSeconds(-4) },
        Sources = new EquatableArray<SourceStatus>(new SourceStatus[] {
            Source(SourceIds.Proxmox, SourceKind.Proxmox, health),
            Source(SourceIds.Docker("docker-server"), SourceKind.Docker, health),
            Source(SourceIds.QBittorrent, SourceKind.QBittorrent, health),
            Source(SourceIds.Gluetun, SourceKind.Gluetun, health),
        }),
    };

    private static SourceStatus Source(string id, SourceKind kind, SourceHealth health) => new()
    {
        Id = id,
        Kind = kind,
        DisplayName = id,
        Endpoint = "http://sim",
        Interval = TimeSpan.FromSeconds(5),
        Health = health,
        LastSuccess = health == SourceHealth.Fresh ? Now.AddSeconds(-1) : Now.AddMinutes(-5),
        LastAttempt = Now.AddSeconds(-1),
    };
}
