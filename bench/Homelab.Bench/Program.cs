using System.Diagnostics;
using System.Globalization;
using Homelab.Bench;
using Microsoft.Playwright;

// Measures the live path of the published dashboard in demo mode:
//   idle RSS; RSS with 1, 10 and 50 live pages; change→DOM latency for a Docker change (p50/p95);
//   upstream requests per minute with 1 page and with 50.
// Usage: dotnet run --project bench/Homelab.Bench -c Release -- <path/to/Homelab.Dashboard.dll> [samples]
//    or: dotnet run --project bench/Homelab.Bench -c Release -- traces [rows]   (the trace store alone; bench/traces.sh)
//    or: dotnet run --project bench/Homelab.Bench -c Release -- agent [turns]   (the agent's overhead per model call; bench/agent.sh)
//    or: dotnet run --project bench/Homelab.Bench -c Release -- embed <path/to/Homelab.Dashboard.dll>   (first loads of the embeds and /; bench/embed.sh)
if (args is ["agent", ..])
{
    return await AgentBench.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200);
}

if (args is ["embed", var embedDll])
{
    return await EmbedBench.RunAsync(Path.GetFullPath(embedDll));
}

if (args is ["traces", ..])
{
    return await TracesBench.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
}

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Homelab.Bench <Homelab.Dashboard.dll> [latency samples]");
    return 2;
}

var samples = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var n) ? n : 20;
var torrentsOnly = args.Contains("--torrents-only");
const string Container = "bazarr";
var dll = Path.GetFullPath(args[0]);
var data = Directory.CreateTempSubdirectory("homelab-bench-").FullName;
var results = new ResultList();

if (torrentsOnly)
{
    using var torrentsPlaywright = await Playwright.CreateAsync();
    await using var torrentsBrowser = await LaunchAsync(torrentsPlaywright);
    await TorrentMeasuresAsync(dll, torrentsBrowser, results);
    PrintTable(results);
    return 0;
}

// First start: the database is created and migrated, so EF Core's migrator is loaded.
await using (var first = await AppProcess.StartAsync(dll, data, port: 5091, dockerPort: 22375, proxmoxPort: 28006))
{
    Console.Error.WriteLine("First start: settling the idle app for 20 s…");
    await Task.Delay(20_000);
    results.Add(("Idle RSS, first start (creates the database)", $"{await first.SettledRssMiBAsync():0} MiB"));
}

// Every later start finds the database current; this is the app as it normally runs.
await using var app = await AppProcess.StartAsync(dll, data, port: 5091, dockerPort: 22375, proxmoxPort: 28006);
using var playwright = await Playwright.CreateAsync();
await using var browser = await LaunchAsync(playwright);
var pages = new LivePages(browser, app, Container);
using var docker = new HttpClient { BaseAddress = app.DockerUrl };

Console.Error.WriteLine("Restarted: settling the idle app for 20 s…");
await Task.Delay(20_000);
results.Add(("Idle RSS, restart", $"{await app.SettledRssMiBAsync():0} MiB"));

var rss = new Dictionary<int, double>();
foreach (var count in new[] { 1, 10, 50 })
{
    Console.Error.WriteLine($"Opening pages up to {count}…");
    await pages.OpenUpToAsync(count);
    await Task.Delay(10_000);
    rss[count] = await app.SettledRssMiBAsync();
    results.Add(($"RSS with {count} live page{(count == 1 ? "" : "s")}", $"{rss[count]:0} MiB"));
    if (count is 1 or 50)
    {
        var rate = await UpstreamRateAsync(app);
        results.Add(($"Upstream requests/min, {count} page{(count == 1 ? "" : "s")}", rate));
        var latencies = await pages.MeasureLatencyAsync(docker, samples);
        results.Add(($"Docker change→DOM, {count} page{(count == 1 ? "" : "s")} (p50 / p95, {latencies.Count} observations)", $"{Percentile(latencies, 50):0} ms / {Percentile(latencies, 95):0} ms"));
    }
}

results.Add(("Memory per extra live page (1→50)", $"{(rss[50] - rss[1]) / 49:0.00} MiB"));

await TorrentMeasuresAsync(dll, browser, results);
PrintTable(results);
Directory.Delete(data, recursive: true);
return 0;

static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

// Torrents: the merge and fan-out in-process, then end to end against a second dashboard process.
static async Task TorrentMeasuresAsync(string dll, IBrowser browser, ResultList results)
{
    foreach (var subscribers in new[] { 1, 50 })
    {
        var (mergeMicroseconds, fanOutMicroseconds) = await MergeBench.RunAsync(torrents: 5_000, changedPerTick: 50, subscribers, ticks: 300);
        results.Add(($"Torrents: merge of a 1 % diff into 5,000 (per tick)", $"{mergeMicroseconds:0} µs"));
        results.Add(($"Torrents: fan-out to {subscribers} live subscriber{(subscribers == 1 ? "" : "s")} applying it (per tick)", $"{fanOutMicroseconds:0} µs"));
    }

    var (cpuPerTick, bytesPerTick, torrentCount) = await TorrentsBench.RunAsync(dll, browser, TimeSpan.FromSeconds(60));
    results.Add(($"Torrents, {torrentCount:N0} with 1 % changing per second, one open /torrents page: dashboard CPU per tick", $"{cpuPerTick:0.0} ms"));
    results.Add(("Torrents: bytes sent to that page per tick", $"{bytesPerTick / 1024:0.0} KiB"));
}

static void PrintTable(ResultList results)
{
    Console.WriteLine();
    Console.WriteLine("| Measure | Result |");
    Console.WriteLine("|---|---|");
    foreach (var (measure, value) in results)
    {
        Console.WriteLine($"| {measure} | {value} |");
    }
}

static async Task<string> UpstreamRateAsync(AppProcess app)
{
    // A quiet minute: nothing but the dashboard's own collectors talks to the simulator.
    using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
    using var client = new HttpClient(handler);
    async Task<(long Proxmox, long Docker)> ReadAsync() => (
        long.Parse(await client.GetStringAsync(new Uri(app.ProxmoxUrl, "_simulator/requests")), CultureInfo.InvariantCulture),
        long.Parse(await client.GetStringAsync(new Uri(app.DockerUrl, "_simulator/requests")), CultureInfo.InvariantCulture));
    var before = await ReadAsync();
    var clock = Stopwatch.StartNew();
    await Task.Delay(60_000);
    var after = await ReadAsync();
    var minutes = clock.Elapsed.TotalMinutes;
    return $"Proxmox {(after.Proxmox - before.Proxmox) / minutes:0}, Docker {(after.Docker - before.Docker) / minutes:0}";
}

static double Percentile(List<double> values, int percentile)
{
    var sorted = values.Order().ToList();
    var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
}

/// <summary>The table's rows, each also printed as it is measured, so a failure later on loses nothing.</summary>
internal sealed class ResultList : List<(string Measure, string Value)>
{
    public new void Add((string Measure, string Value) row)
    {
        Console.Error.WriteLine($"  {row.Measure}: {row.Value}");
        base.Add(row);
    }
}
