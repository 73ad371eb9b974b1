using System.Globalization;
using Homelab.Tests.Shared;
using Microsoft.Playwright;

namespace Homelab.Tests.Preview;

/// <summary>
/// Measures what one open page costs the server: opens <see cref="Circuits"/> live circuits per page with chromium,
/// lets a few updates flow, and compares the managed heap after a full collection. Explicit:
/// <c>Homelab.Tests -class Homelab.Tests.Preview.PreviewCircuitCost -explicit only</c>; results go to
/// <c>/tmp/homelab-circuit-cost.txt</c>. <c>HOMELAB_COST_PATHS</c> (comma-separated) picks the pages.
/// </summary>
public sealed class PreviewCircuitCost
{
    private const int Circuits = 10;

    [Fact(Explicit = true)]
    public async Task Measure()
    {
        await using var server = PreviewServer.Start(5183);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu"],
        });

        // Warm up every page once so JIT and caches are not counted as page cost.
        var warm = await browser.NewContextAsync();
        foreach (var path in new[] { "/", "/cluster", "/containers", "/sources" })
        {
            await OpenAsync(warm, server.Address, path);
        }

        await warm.CloseAsync();
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);

        var lines = new List<string>();
        var paths = Environment.GetEnvironmentVariable("HOMELAB_COST_PATHS")?.Split(',') ?? ["/", "/cluster", "/containers", "/sources"];
        foreach (var path in paths)
        {
            var before = Heap();
            var contexts = new List<IBrowserContext>();
            for (var i = 0; i < Circuits; i++)
            {
                var context = await browser.NewContextAsync();
                contexts.Add(context);
                await OpenAsync(context, server.Address, path);
            }

            // A few live updates (every 2 s) so each circuit has applied changes and re-rendered.
            await Task.Delay(TimeSpan.FromSeconds(6), TestContext.Current.CancellationToken);
            var after = Heap();
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{path,-12} {(after - before) / (double)Circuits / 1024:0} KiB per circuit (managed heap, {Circuits} circuits)"));
            foreach (var context in contexts)
            {
                await context.CloseAsync();
            }

            await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        }

        await File.WriteAllLinesAsync("/tmp/homelab-circuit-cost.txt", lines, TestContext.Current.CancellationToken);
    }

    private static async Task OpenAsync(IBrowserContext context, Uri server, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(server, path).ToString());
        await page.WaitForSelectorAsync("#ready[data-interactive=true]", new() { State = WaitForSelectorState.Attached });
    }

    private static long Heap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
