using Homelab.Domain.Containers;
using Homelab.Domain.Live;
using Homelab.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Homelab.Tests.Browser;

/// <summary>The agent in a real browser: the simulated model over HTTP, the approval card, the real action path.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChatBrowserTests(BrowserFixture fixture)
{
    private const float Timeout = 30_000;

    private ILiveHomelab Live => fixture.App.Services.GetRequiredService<ILiveHomelab>();

    private Container? Prowlarr => Live.Current.FindHost("docker-server")?.Containers.FirstOrDefault(c => c.Name == "prowlarr");

    private async Task<IPage> SendAsync(string message)
    {
        var page = await fixture.OpenAsync("/chat");
        await Assertions.Expect(page.GetByTestId("chat-model")).ToHaveAttributeAsync("data-simulated", "true");
        await page.GetByTestId("chat-input").FillAsync(message);
        await page.GetByTestId("chat-send").ClickAsync();
        return page;
    }

    [Fact]
    public async Task Chat_RestartApprovedOnTheCard_RestartsTheContainerAndSaysSo()
    {
        await HomelabAppFactory.WaitForAsync(() => Prowlarr?.State == ContainerState.Running, TimeSpan.FromSeconds(15), "prowlarr running");
        var startedBefore = Prowlarr!.StartedAt;
        var page = await SendAsync("restart prowlarr");

        var card = page.GetByTestId("approval-card");
        await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(card).ToHaveAttributeAsync("data-state", "Pending");
        await Assertions.Expect(card.GetByTestId("approval-target")).ToContainTextAsync("prowlarr");
        Assert.Equal(startedBefore, Prowlarr!.StartedAt);

        await card.GetByTestId("approval-approve").ClickAsync();

        await Assertions.Expect(card).ToHaveAttributeAsync("data-state", "Approved", new() { Timeout = Timeout });
        await Assertions.Expect(page.GetByTestId("chat-view")).ToHaveAttributeAsync("data-turn-running", "false", new() { Timeout = Timeout });
        var answer = page.Locator("[data-testid=chat-message][data-role=assistant]").Last;
        await Assertions.Expect(answer).ToContainTextAsync("prowlarr", new() { Timeout = Timeout });
        await HomelabAppFactory.WaitForAsync(() => Prowlarr?.State == ContainerState.Running && Prowlarr.StartedAt != startedBefore, TimeSpan.FromSeconds(15), "prowlarr restarted");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Chat_StopDeniedOnTheCard_LeavesTheContainerRunning()
    {
        await HomelabAppFactory.WaitForAsync(() => Live.Current.FindHost("docker-server")?.Containers.Any(c => c.Name == "jellyseerr" && c.State == ContainerState.Running) == true, TimeSpan.FromSeconds(15), "jellyseerr running");
        var page = await SendAsync("stop container jellyseerr");

        var card = page.GetByTestId("approval-card");
        await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = Timeout });
        await card.GetByTestId("approval-deny").ClickAsync();

        await Assertions.Expect(card).ToHaveAttributeAsync("data-state", "Denied", new() { Timeout = Timeout });
        await Assertions.Expect(page.GetByTestId("chat-view")).ToHaveAttributeAsync("data-turn-running", "false", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("[data-testid=chat-message][data-role=assistant]").Last).ToContainTextAsync("denied", new() { Timeout = Timeout });
        Assert.Equal(ContainerState.Running, Live.Current.FindHost("docker-server")!.Containers.Single(c => c.Name == "jellyseerr").State);
        await page.Context.CloseAsync();
    }
}
