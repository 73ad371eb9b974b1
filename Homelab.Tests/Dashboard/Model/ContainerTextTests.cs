using Homelab.Dashboard.Model;
using Homelab.Domain.Containers;

namespace Homelab.Tests.Dashboard.Model;

public sealed class ContainerTextTests
{
    [Theory]
    [InlineData(ContainerState.Running, new[] { ContainerCommand.Stop, ContainerCommand.Restart })]
    [InlineData(ContainerState.Restarting, new[] { ContainerCommand.Stop })]
    [InlineData(ContainerState.Paused, new[] { ContainerCommand.Stop })]
    [InlineData(ContainerState.Exited, new[] { ContainerCommand.Start })]
    [InlineData(ContainerState.Created, new[] { ContainerCommand.Start })]
    [InlineData(ContainerState.Dead, new ContainerCommand[0])]
    [InlineData(ContainerState.Removing, new ContainerCommand[0])]
    public void CommandsFor_OffersOnlyWhatMakesSense(ContainerState state, ContainerCommand[] expected) =>
        Assert.Equal(expected, ContainerText.CommandsFor(state));

    [Theory]
    [InlineData(ContainerHealth.Healthy, "healthy", "healthy")]
    [InlineData(ContainerHealth.None, "no check", "none")]
    public void HealthWords_RoundTripThroughTheQueryString(ContainerHealth health, string word, string query)
    {
        Assert.Equal(word, ContainerText.HealthWord(health));
        Assert.Equal(query, ContainerText.HealthQuery(health));
        Assert.Equal(health, ContainerText.ParseHealthQuery(query));
    }
}
