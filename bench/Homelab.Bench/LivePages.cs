using System.Globalization;
using Microsoft.Playwright;

namespace Homelab.Bench;

/// <summary>Many open dashboard pages (one browser context each), all watching one container's row.</summary>
internal sealed class LivePages(IBrowser browser, AppProcess app, string container)
{
    // Records, in each page, when the container's state text changes (epoch ms, the same clock the bench reads).
    private const string ObserverScript = """
        (name) => {
          window.__marks = [];
          const cell = () => document.querySelector(`[data-testid="container-row-${name}"] [data-testid="container-state"]`);
          window.__last = cell()?.textContent;
          new MutationObserver(() => {
            const text = cell()?.textContent;
            if (text !== undefined && text !== window.__last) { window.__last = text; window.__marks.push([text, Date.now()]); }
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    private readonly List<IPage> _pages = [];

    public async Task OpenUpToAsync(int count)
    {
        while (_pages.Count < count)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });
            var page = await context.NewPageAsync();
            await page.GotoAsync($"/containers?q={container}");
            await page.WaitForSelectorAsync("#ready[data-interactive=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
            await page.WaitForSelectorAsync($"[data-testid=container-row-{container}]", new PageWaitForSelectorOptions { Timeout = 30_000 });
            await page.EvaluateAsync(ObserverScript, container);
            _pages.Add(page);
        }
    }

    /// <summary>
    /// Stops and starts the container through the simulated Docker API (as another client would), and records how
    /// long after the API answered each page's DOM showed the new state.
    /// </summary>
    public async Task<List<double>> MeasureLatencyAsync(HttpClient docker, int samples)
    {
        var latencies = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var (verb, expected) = i % 2 == 0 ? ("stop", "exited") : ("start", "running");
            foreach (var page in _pages)
            {
                await page.EvaluateAsync("() => { window.__marks = []; }");
            }

            var response = await docker.PostAsync($"/v1.47/containers/{container}/{verb}?t=1", null);
            var answeredAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            if ((int)response.StatusCode is not (204 or 304))
            {
                throw new InvalidOperationException($"{verb} answered {(int)response.StatusCode}");
            }

            foreach (var page in _pages)
            {
                var handle = await page.WaitForFunctionAsync("(s) => window.__marks.some(m => m[0] === s)", expected, new PageWaitForFunctionOptions { Timeout = 10_000, PollingInterval = 20 });
                await handle.DisposeAsync();
                var seenAt = await page.EvaluateAsync<double>("(s) => window.__marks.find(m => m[0] === s)[1]", expected);
                latencies.Add(Math.Max(0, seenAt - answeredAt));
            }

            // Let the collectors settle between samples, as real changes are spaced out.
            await Task.Delay(TimeSpan.FromMilliseconds(700));
        }

        return latencies;
    }

    public override string ToString() => _pages.Count.ToString(CultureInfo.InvariantCulture);
}
