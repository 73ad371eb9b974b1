using Homelab.Dashboard.Embed;
using Homelab.Dashboard.Embed.Tokens;
using Homelab.Dashboard.Simulator.State;
using Homelab.Domain.Cluster;
using Homelab.Domain.Live;
using Homelab.Tests.Integration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Homelab.Tests.Browser;

/// <summary>
/// The embeds framed by another site, as Homepage frames them: pages served from other loopback origins
/// (127.0.0.2 is allowed, 127.0.0.3 is not) each hold an iframe of <c>/embed/cluster</c>.
/// </summary>
public sealed class EmbedBrowserTests(EmbedBrowserTests.Fixture fixture) : IClassFixture<EmbedBrowserTests.Fixture>
{
    [Fact]
    public async Task Embed_FramedByAllowedOrigin_ShowsAndUpdatesLive()
    {
        var token = await fixture.TokenAsync();
        var page = await fixture.OpenFramingPageAsync(fixture.AllowedSite, token);
        var frame = page.FrameLocator("#panel");

        await Assertions.Expect(frame.Locator("[data-testid=embed-cluster]")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 15_000 });
        await Assertions.Expect(frame.Locator("[data-testid=embed-node-AIServer]")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 15_000 });
        await Assertions.Expect(frame.Locator("[data-testid=embed-node-AIServer]")).Not.ToHaveClassAsync("off");

        fixture.Simulator.SetNodeOnline("AIServer", online: false);
        try
        {
            await Assertions.Expect(frame.Locator("[data-testid=embed-node-AIServer]")).ToHaveClassAsync("off", new LocatorAssertionsToHaveClassOptions { Timeout = 20_000 });
            await Assertions.Expect(frame.Locator("#embed")).ToHaveAttributeAsync("data-live", "true");
        }
        finally
        {
            fixture.Simulator.SetNodeOnline("AIServer", online: true);
        }

        Assert.Empty(fixture.Violations(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Embed_FramedByOtherOrigin_Refused()
    {
        var token = await fixture.TokenAsync();
        var page = await fixture.OpenFramingPageAsync(fixture.RefusedSite, token);

        // The control iframe on the same page is allowed content (the framing page itself), so the page has loaded.
        await Assertions.Expect(page.Locator("#loaded")).ToBeAttachedAsync();
        var child = page.Frames.Single(f => f != page.MainFrame);
        await HomelabAppFactory.WaitForAsync(() => child.Url.StartsWith("chrome-error:", StringComparison.Ordinal) || fixture.FrameRefusals(page) > 0, TimeSpan.FromSeconds(15), "the frame to be refused");

        Assert.Equal(0, await page.FrameLocator("#panel").Locator("#embed").CountAsync());
        Assert.True(fixture.FrameRefusals(page) > 0 || child.Url.StartsWith("chrome-error:", StringComparison.Ordinal), $"frame url {child.Url}");
        await page.Context.CloseAsync();
    }

    /// <summary>The dashboard allowing 127.0.0.2's site, the two framing sites, and chromium.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private readonly List<WebApplication> _sites = [];
        private readonly Dictionary<IPage, List<string>> _console = [];
        private HeadlessChromium? _chromium;
        private HomelabAppFactory? _app;

        public Uri AllowedSite { get; private set; } = null!;

        public Uri RefusedSite { get; private set; } = null!;

        internal SimulatedHomelab Simulator => _app!.Services.GetRequiredService<SimulatedHomelab>();

        public async ValueTask InitializeAsync()
        {
            var chromium = HeadlessChromium.LaunchAsync();
            AllowedSite = await StartSiteAsync("127.0.0.2");
            RefusedSite = await StartSiteAsync("127.0.0.3");
            _app = new Dashboard(AllowedSite);
            await _app.InitializeAsync();
            _chromium = await chromium;
            var live = _app.Services.GetRequiredService<ILiveHomelab>();
            await HomelabAppFactory.WaitForAsync(() => live.Current.Cluster?.FindNode("AIServer")?.Status == NodeStatus.Online, TimeSpan.FromSeconds(15), "the cluster");
        }

        public async Task<string> TokenAsync() =>
            (await _app!.Services.GetRequiredService<EmbedTokenStore>().CreateAsync("browser", [EmbedScope.Cluster], null, "tests", CancellationToken.None)).Value;

        /// <summary>The framing site's page, holding <c>/embed/cluster</c> in a 480 px iframe as Homepage would.</summary>
        public async Task<IPage> OpenFramingPageAsync(Uri site, string token)
        {
            var context = await _chromium!.Browser.NewContextAsync();
            var page = await context.NewPageAsync();
            var messages = new List<string>();
            _console[page] = messages;
            page.Console += (_, message) => messages.Add(message.Text);
            var src = new Uri(_app!.BaseAddress, $"embed/cluster?token={token}");
            await page.GotoAsync(new Uri(site, $"frame?src={Uri.EscapeDataString(src.ToString())}").ToString());
            return page;
        }

        public IReadOnlyList<string> Violations(IPage page) => [.. _console[page].Where(m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))];

        public int FrameRefusals(IPage page) => _console[page].Count(m => m.Contains("frame-ancestors", StringComparison.OrdinalIgnoreCase));

        public async ValueTask DisposeAsync()
        {
            if (_chromium is not null)
            {
                await _chromium.DisposeAsync();
            }

            foreach (var site in _sites)
            {
                await site.DisposeAsync();
            }

            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
        }

        /// <summary>A one-page site on <paramref name="address"/>: an iframe of whatever <c>?src=</c> names.</summary>
        private async Task<Uri> StartSiteAsync(string address)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseSetting("urls", $"http://{address}:0");
            var site = builder.Build();
            site.MapGet("/frame", (HttpContext http) => Results.Content(
                $"""
                <!DOCTYPE html><html><body><h1 id="loaded">Homepage</h1>
                <iframe id="panel" width="480" height="300" referrerpolicy="no-referrer" src="{System.Net.WebUtility.HtmlEncode(http.Request.Query["src"].ToString())}"></iframe>
                </body></html>
                """,
                "text/html"));
            await site.StartAsync();
            _sites.Add(site);
            var bound = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(bound.EndsWith('/') ? bound : bound + "/");
        }

        private sealed class Dashboard : HomelabAppFactory
        {
            public Dashboard(Uri allowed)
            {
                Settings["Homelab:Embed:AllowedOrigins:0"] = allowed.GetLeftPart(UriPartial.Authority);
                Settings["Homelab:Proxmox:PollInterval"] = "00:00:01";
            }
        }
    }
}
