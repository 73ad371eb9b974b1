using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Homelab.Dashboard.Embed;
using Homelab.Dashboard.Embed.Tokens;
using Homelab.Dashboard.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace Homelab.Bench;

/// <summary>
/// First loads as a browser sees them, against the published app in demo mode: each embed (bytes transferred
/// including headers, compressed as served, server time to first byte) and the full dashboard at <c>/</c> (bytes,
/// TTFB, DOMContentLoaded, load, and the moment the circuit is interactive). Medians of cold loads in fresh contexts.
/// </summary>
internal static class EmbedBench
{
    private const int Runs = 7;

    public static async Task<int> RunAsync(string dll)
    {
        var data = Directory.CreateTempSubdirectory("homelab-bench-embed-").FullName;
        var results = new List<(string Measure, string Value)>();
        try
        {
            await using var app = await AppProcess.StartAsync(dll, data, port: 5093, dockerPort: 22377, proxmoxPort: 28008);
            var token = await CreateTokenAsync(Path.Combine(data, "homelab.db"));
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            Console.Error.WriteLine("Letting the first data arrive for 10 s…");
            await Task.Delay(10_000);

            foreach (var view in EmbedScopes.Views)
            {
                var loads = new List<Load>();
                for (var i = 0; i < Runs; i++)
                {
                    loads.Add(await LoadAsync(browser, new Uri(app.BaseAddress, $"embed/{view.Name()}?token={token}"), interactive: false));
                }

                var ttfb = await ServerTtfbAsync(new Uri(app.BaseAddress, $"embed/{view.Name()}?token={token}"));
                results.Add(($"/embed/{view.Name()}: first load, bytes transferred ({loads[0].Requests} request{(loads[0].Requests == 1 ? "" : "s")})", Kb(Median(loads, l => l.Bytes))));
                results.Add(($"/embed/{view.Name()}: server time to first byte (median of 50)", Ms(ttfb)));
                results.Add(($"/embed/{view.Name()}: browser TTFB / load", $"{Ms(Median(loads, l => l.Ttfb))} / {Ms(Median(loads, l => l.LoadEvent))}"));
            }

            var full = new List<Load>();
            for (var i = 0; i < Runs; i++)
            {
                full.Add(await LoadAsync(browser, app.BaseAddress, interactive: true));
            }

            results.Add(($"/: first load over http, bytes transferred ({full[0].Requests} requests; chromium asks for gzip, not br)", Kb(Median(full, l => l.Bytes))));

            results.Add(("/: TTFB", Ms(Median(full, l => l.Ttfb))));
            results.Add(("/: DOMContentLoaded / load", $"{Ms(Median(full, l => l.DomContentLoaded))} / {Ms(Median(full, l => l.LoadEvent))}"));
            results.Add(("/: interactive (#ready[data-interactive=true])", Ms(Median(full, l => l.Interactive))));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }

        Console.WriteLine();
        Console.WriteLine("| Measure | Result |");
        Console.WriteLine("|---|---|");
        foreach (var (measure, value) in results)
        {
            Console.WriteLine($"| {measure} | {value} |");
        }

        return 0;
    }

    /// <summary>A token made the way the settings page makes one, in the app's own (already migrated) database.</summary>
    private static async Task<string> CreateTokenAsync(string databasePath)
    {
        var store = new EmbedTokenStore(new Contexts($"Data Source={databasePath}"), TimeProvider.System, NullLogger<EmbedTokenStore>.Instance);
        var created = await store.CreateAsync("bench", EmbedScopes.All, null, "bench", CancellationToken.None);
        store.Dispose();
        return created.Value;
    }

    private static async Task<Load> LoadAsync(IBrowser browser, Uri url, bool interactive)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(url.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var interactiveAt = 0.0;
        if (interactive)
        {
            await page.WaitForSelectorAsync("#ready[data-interactive=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
            interactiveAt = await page.EvaluateAsync<double>("performance.now()");
        }

        // Navigation and resource timing carry transferSize (headers + encoded body) for same-origin responses.
        // An embed's event stream and the circuit's WebSocket never finish, so they are not part of a first load.
        var json = await page.EvaluateAsync<JsonElement>("""
            (() => { const n = performance.getEntriesByType('navigation')[0]; const r = performance.getEntriesByType('resource');
              return { bytes: n.transferSize + r.reduce((s, e) => s + e.transferSize, 0), requests: 1 + r.length,
                       ttfb: n.responseStart - n.requestStart, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd }; })()
            """);
        return new Load(
            json.GetProperty("bytes").GetDouble(), json.GetProperty("requests").GetInt32(), json.GetProperty("ttfb").GetDouble(),
            json.GetProperty("dcl").GetDouble(), json.GetProperty("load").GetDouble(), interactiveAt);
    }

    /// <summary>Request sent to response headers read, over a kept-alive loopback connection: the server's own time.</summary>
    private static async Task<double> ServerTtfbAsync(Uri url)
    {
        using var client = new HttpClient();
        var times = new List<double>();
        for (var i = 0; i < 55; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            response.EnsureSuccessStatusCode();
            if (i >= 5)
            {
                times.Add(elapsed); // the first few warm the connection and the JIT
            }
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static double Median(List<Load> loads, Func<Load, double> measure)
    {
        var values = loads.Select(measure).Order().ToList();
        return values[values.Count / 2];
    }

    private static string Kb(double bytes) => $"{bytes / 1024:0.0} KB";

    private static string Ms(double ms) => $"{ms.ToString("0.0", CultureInfo.InvariantCulture)} ms";

    private sealed record Load(double Bytes, int Requests, double Ttfb, double DomContentLoaded, double LoadEvent, double Interactive);

    private sealed class Contexts(string connectionString) : IDbContextFactory<HomelabDbContext>
    {
        public HomelabDbContext CreateDbContext() => new(new DbContextOptionsBuilder<HomelabDbContext>().UseSqlite(connectionString).Options);
    }
}
