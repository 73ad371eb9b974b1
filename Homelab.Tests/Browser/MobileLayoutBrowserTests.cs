using System.Text.Json;
using System.Text.RegularExpressions;
using Homelab.Domain.Containers;
using Homelab.Domain.Live;
using Homelab.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Homelab.Tests.Browser;

/// <summary>The main pages on a 360 px phone: nothing scrolls the page sideways, and the bottom navigation is there.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MobileLayoutBrowserTests(BrowserFixture fixture)
{
    private const int PhoneWidth = 360;

    public static TheoryData<string> MainPages => ["/", "/cluster", "/containers", "/torrents", "/sources", "/chat", "/traces", "/audit"];

    private async Task WaitForDataAsync()
    {
        var live = fixture.App.Services.GetRequiredService<ILiveHomelab>();
        await HomelabAppFactory.WaitForAsync(
            () => live.Current.Cluster?.Nodes.Count == 3 && live.Current.FindHost("docker-server")?.Containers.Any(c => c.State == ContainerState.Running) == true,
            TimeSpan.FromSeconds(15),
            "the cluster and the containers");
    }

    [Theory]
    [MemberData(nameof(MainPages))]
    public async Task MainPage_AtPhoneWidth_DoesNotScrollSidewaysAndShowsTheBottomNavigation(string path)
    {
        await WaitForDataAsync();
        var page = await fixture.OpenAsync(path, PhoneWidth, 740);

        var layout = await page.EvaluateAsync<JsonElement>("""
            () => {
              const root = document.documentElement;
              // For the failure message: the elements that stick out on the right.
              const wide = [...document.body.querySelectorAll("*")]
                .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 0.5 && !element.closest(".hl-table-wrap, .mud-table-container, [hidden]"))
                .slice(0, 8)
                .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join(".")} right=${Math.round(element.getBoundingClientRect().right)}`);
              return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
            }
            """);
        var scrollWidth = layout.GetProperty("scrollWidth").GetInt32();
        var clientWidth = layout.GetProperty("clientWidth").GetInt32();
        Assert.True(scrollWidth <= clientWidth, $"{path} scrolls sideways at {PhoneWidth} px: scrollWidth {scrollWidth} > clientWidth {clientWidth}; {string.Join("; ", layout.GetProperty("wide").EnumerateArray())}");

        var nav = page.GetByTestId("bottom-nav");
        await Assertions.Expect(nav).ToBeVisibleAsync();
        var box = await nav.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y + box.Height <= 740 + 0.5 && box.Y + box.Height >= 740 - 0.5, $"the bottom navigation is not at the bottom: y {box.Y}, height {box.Height}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task BottomNavigation_OnAPhone_NavigatesAndMarksTheCurrentPage()
    {
        var page = await fixture.OpenAsync("/", PhoneWidth, 740);
        var nav = page.GetByTestId("bottom-nav");

        await nav.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Containers" }).ClickAsync();

        await page.WaitForURLAsync("**/containers");
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Containers" })).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Overview" })).Not.ToHaveAttributeAsync("aria-current", "page");

        var drawer = page.Locator(".mud-drawer:has(.mud-navmenu)");
        await Assertions.Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--closed"));
        await nav.GetByTestId("bottom-nav-more").ClickAsync();
        await Assertions.Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--open"));
        await Assertions.Expect(drawer.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Audit" })).ToBeInViewportAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task BottomNavigation_OnADesktop_IsHidden()
    {
        var page = await fixture.OpenAsync("/");

        await Assertions.Expect(page.GetByTestId("bottom-nav")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }
}
