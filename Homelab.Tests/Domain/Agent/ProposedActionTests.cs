using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Tools;
using Homelab.Domain.Containers;

namespace Homelab.Tests.Domain.Agent;

public sealed class ProposedActionTests
{
    [Fact]
    public void ProposedAction_ContainerStop_TakesItsWordingFromTheAction()
    {
        var action = new ContainerCommandRequest("docker-server", "abc", "jellyfin", ContainerCommand.Stop);

        var proposal = new ProposedAction("stop_container", "jellyfin", action);

        Assert.Equal("stop_container jellyfin", proposal.Call);
        Assert.Equal("Stop jellyfin?", proposal.Title);
        Assert.Equal("container jellyfin on docker-server", proposal.Target);
        Assert.Equal(action.Effect, proposal.WhatItWillDo);
        Assert.True(proposal.Disruptive);
    }

    [Fact]
    public void Call_NoArguments_IsTheToolName()
    {
        var proposal = new ProposedAction("pause_all_torrents", "", TorrentCommandRequest.ForAll(Homelab.Domain.Downloads.TorrentCommand.Pause));

        Assert.Equal("pause_all_torrents", proposal.Call);
    }
}
