using Bunit;
using Homelab.Dashboard.Components.Pages;
using Homelab.Domain.Containers;
using Homelab.Domain.Live;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Components;

public sealed class ContainersPageTests : HomelabComponentTestBase
{
    private static IReadOnlyList<string> RowNames(IRenderedComponent<ContainersPage> cut) =>
        [.. cut.FindAll("tr[data-testid^=container-row-]").Select(r => r.GetAttribute("data-testid")!["container-row-".Length..])];

    [Fact]
    public void Render_SeedHomelab_ShowsEveryContainerWithStateAndHealth()
    {
        var cut = Render<ContainersPage>();

        Assert.Equal(Live.Current.AllContainers.Count(), RowNames(cut).Count);
        var sonarr = cut.Find("[data-testid=container-row-sonarr]");
        Assert.Equal("running", sonarr.QuerySelector("[data-testid=container-state]")!.TextContent);
        Assert.Equal("healthy", sonarr.QuerySelector("[data-testid=container-health]")!.TextContent);
        Assert.Contains("lscr.io/linuxserver/sonarr:4.0.16", sonarr.TextContent, StringComparison.Ordinal);
        Assert.Contains("310 MiB / 24.0 GiB", sonarr.TextContent, StringComparison.Ordinal);
        Assert.Contains("3 h", sonarr.TextContent, StringComparison.Ordinal);
        Assert.Equal("restarting", cut.Find("[data-testid=container-row-unpackerr] [data-testid=container-state]").TextContent);
        Assert.Equal("unhealthy", cut.Find("[data-testid=container-row-linkwarden] [data-testid=container-health]").TextContent);
        Assert.Equal("exited", cut.Find("[data-testid=container-row-lncrawl] [data-testid=container-state]").TextContent);
    }

    [Fact]
    public void Search_ByImage_KeepsOnlyMatchingRows()
    {
        var cut = Render<ContainersPage>();

        cut.Find("input[data-testid=container-search]").Input("postgres:16");

        Assert.Equal(["gamevault-db", "linkwarden-db"], RowNames(cut));
    }

    [Fact]
    public void Search_ByComposeProjectAndName_EveryWordMustMatch()
    {
        var cut = Render<ContainersPage>();

        cut.Find("input[data-testid=container-search]").Input("immich redis");

        Assert.Equal(["immich-redis"], RowNames(cut));
    }

    [Fact]
    public void QueryParameter_Q_PrefillsTheSearch()
    {
        NavigateTo("/containers?q=unpackerr");

        var cut = Render<ContainersPage>();

        Assert.Equal(["unpackerr"], RowNames(cut));
        Assert.Equal("unpackerr", cut.Find("input[data-testid=container-search]").GetAttribute("value"));
    }

    [Theory]
    [InlineData("/containers?state=exited", "lncrawl")]
    [InlineData("/containers?state=restarting", "unpackerr")]
    [InlineData("/containers?health=unhealthy", "linkwarden")]
    [InlineData("/containers?q=jellyseerr&state=running&health=healthy", "jellyseerr")]
    public void QueryParameters_StateAndHealth_Filter(string uri, string expected)
    {
        NavigateTo(uri);

        var cut = Render<ContainersPage>();

        Assert.Equal([expected], RowNames(cut));
    }

