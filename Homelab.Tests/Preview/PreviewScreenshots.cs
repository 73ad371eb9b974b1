using Homelab.Tests.Shared;
using Microsoft.Playwright;

namespace Homelab.Tests.Preview;

/// <summary>
/// Drives the preview server with Debian's chromium and saves screenshots of the states a static capture cannot
/// reach: the log drawer, the confirmation dialog, an action in progress and its result, stale cards, the light theme.
/// Explicit: <c>Homelab.Tests -class Homelab.Tests.Preview.PreviewScreenshots -explicit only</c>, writing to
/// <c>HOMELAB_SCREENSHOTS</c> (default <c>/tmp/homelab-shots</c>).
/// </summary>
public sealed class PreviewScreenshots
{
    private static readonly string s_directory = Environment.GetEnvironmentVariable("HOMELAB_SCREENSHOTS") ?? "/tmp/homelab-shots";

    [Fact(Explicit = true)]
    public async Task Capture()
    {
        Directory.CreateDirectory(s_directory);
        await using var server = PreviewServer.Start(5181);
        await using var stale = PreviewServer.Start(5182, proxmoxDown: true);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu"],
        });

        var desktop = await OpenAsync(browser, server.Address, "/containers", 1400, 900);
        await desktop.ClickAsync("[data-testid=container-row-sonarr] [data-testid=action-logs]");
        await desktop.WaitForSelectorAsync("[data-testid=log-line]");
        await desktop.ClickAsync("[data-testid=log-drawer] .mud-switch");
        await desktop.WaitForTimeoutAsync(3500);
        await ShotAsync(desktop, "logs-desktop");
        await desktop.ClickAsync("[data-testid=log-close]");

        await desktop.ClickAsync("[data-testid=container-row-radarr] [data-testid=action-stop]");
        await desktop.WaitForSelectorAsync("[data-testid=confirm-ok]");
        await ShotAsync(desktop, "confirm-stop");
        await desktop.ClickAsync("[data-testid=confirm-ok]");
        await desktop.WaitForSelectorAsync("[data-testid=container-row-radarr] [data-testid=action-busy]");
        await desktop.Locator("[data-testid=container-row-radarr]").ScrollIntoViewIfNeededAsync();
        await ShotAsync(desktop, "action-running");
        await desktop.WaitForSelectorAsync("[data-testid=container-row-radarr] [data-testid=action-result]", new() { Timeout = 15_000 });
        await ShotAsync(desktop, "action-result");

        var cluster = await OpenAsync(browser, server.Address, "/cluster", 1400, 1000);
        await cluster.ClickAsync("[data-testid=guest-row-103] [data-testid=action-shutdown]");
        await cluster.WaitForSelectorAsync("[data-testid=confirm-ok]");
        await ShotAsync(cluster, "confirm-shutdown");

        var phone = await OpenAsync(browser, server.Address, "/containers?q=sonarr", 360, 740);
        await ShotAsync(phone, "containers-search-phone");
        await phone.ClickAsync("[data-testid=container-row-sonarr] [data-testid=action-logs]");
        await phone.WaitForSelectorAsync("[data-testid=log-line]");
        await phone.WaitForTimeoutAsync(800);
        await ShotAsync(phone, "logs-phone");

        await ShotAsync(await OpenAsync(browser, stale.Address, "/", 1400, 1100), "overview-proxmox-down");
        await ShotAsync(await OpenAsync(browser, stale.Address, "/sources", 1400, 700), "sources-proxmox-down");
        await ShotAsync(await OpenAsync(browser, stale.Address, "/", 360, 740), "overview-proxmox-down-phone");

        var light = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1100 } });
        await light.AddCookiesAsync([new() { Name = "homelab-theme", Value = "light", Url = server.Address.ToString() }]);
        var lightPage = await light.NewPageAsync();
        await lightPage.GotoAsync(server.Address.ToString());
        await lightPage.WaitForSelectorAsync("#ready[data-interactive=true]", new() { State = WaitForSelectorState.Attached });
        await ShotAsync(lightPage, "overview-light");
    }

    private static async Task<IPage> OpenAsync(IBrowser browser, Uri server, string path, int width, int height)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(server, path).ToString());
        await page.WaitForSelectorAsync("#ready[data-interactive=true]", new() { State = WaitForSelectorState.Attached });
        await page.WaitForTimeoutAsync(500);
        return page;
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(s_directory, $"{name}.png") });
}
