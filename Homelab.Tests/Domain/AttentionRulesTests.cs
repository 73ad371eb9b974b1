using Homelab.Domain.Cluster;
using Homelab.Domain.Containers;
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