    [Fact]
    public void QueryParameter_Host_FiltersByHost()
    {
        var other = new ContainerHostSnapshot
        {
            Host = "backup-box",
            Containers = [TestSnapshots.FindContainer(Live.Current, "sonarr") with { Host = "backup-box", Id = TestSnapshots.IdFor("b-sonarr") }],
        };
        Live.Current = Live.Current with { ContainerHosts = [.. Live.Current.ContainerHosts, other] };

        NavigateTo("/containers?host=backup-box");

        var cut = Render<ContainersPage>();

        var row = Assert.Single(cut.FindAll("tr[data-testid^=container-row-]"));
        Assert.Contains("backup-box", row.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("filter-state", "exited", "lncrawl")]
    [InlineData("filter-state", "restarting", "unpackerr")]
    [InlineData("filter-health", "unhealthy", "linkwarden")]
    public void FilterSelect_Change_KeepsOnlyMatchingRows(string filter, string value, string expected)
    {
        var cut = Render<ContainersPage>();

        cut.Find($"select[data-testid={filter}]").Change(value);

        Assert.Equal([expected], RowNames(cut));
        Assert.Equal($"1 of {Live.Current.AllContainers.Count()}", cut.Find("[data-testid=container-count]").TextContent);
    }

    [Fact]
    public void Filters_Combine_AndClearRestoresEverything()
    {
        var cut = Render<ContainersPage>();
        cut.Find("select[data-testid=filter-health]").Change("healthy");
        cut.Find("input[data-testid=container-search]").Input("db");

        Assert.Equal(["gamevault-db", "immich-db", "linkwarden-db", "romm-db"], RowNames(cut));

        cut.Find("[data-testid=filter-clear]").Click();

        Assert.Equal(Live.Current.AllContainers.Count(), RowNames(cut).Count);
    }

    [Fact]
    public void FilterHost_ListsEveryHost()
    {
        var cut = Render<ContainersPage>();

        var options = cut.FindAll("select[data-testid=filter-host] option").Select(o => o.TextContent).ToList();

        Assert.Equal(["any host", "docker-server"], options);
    }

    [Fact]
    public void Actions_ShowOnlyWhatAppliesToTheState()
    {
        var cut = Render<ContainersPage>();

        static string[] Buttons(AngleSharp.Dom.IElement row) =>
            [.. row.QuerySelectorAll("button[data-testid^=action-]").Select(b => b.GetAttribute("data-testid")!)];

        Assert.Equal(["action-stop", "action-restart", "action-logs"], Buttons(cut.Find("[data-testid=container-row-sonarr]")));
        Assert.Equal(["action-start", "action-logs"], Buttons(cut.Find("[data-testid=container-row-lncrawl]")));
        Assert.Equal(["action-stop", "action-logs"], Buttons(cut.Find("[data-testid=container-row-unpackerr]")));
        Assert.Equal("Stop sonarr", cut.Find("[data-testid=container-row-sonarr] [data-testid=action-stop]").GetAttribute("aria-label"));
    }

    [Fact]
    public void Push_ContainerExits_RowAndActionsFollowWithoutOutsideRender()
    {
        var cut = Render<ContainersPage>();
        var radarr = TestSnapshots.FindContainer(Live.Current, "radarr");

        Live.Push(new ContainersChanged(TestSnapshots.DockerHost, [radarr with { State = ContainerState.Exited, Health = ContainerHealth.None }], [], TestSnapshots.Now));

        cut.WaitForAssertion(() =>
        {
            var row = cut.Find("[data-testid=container-row-radarr]");
            Assert.Equal("exited", row.QuerySelector("[data-testid=container-state]")!.TextContent);
            Assert.NotNull(row.QuerySelector("[data-testid=action-start]"));
            Assert.Null(row.QuerySelector("[data-testid=action-stop]"));
        });
    }

    [Fact]
    public void Push_ContainerRemoved_RowDisappears()
    {
        var cut = Render<ContainersPage>();
        var id = TestSnapshots.IdFor("it-tools");

        Live.Push(new ContainersChanged(TestSnapshots.DockerHost, [], [id], TestSnapshots.Now));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=container-row-it-tools]")));
    }

    [Fact]
    public void Render_HostSourceDown_TableIsStale()
    {
        Live.Current = Live.Current with
        {
            Sources = [TestSnapshots.ProxmoxSource(TestSnapshots.Now), TestSnapshots.Down(TestSnapshots.DockerSource(TestSnapshots.Now), TestSnapshots.Now)],
        };

        var cut = Render<ContainersPage>();

        Assert.Equal("true", cut.Find("[data-testid=containers-table]").GetAttribute("data-stale"));
        Assert.Contains("hl-row-stale", cut.Find("[data-testid=container-row-sonarr]").ClassName, StringComparison.Ordinal);
    }
}
