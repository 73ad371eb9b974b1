using Homelab.Dashboard.Live;
using Homelab.Domain.Containers;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;
using Homelab.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Homelab.Tests.Browser;

/// <summary>The torrents page in a real browser against the simulated qBittorrent and gluetun.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TorrentsBrowserTests(BrowserFixture fixture)
{
    private const string Rows = "[data-testid^='torrent-row-']";

    private const float Timeout = 30_000;

    private ILiveHomelab Live => fixture.App.Services.GetRequiredService<ILiveHomelab>();

    private Task WaitForTorrentsAsync() => HomelabAppFactory.WaitForAsync(
        () => Live.Current.FindSource(SourceIds.QBittorrent)?.Health == SourceHealth.Fresh && Live.Current.Downloads?.Torrents.Count > 1 && Live.Current.Vpn is not null,
        TimeSpan.FromSeconds(15),
        "the simulated torrents and VPN");

    [Fact]
    public async Task Torrents_DemoHomelab_SearchAndStateFilterNarrowTheRows()
    {
        await WaitForTorrentsAsync();
        var page = await fixture.OpenAsync("/torrents");
        var rows = page.Locator(Rows);
        await Assertions.Expect(page.GetByTestId("vpn-badge")).ToHaveAttributeAsync("data-vpn-state", "running");
        await Assertions.Expect(rows.Filter(new() { HasText = "Fedora-Workstation" })).ToHaveCountAsync(1);
        var total = await rows.CountAsync();
        Assert.True(total > 1, $"{total} rows");

        await page.GetByTestId("torrents-search").FillAsync("fedora workstation");

        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.GetByTestId("torrent-name")).ToHaveTextAsync("Fedora-Workstation-Live-43-1.6.x86_64.iso");

        await page.GetByTestId("torrents-search").FillAsync("");
        await Assertions.Expect(rows).ToHaveCountAsync(total);
        await page.GetByTestId("torrents-filter-state").SelectOptionAsync("errored");

        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.GetByTestId("torrent-name")).ToHaveTextAsync("Past.Lives.2023.1080p.WEB-DL.DDP5.1.H.264-FLUX");
        await Assertions.Expect(rows.GetByTestId("torrent-state")).ToHaveTextAsync("error");
        await page.Context.CloseAsync();

        // The same filter from a link (attention items and the overview's counts use these).
        var linked = await fixture.OpenAsync("/torrents?filter=errored");
        await Assertions.Expect(linked.Locator(Rows)).ToHaveCountAsync(1);
        await Assertions.Expect(linked.Locator(Rows).GetByTestId("torrent-name")).ToHaveTextAsync("Past.Lives.2023.1080p.WEB-DL.DDP5.1.H.264-FLUX");
        await linked.Context.CloseAsync();
    }

    [Fact]
    public async Task Torrents_GluetunStoppedAndStarted_BadgeAndBannerFollowInAnOpenPage()
    {
        await WaitForTorrentsAsync();
        var page = await fixture.OpenAsync("/torrents");
        var badge = page.GetByTestId("vpn-badge");
        var banner = page.GetByTestId("torrents-error");
        await Assertions.Expect(badge).ToHaveAttributeAsync("data-stale", "false");
        await Assertions.Expect(banner).ToHaveCountAsync(0);
        using var docker = new HttpClient { BaseAddress = fixture.App.SimulatedDockerUrl };

        // qBittorrent lives in gluetun's network namespace: stopping gluetun takes both away.
        (await docker.PostAsync("/v1.47/containers/gluetun/stop?t=1", null)).EnsureSuccessStatusCode();
        try
        {
            await Assertions.Expect(badge).ToHaveAttributeAsync("data-stale", "true", new() { Timeout = Timeout });
            await Assertions.Expect(badge).ToContainTextAsync("gluetun down");
            await Assertions.Expect(banner).ToContainTextAsync("qBittorrent", new() { Timeout = Timeout });
        }
        finally
        {
            // The collection's other tests share this simulated homelab.
            (await docker.PostAsync("/v1.47/containers/gluetun/start", null)).EnsureSuccessStatusCode();
        }

        await Assertions.Expect(banner).ToHaveCountAsync(0, new() { Timeout = Timeout });
        await Assertions.Expect(badge).ToHaveAttributeAsync("data-stale", "false", new() { Timeout = Timeout });
        await Assertions.Expect(badge).ToHaveAttributeAsync("data-vpn-state", "running");
        Assert.Equal(ContainerState.Running, Live.Current.FindHost("docker-server")?.Containers.SingleOrDefault(c => c.Name == "gluetun")?.State);
        await page.Context.CloseAsync();
    }
}
