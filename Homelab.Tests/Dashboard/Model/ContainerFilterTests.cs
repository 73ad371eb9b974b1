using Homelab.Dashboard.Model;
using Homelab.Domain.Containers;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Model;

public sealed class ContainerFilterTests
{
    private static readonly IReadOnlyList<Container> s_containers = [.. TestSnapshots.Seed().AllContainers];

    private static string[] Names(ContainerFilter filter) => [.. filter.Apply(s_containers).Select(c => c.Name)];

    [Fact]
    public void Empty_KeepsEverythingSortedByName()
    {
        var names = Names(ContainerFilter.None);

        Assert.Equal(s_containers.Count, names.Length);
        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);
    }

    [Theory]
    [InlineData("SONARR", new[] { "sonarr" })]
    [InlineData("mariadb", new[] { "romm-db" })]
    [InlineData("games", new[] { "gamarr", "gamevault", "gamevault-db", "romm", "romm-db" })]
    [InlineData("immich db", new[] { "immich-db" })]
    [InlineData("nothing-like-this", new string[0])]
    public void Query_MatchesNameImageOrProjectAndEveryWord(string query, string[] expected) =>
        Assert.Equal(expected, Names(new ContainerFilter(query)));

    [Fact]
    public void StateAndHealth_AreExact()
    {
        Assert.Equal(["unpackerr"], Names(new ContainerFilter(State: ContainerState.Restarting)));
        Assert.Equal(["linkwarden"], Names(new ContainerFilter(Health: ContainerHealth.Unhealthy)));
        Assert.Contains("bazarr", Names(new ContainerFilter(Health: ContainerHealth.None)));
    }

    [Fact]
    public void Host_IsExact()
    {
        Assert.Equal(s_containers.Count, Names(new ContainerFilter(Host: TestSnapshots.DockerHost)).Length);
        Assert.Empty(Names(new ContainerFilter(Host: "docker")));
    }

    [Theory]
    [InlineData("sonarr", null, null, null, "sonarr", null, null, null)]
    [InlineData("  ", "", "EXITED", "no check", null, null, ContainerState.Exited, ContainerHealth.None)]
    [InlineData(null, "docker-server", "bogus", "bogus", null, "docker-server", null, null)]
    public void FromQuery_ParsesAndIgnoresUnknownValues(string? q, string? host, string? state, string? health,
        string? expectedQuery, string? expectedHost, ContainerState? expectedState, ContainerHealth? expectedHealth) =>
        Assert.Equal(new ContainerFilter(expectedQuery, expectedHost, expectedState, expectedHealth), ContainerFilter.FromQuery(q, host, state, health));

    [Fact]
    public void Sort_ByCpuDescending_PutsTheBusiestFirst()
    {
        var sorted = ContainerFilter.None.Apply(s_containers, ContainerSort.Cpu, descending: true);

        Assert.Equal("tdarr", sorted[0].Name);
    }

    [Fact]
    public void Sort_ByState_PutsProblemsFirst()
    {
        var sorted = ContainerFilter.None.Apply(s_containers, ContainerSort.State);

        Assert.Equal(["unpackerr", "lncrawl"], sorted.Take(2).Select(c => c.Name));
    }
}
