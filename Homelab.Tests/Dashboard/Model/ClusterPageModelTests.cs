using Homelab.Dashboard.Model;
using Homelab.Domain.Cluster;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Model;

public sealed class ClusterPageModelTests
{
    private static Guest Gaming(GuestStatus status) =>
        TestSnapshots.Seed().Cluster!.FindGuest(103)! with { Status = status };

    [Theory]
    [InlineData(GuestStatus.Running, new[] { PowerAction.Shutdown, PowerAction.Reboot, PowerAction.Stop })]
    [InlineData(GuestStatus.Paused, new[] { PowerAction.Shutdown, PowerAction.Reboot, PowerAction.Stop })]
    [InlineData(GuestStatus.Stopped, new[] { PowerAction.Start })]
    [InlineData(GuestStatus.Unknown, new PowerAction[0])]
    public void GuestActionRow_OffersWhatAppliesToTheStatus(GuestStatus status, PowerAction[] expected) =>
        Assert.Equal(expected, GuestActionRow.From(Gaming(status)).Actions);

    [Fact]
    public void GuestActionRow_Template_OffersNothing() =>
        Assert.Empty(GuestActionRow.From(Gaming(GuestStatus.Stopped) with { Template = true }).Actions);

    [Fact]
    public void GuestActionRow_TargetKey_MatchesTheRequestsKey()
    {
        var row = GuestActionRow.From(Gaming(GuestStatus.Running));

        Assert.Equal(row.Request(PowerAction.Stop).TargetKey, row.TargetKey);
    }

    [Fact]
    public void Build_SeedCluster_HasNodesGuestsAndStorage()
    {
        var model = ClusterPageModel.Build(TestSnapshots.Seed().Cluster);

        Assert.Equal(3, model.Nodes.Count);
        Assert.Equal([101, 102, 103, 104, 105, 106, 200], model.Guests.Select(g => g.Guest.VmId));
        Assert.Equal(7, model.Storage.Count);
        Assert.Same(ClusterPageModel.Empty, ClusterPageModel.Build(null));
    }

    [Fact]
    public void NodeCardModel_MemoryHistory_IsTheUsedFraction()
    {
        var node = TestSnapshots.Seed().Cluster!.FindNode("AIServer")!;

        var model = NodeCardModel.From(node);

        Assert.Equal(60, model.CpuHistory.SampleCount);
        Assert.InRange(model.MemoryHistory.Latest!.Value, 0.0, 0.05);
        Assert.Equal("32 threads", model.Threads);
    }
}
