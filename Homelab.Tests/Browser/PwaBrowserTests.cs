using System.Text.Json;
using Microsoft.Playwright;

namespace Homelab.Tests.Browser;

/// <summary>
/// The installable app in chromium: manifest, icons, service worker, offline page. Each test opens its own browser
/// context with service workers allowed (the other browser tests block them), so no cache outlives its test.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PwaBrowserTests(BrowserFixture fixture)
{
    private async Task<IPage> OpenWithServiceWorkerAsync(string path = "/")
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1200, Height = 900 },
            ServiceWorkers = ServiceWorkerPolicy.Allow,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await WaitForInteractiveAsync(page);
        return page;
    }

    private static async Task WaitForInteractiveAsync(IPage page) =>
        await page.WaitForSelectorAsync("#ready[data-interactive=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 15_000 });

    /// <summary>Waits until the worker is active, then reloads so the page is loaded through it.</summary>
    private static async Task ReloadUnderServiceWorkerAsync(IPage page)
    {
        var state = await page.EvaluateAsync<string>("async () => (await navigator.serviceWorker.ready).active.state");
        Assert.Equal("activated", state);
        await page.ReloadAsync();
        await WaitForInteractiveAsync(page);
    }

    [Fact]
    public async Task Manifest_LinkedFromThePage_HasTheInstallFieldsAndIconsOfTheDeclaredSizes()
    {
        var page = await OpenWithServiceWorkerAsync();

        var json = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const href = document.querySelector("link[rel=manifest]").href;
              const response = await fetch(href);
              const manifest = await response.json();
              const size = (src) => new Promise((resolve) => {
                const image = new Image();
                image.onload = () => resolve(`${image.naturalWidth}x${image.naturalHeight}`);
                image.onerror = () => resolve("failed");
                image.src = new URL(src, href).href;
              });
              const icons = [];
              for (const icon of manifest.icons) {
                icons.push({ sizes: icon.sizes, type: icon.type, purpose: icon.purpose ?? "any", actual: await size(icon.src) });
              }
              const shortcuts = [];
              for (const shortcut of manifest.shortcuts ?? []) {
                const icon = shortcut.icons?.[0];
                shortcuts.push({ url: shortcut.url, name: shortcut.name, sizes: icon?.sizes ?? "", actual: icon ? await size(icon.src) : "none" });
              }
              return { contentType: response.headers.get("content-type"), manifest, icons, shortcuts };
            }
            """);

        Assert.StartsWith("application/manifest+json", json.GetProperty("contentType").GetString(), StringComparison.Ordinal);
        var manifest = json.GetProperty("manifest");
        foreach (var field in new[] { "id", "name", "short_name", "description", "start_url", "scope", "background_color", "theme_color" })
        {
            Assert.False(string.IsNullOrWhiteSpace(manifest.GetProperty(field).GetString()), $"manifest field {field} is empty");
        }

        Assert.Equal("standalone", manifest.GetProperty("display").GetString());
        Assert.Equal("/", manifest.GetProperty("scope").GetString());

        var icons = json.GetProperty("icons").EnumerateArray().ToList();
        foreach (var icon in icons.Where(i => i.GetProperty("type").GetString() == "image/png"))
        {
            Assert.Equal(icon.GetProperty("sizes").GetString(), icon.GetProperty("actual").GetString());
        }

        bool Has(string sizes, string purpose) => icons.Any(i =>
            i.GetProperty("type").GetString() == "image/png" && i.GetProperty("sizes").GetString() == sizes
            && i.GetProperty("purpose").GetString()!.Split(' ').Contains(purpose));
        Assert.True(Has("192x192", "any"), "no 192 px PNG icon for any purpose");
        Assert.True(Has("512x512", "any"), "no 512 px PNG icon for any purpose");
        Assert.True(Has("192x192", "maskable") || Has("512x512", "maskable"), "no maskable PNG icon");

        var shortcuts = json.GetProperty("shortcuts").EnumerateArray().ToList();
        Assert.Equal(["/containers", "/torrents", "/chat"], shortcuts.Select(s => s.GetProperty("url").GetString()));
        Assert.All(shortcuts, s => Assert.Equal(s.GetProperty("sizes").GetString(), s.GetProperty("actual").GetString()));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ServiceWorker_AfterReload_ControlsThePage()
    {
        var page = await OpenWithServiceWorkerAsync();

        await ReloadUnderServiceWorkerAsync(page);

        var controller = await page.EvaluateAsync<string?>("() => navigator.serviceWorker.controller?.scriptURL ?? null");
        Assert.NotNull(controller);
        var url = new Uri(controller);
        Assert.Equal("/sw.js", url.AbsolutePath);
        Assert.Matches("^\\?v=[0-9a-f]{12}$", url.Query);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ServiceWorker_ReloadWhileOffline_ShowsTheOfflinePage()
    {
        var page = await OpenWithServiceWorkerAsync("/containers");
        await ReloadUnderServiceWorkerAsync(page);

        await page.Context.SetOfflineAsync(true);
        await page.ReloadAsync();

        await Assertions.Expect(page.GetByTestId("offline-title")).ToHaveTextAsync("The dashboard is offline");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Retry" })).ToBeVisibleAsync();
        // The address stays the page the reader asked for, so Retry brings it back.
        Assert.EndsWith("/containers", page.Url, StringComparison.Ordinal);

        // Back online, the offline page reloads the address by itself once the server answers.
        await page.Context.SetOfflineAsync(false);
        await page.WaitForSelectorAsync("#ready[data-interactive=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        Assert.EndsWith("/containers", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ServiceWorker_LiveEndpoints_AreNeverCachedNorServedOffline()
    {
        var page = await OpenWithServiceWorkerAsync();
        await ReloadUnderServiceWorkerAsync(page);

        // Touch each live endpoint with a GET, as a page or a widget might, while online.
        await page.EvaluateAsync("""
            async () => {
              for (const url of ["/api/ai/agent", "/hubs/homelab", "/_blazor/initializers", "/api/ai/agent?probe=1"]) {
                try { await fetch(url); } catch { }
              }
            }
            """);
        var cached = await page.EvaluateAsync<string[]>("""
            async () => {
              const urls = [];
              for (const name of await caches.keys()) {
                const cache = await caches.open(name);
                for (const request of await cache.keys()) {
                  urls.push(new URL(request.url).pathname);
                }
              }
              return urls;
            }
            """);

        // The worker does cache: the offline page and the page's own styles are there...
        Assert.Contains("/offline.html", cached);
        Assert.Contains(cached, url => url.StartsWith("/css/", StringComparison.Ordinal));
        // ...but nothing live.
        Assert.DoesNotContain(cached, url => url.StartsWith("/_blazor", StringComparison.Ordinal) || url.StartsWith("/hubs", StringComparison.Ordinal) || url.StartsWith("/api", StringComparison.Ordinal));

        await page.Context.SetOfflineAsync(true);
        var offline = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const outcome = async (url) => { try { const r = await fetch(url); return `answered ${r.status}`; } catch { return "failed"; } };
              const css = document.querySelector("link[rel=stylesheet][href*='css/app']").href;
              return { api: await outcome("/api/ai/agent"), hub: await outcome("/hubs/homelab"), blazor: await outcome("/_blazor/initializers"), css: await outcome(css) };
            }
            """);
        Assert.Equal("failed", offline.GetProperty("api").GetString());
        Assert.Equal("failed", offline.GetProperty("hub").GetString());
        Assert.Equal("failed", offline.GetProperty("blazor").GetString());
        Assert.Equal("answered 200", offline.GetProperty("css").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Reconnect_ServerRejectsTheCircuit_ReloadsThePage()
    {
        var page = await OpenWithServiceWorkerAsync("/cluster");
        await page.EvaluateAsync("() => { window.hlBeforeReload = true; }");

        await page.RunAndWaitForRequestAsync(() => page.EvaluateAsync("""
            () => document.getElementById("components-reconnect-modal")
              .dispatchEvent(new CustomEvent("components-reconnect-state-changed", { detail: { state: "rejected" } }))
            """), request => request.IsNavigationRequest);

        await WaitForInteractiveAsync(page);
        Assert.False(await page.EvaluateAsync<bool>("() => window.hlBeforeReload === true"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Reconnect_PausedCircuitThenThePageIsShownAgain_ResumesTheRealCircuit()
    {
        var page = await OpenWithServiceWorkerAsync("/containers");
        var dialog = page.Locator("#components-reconnect-modal");

        // A real pause of this page's circuit (.NET 10): blazor.web.js reports it on our dialog.
        await page.EvaluateAsync("() => Blazor.pauseCircuit()");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("components-reconnect-paused"));

        await page.EvaluateAsync("() => document.dispatchEvent(new Event('visibilitychange'))");

        await Assertions.Expect(dialog).ToBeHiddenAsync(new LocatorAssertionsToBeHiddenOptions { Timeout = 15_000 });
        // The resumed circuit answers events again.
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Cluster" }).First.ClickAsync();
        await page.WaitForURLAsync("**/cluster");
        await Assertions.Expect(page.GetByTestId("guest-row-101")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Reconnect_RetriesGaveUpThenThePageIsShownAgain_RejoinsAtOnce()
    {
        var page = await OpenWithServiceWorkerAsync("/cluster");
        // Stand-ins record the calls; the real circuit is untouched.
        await page.EvaluateAsync("""
            () => {
              window.hlCalls = [];
              Blazor.reconnect = async () => { window.hlCalls.push("reconnect"); return true; };
              const dialog = document.getElementById("components-reconnect-modal");
              dialog.dispatchEvent(new CustomEvent("components-reconnect-state-changed", { detail: { state: "failed" } }));
            }
            """);
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('components-reconnect-modal').open"));
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.hlCalls"));

        await page.EvaluateAsync("() => document.dispatchEvent(new Event('visibilitychange'))");

        await page.WaitForFunctionAsync("() => window.hlCalls.length === 1");
        Assert.Equal(["reconnect"], await page.EvaluateAsync<string[]>("() => window.hlCalls"));
        await page.Context.CloseAsync();
    }
}
