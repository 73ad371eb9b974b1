using Homelab.Domain.Containers;

namespace Homelab.Tests.Domain;

public sealed class ContainerStateRulesTests
{
    [Theory]
    [InlineData("created", ContainerState.Created)]
    [InlineData("running", ContainerState.Running)]
    [InlineData("paused", ContainerState.Paused)]
    [InlineData("restarting", ContainerState.Restarting)]
    [InlineData("removing", ContainerState.Removing)]
    [InlineData("exited", ContainerState.Exited)]
    [InlineData("dead", ContainerState.Dead)]
    [InlineData("Running", ContainerState.Running)]
    [InlineData("up", ContainerState.Unknown)]
    [InlineData("", ContainerState.Unknown)]
    [InlineData(null, ContainerState.Unknown)]
    public void ParseState_DockerWord_MapsToState(string? word, ContainerState expected)
    {
        Assert.Equal(expected, ContainerStateRules.ParseState(word));
    }

    [Theory]
    [InlineData("starting", ContainerHealth.Starting)]
    [InlineData("healthy", ContainerHealth.Healthy)]
    [InlineData("unhealthy", ContainerHealth.Unhealthy)]
    [InlineData("none", ContainerHealth.None)]
    [InlineData(null, ContainerHealth.None)]
    public void ParseHealth_DockerWord_MapsToHealth(string? word, ContainerHealth expected)
    {
        Assert.Equal(expected, ContainerStateRules.ParseHealth(word));
    }

    [Theory]
    [InlineData("Up 3 hours (healthy)", ContainerHealth.Healthy)]
    [InlineData("Up 2 days (unhealthy)", ContainerHealth.Unhealthy)]
    [InlineData("Up 5 seconds (health: starting)", ContainerHealth.Starting)]
    [InlineData("Up About a minute", ContainerHealth.None)]
    [InlineData("Up 4 hours (Paused)", ContainerHealth.None)]
    [InlineData("Exited (0) 2 hours ago", ContainerHealth.None)]
    [InlineData("Restarting (1) 3 seconds ago", ContainerHealth.None)]
    [InlineData("", ContainerHealth.None)]
    [InlineData(null, ContainerHealth.None)]
    public void HealthFromStatusText_StatusBeforeApi152_ReadsHealthSuffix(string? status, ContainerHealth expected)
    {
        Assert.Equal(expected, ContainerStateRules.HealthFromStatusText(status));
    }

    [Theory]
    [InlineData(ContainerCommand.Start, ContainerState.Running, true)]
    [InlineData(ContainerCommand.Start, ContainerState.Exited, false)]
    [InlineData(ContainerCommand.Restart, ContainerState.Running, true)]
    [InlineData(ContainerCommand.Restart, ContainerState.Restarting, false)]
    [InlineData(ContainerCommand.Stop, ContainerState.Exited, true)]
    [InlineData(ContainerCommand.Stop, ContainerState.Created, true)]
    [InlineData(ContainerCommand.Stop, ContainerState.Dead, true)]
    [InlineData(ContainerCommand.Stop, ContainerState.Running, false)]
    [InlineData(ContainerCommand.Stop, ContainerState.Paused, false)]
    public void IsTargetState_CommandAndState_SaysWhetherTheCommandIsDone(ContainerCommand command, ContainerState state, bool expected)
    {
        Assert.Equal(expected, command.IsTargetState(state));
    }

    [Fact]
    public void Words_ForMessages_AreDockersLowerCaseWords()
    {
        Assert.Equal("exited", ContainerCommand.Stop.TargetStateWord());
        Assert.Equal("running", ContainerCommand.Restart.TargetStateWord());
        Assert.Equal("restarting", ContainerState.Restarting.Word());
        Assert.Equal("stopping", ContainerCommand.Stop.Progressive());
        Assert.Equal("Start", ContainerCommand.Start.Title());
    }
}
