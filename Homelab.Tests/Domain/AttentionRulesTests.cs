using Homelab.Domain.Cluster;
using Homelab.Domain.Containers;
using Homelab.Domain.Downloads;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Domain;

public sealed class AttentionRulesTests
{
    private static HomelabSnapshot With(ClusterSnapshot? cluster = null, params Container[] containers) =>
        HomelabSnapshot.Empty
            .Apply(new ClusterChanged(cluster ?? TestData.Cluster(TestData.Node("pve"))))
            .Apply(new ContainersChanged("docker-server", containers, [], TestData.Start));

    [Fact]
    public void Evaluate_HealthyHomelab_NothingToDo()
    {
        Assert.Empty(AttentionRules.Evaluate(With(containers: TestData.Container("sonarr", health: ContainerHealth.Healthy))));
    }

    [Fact]
    public void Evaluate_CrashLoopingAndUnhealthy_ListedWithLinks()
    {
        var items = AttentionRules.Evaluate(With(null,
            TestData.Container("unpackerr", ContainerState.Restarting) with { RestartCount = 27 },
            TestData.Container("linkwarden", health: ContainerHealth.Unhealthy) with { FailingStreak = 14 }));

        Assert.Collection(
            items,
            crash =>
            {
                Assert.Equal(AttentionSeverity.Critical, crash.Severity);
                Assert.Equal("crash-looping: restarted 27 times", crash.Message);
                Assert.Equal("/containers?q=unpackerr", crash.Link);
            },
            unhealthy => Assert.Equal("unhealthy (14 failed checks in a row)", unhealthy.Message));
    }

    [Fact]
    public void Evaluate_StorageNearlyFullOrMissing_Flagged()
    {
        var cluster = TestData.Cluster(TestData.Node("pve")) with
        {
            Storage =
            [
                new StorageVolume { Id = "storage/pve/local-lvm", Name = "local-lvm", Node = "pve", Status = "available", Used = 88, Total = 100 },
                new StorageVolume { Id = "storage/MediaServer/das", Name = "das", Node = "MediaServer", Status = "unknown" },
                new StorageVolume { Id = "storage/AIServer/local", Name = "local", Node = "AIServer", Status = "available", Used = 20, Total = 100 },
            ],
        };

        var items = AttentionRules.Evaluate(With(cluster));

        Assert.Equal(2, items.Count);
        Assert.Equal("das on MediaServer", items[0].Subject);
        Assert.Equal("storage is not available (unmounted or unreachable)", items[0].Message);
        Assert.Equal("storage is 88% full", items[1].Message);
    }

    [Fact]
    public void Evaluate_NodeOfflineAndNoQuorum_Critical()
    {
        var cluster = TestData.Cluster(TestData.Node("pve"), TestData.Node("AIServer", NodeStatus.Offline)) with { Quorate = false };

        var items = AttentionRules.Evaluate(With(cluster));

        Assert.All(items, i => Assert.Equal(AttentionSeverity.Critical, i.Severity));
        Assert.Contains(items, i => i.Subject == "AIServer" && i.Message == "node is offline");
        Assert.Contains(items, i => i.Message.StartsWith("cluster has lost quorum", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_SourceDown_SaysWhy()
    {
        var down = TestData.Source("proxmox", SourceKind.Proxmox).WithFailure(TestData.Start, new SourceError(SourceErrorKind.Unauthorized, "authentication failed"), null);
        var snapshot = HomelabSnapshot.Empty.Apply(new SourceChanged(down));

        var item = Assert.Single(AttentionRules.Evaluate(snapshot));

        Assert.Equal("not answering: authentication failed", item.Message);
        Assert.Equal("/sources", item.Link);
    }
}

public sealed class DownloadAttentionTests
{
    private static HomelabSnapshot With(VpnState vpn, params Torrent[] torrents) =>
        HomelabSnapshot.Empty
            .Apply(new TorrentsChanged([.. torrents], [], null, null, null, TestData.Start))
            .Apply(new VpnChanged(new VpnStatus { State = vpn }));

    [Fact]
    public void Evaluate_TorrentsMovingWithoutTheVpn_IsCritical()
    {
        var items = AttentionRules.Evaluate(With(VpnState.Stopped, new Torrent { Hash = "a", Name = "ubuntu.iso", State = TorrentState.Downloading, DownloadSpeed = 1_000_000 }));

        var item = Assert.Single(items);
        Assert.Equal(AttentionSeverity.Critical, item.Severity);
        Assert.Equal("1 torrent is moving data while the VPN is stopped", item.Message);
        Assert.Equal("/torrents", item.Link);
    }

    [Fact]
    public void Evaluate_VpnDownButNothingMoving_IsAWarning()
    {
        var item = Assert.Single(AttentionRules.Evaluate(With(VpnState.Crashed, new Torrent { Hash = "a", Name = "ubuntu.iso", State = TorrentState.StalledDown })));

        Assert.Equal(AttentionSeverity.Warning, item.Severity);
        Assert.Equal("the VPN is crashed", item.Message);
    }

    [Fact]
    public void Evaluate_VpnRunningAndTorrentInError_ListsTheTorrent()
    {
        var item = Assert.Single(AttentionRules.Evaluate(With(VpnState.Running, new Torrent { Hash = "a", Name = "Show.S01E01", State = TorrentState.Error }, new Torrent { Hash = "b", Name = "ok.iso", State = TorrentState.Uploading, UploadSpeed = 10 })));

        Assert.Equal("Show.S01E01", item.Subject);
        Assert.Equal("/torrents?q=Show.S01E01", item.Link);
    }
}
