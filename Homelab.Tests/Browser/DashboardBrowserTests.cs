using Homelab.Domain.Containers;
using Homelab.Domain.Live;
using Homelab.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Homelab.Tests.Browser;

/// <summary>The dashboard in a real browser (Debian chromium driven by Playwright) against the simulated homelab.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserTests(BrowserFixture fixture)
{
    private async Task WaitForDataAsync(string container)
    {
        var live = fixture.App.Services.GetRequiredService<ILiveHomelab>();
        await HomelabAppFactory.WaitForAsync(
            () => live.Current.Cluster?.Nodes.Count == 3 && live.Current.FindHost("docker-server")?.Containers.Any(c => c.Name == container && c.State == ContainerState.Running) == true,
            TimeSpan.FromSeconds(15),
            $"the cluster and {container}");
    }

    [Fact]
    public async Task Overview_DemoHomelab_ShowsTheThreeNodes()
    {
        await WaitForDataAsync("jellyfin");
        var page = await fixture.OpenAsync("/");

        foreach (var node in new[] { "pve", "MediaServer", "AIServer" })
        {
            await Assertions.Expect(page.GetByTestId($"node-card-{node}")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId($"node-card-{node}")).ToContainTextAsync(node);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Containers_RestartWithConfirmation_EndsRunning()
    {
        await WaitForDataAsync("sonarr");
        var page = await fixture.OpenAsync("/containers");
        var row = page.GetByTestId("container-row-sonarr");

        await row.GetByTestId("action-restart").ClickAsync();
        var dialog = page.GetByTestId("confirm-ok");
        await Assertions.Expect(page.GetByText("Restart sonarr?")).ToBeVisibleAsync();
        await dialog.ClickAsync();

        await Assertions.Expect(row.GetByTestId("action-result")).ToContainTextAsync("running after", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        await Assertions.Expect(row.GetByTestId("container-state")).ToHaveTextAsync("running");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Cluster_GuestShutdownFromTheUi_WaitsForStoppedAndSaysSo()
    {
        await WaitForDataAsync("jellyfin");
        var page = await fixture.OpenAsync("/cluster");
        var row = page.GetByTestId("guest-row-101");
        await Assertions.Expect(row.GetByTestId("guest-status")).ToHaveTextAsync("running");

        await row.GetByTestId("action-shutdown").ClickAsync();
        await page.GetByTestId("confirm-ok").ClickAsync();

        await Assertions.Expect(row.GetByTestId("action-result")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^stopped after \d+ s$"), new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        await Assertions.Expect(row.GetByTestId("guest-status")).ToHaveTextAsync("stopped");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Containers_CancelledConfirmation_DoesNothing()
    {
        await WaitForDataAsync("mealie");
        var page = await fixture.OpenAsync("/containers");
        var row = page.GetByTestId("container-row-mealie");

        await row.GetByTestId("action-stop").ClickAsync();
        await page.GetByTestId("confirm-cancel").ClickAsync();
        await Task.Delay(1_000);

        await Assertions.Expect(row.GetByTestId("container-state")).ToHaveTextAsync("running");
        var live = fixture.App.Services.GetRequiredService<ILiveHomelab>();
        Assert.Equal(ContainerState.Running, live.Current.FindHost("docker-server")!.Containers.Single(c => c.Name == "mealie").State);
        await page.Context.CloseAsync();
    }
}
