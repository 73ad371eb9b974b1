using Homelab.Dashboard.Model;
using Homelab.Domain.Cluster;
using Homelab.Domain.Live;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Model;

public sealed class OverviewModelTests
{
    [Fact]
    public void Build_SeedHomelab_CountsClusterGuestsAndContainers()
    {
        var snapshot = TestSnapshots.Seed();

        var model = OverviewModel.Build(snapshot);

        var total = snapshot.AllContainers.Count();
        Assert.Equal(new ClusterHealthModel("HomeServer", true, 3, 3, 6, 7, total - 2, total), model.Cluster);
        Assert.Equal(["AIServer", "MediaServer", "pve"], model.Nodes.Select(n => n.Name));
        Assert.Equal(7, model.Guests.Count);
        Assert.Equal("proxmox", model.ClusterSource!.Id);
        Assert.Equal("docker/docker-server", model.ContainerSource!.Id);
    }

    [Fact]
    public void Build_Templates_AreNotCountedAsGuests()
    {
        var snapshot = TestSnapshots.Seed();
        var cluster = snapshot.Cluster!;
        var template = new Guest { VmId = 9000, Name = "debian-template", Node = "pve", Kind = GuestKind.Qemu, Status = GuestStatus.Stopped, Template = true };
        snapshot = snapshot with { Cluster = cluster with { Guests = [.. cluster.Guests, template] } };

        var model = OverviewModel.Build(snapshot);

        Assert.Equal(7, model.Cluster.GuestsTotal);
        Assert.DoesNotContain(model.Guests, g => g.VmId == 9000);
    }

    [Fact]
    public void Build_SharedStorage_IsListedOnceUnderShared()
    {
        var snapshot = TestSnapshots.Seed();
        var cluster = snapshot.Cluster!;
        StorageVolume Nfs(string node) => new()
        {
            Id = $"storage/{node}/nas",
            Name = "nas",
            Node = node,
            Status = "available",
            Shared = true,
            Used = 1L << 40,
            Total = 4L << 40,
        };
        snapshot = snapshot with { Cluster = cluster with { Storage = [.. cluster.Storage, Nfs("pve"), Nfs("MediaServer"), Nfs("AIServer")] } };

        var groups = OverviewModel.Build(snapshot).Storage;

        Assert.Equal(["AIServer", "MediaServer", "pve", StorageGroupModel.SharedTitle], groups.Select(g => g.Title));
        var shared = Assert.Single(groups[^1].Rows);
        Assert.Equal("nas", shared.Name);
        Assert.Contains(groups.Single(g => g.Title == "MediaServer").Rows, r => r.Name == "das" && r.Usage.PercentText == "71%");
    }

    [Fact]
    public void Build_UnavailableStorage_HasNoFakeUsage()
    {
        var snapshot = TestSnapshots.Seed();
        var cluster = snapshot.Cluster!;
        snapshot = snapshot with { Cluster = cluster with { Storage = [.. cluster.Storage.Select(s => s.Name == "das" ? s with { Status = "unknown" } : s)] } };

        var das = OverviewModel.Build(snapshot).Storage.SelectMany(g => g.Rows).Single(r => r.Name == "das");

        Assert.False(das.Available);
        Assert.Null(das.Usage.Fraction);
    }

    [Fact]
    public void ContainerSummary_CountsByStateAndHealthOfLiveContainers()
    {
        var summary = OverviewModel.Build(TestSnapshots.Seed()).Containers;

        var byState = summary.ByState.ToDictionary(c => c.Word, c => c.Count);
        Assert.Equal(1, byState["restarting"]);
        Assert.Equal(1, byState["exited"]);
        Assert.False(byState.ContainsKey("dead"));
        var byHealth = summary.ByHealth.ToDictionary(c => c.Word, c => c.Count);
        Assert.Equal(summary.Total, byState.Values.Sum());
        Assert.Equal(1, byHealth["unhealthy"]);
        Assert.Equal(byState["running"], byHealth.Values.Sum() - byState["restarting"]);
        Assert.Equal(UsageLevel.Critical, summary.ByHealth.Single(c => c.Word == "unhealthy").Level);
        Assert.Equal("/containers?health=unhealthy", summary.ByHealth.Single(c => c.Word == "unhealthy").Href);
    }

    [Fact]
    public void Build_AttentionComesFromTheDomainRules()
    {
        var snapshot = TestSnapshots.Seed();

        Assert.Equal(AttentionRules.Evaluate(snapshot), OverviewModel.Build(snapshot).Attention);
    }

    [Fact]
    public void Build_EmptySnapshot_IsCalm()
    {
        var model = OverviewModel.Build(HomelabSnapshot.Empty);

        Assert.False(model.Cluster.HasCluster);
        Assert.Empty(model.Nodes);
        Assert.Null(model.ClusterSource);
    }
}
