using System.Diagnostics;
using Microsoft.Playwright;

namespace Homelab.Bench;

/// <summary>
/// The torrent live path end to end: one dashboard plays the homelab (its simulated qBittorrent with 5,000 torrents,
/// about 1 % changing each second); a second dashboard, configured against that qBittorrent like against a real one,
/// serves one open /torrents page. The second process's CPU and the bytes its page receives are the cost of merging
/// and fanning out, without the simulator's own work.
/// </summary>
internal static class TorrentsBench
{
    public static async Task<(double CpuMillisecondsPerTick, double BytesPerTick, int Torrents)> RunAsync(string dll, IBrowser browser, TimeSpan window)
    {
        var homelabData = Directory.CreateTempSubdirectory("homelab-bench-home-").FullName;
        var dashboardData = Directory.CreateTempSubdirectory("homelab-bench-dash-").FullName;
        await using var homelab = await AppProcess.StartAsync(dll, homelabData, port: 5093, dockerPort: 0, proxmoxPort: 0, new Dictionary<string, string>
        {
            ["Homelab__Simulator__QBittorrentPort"] = "28080",
            ["Homelab__Simulator__ExtraTorrents"] = "4980",
        });
        await using var dashboard = await AppProcess.StartAsync(dll, dashboardData, port: 5094, dockerPort: 0, proxmoxPort: 0, new Dictionary<string, string>
        {
            ["Homelab__QBittorrent__Url"] = "http://127.0.0.1:28080",
            ["Homelab__QBittorrent__Username"] = "admin",
            ["Homelab__QBittorrent__Password"] = "homelab-demo",
        });

        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = dashboard.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        long bytes = 0;
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) => Interlocked.Add(ref bytes, frame.Binary?.Length ?? System.Text.Encoding.UTF8.GetByteCount(frame.Text ?? ""));
        await page.GotoAsync("/torrents");
        await page.WaitForSelectorAsync("#ready[data-interactive=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await page.WaitForSelectorAsync("[data-testid^=torrent-row-]", new PageWaitForSelectorOptions { Timeout = 30_000 });
        var rows = await page.EvaluateAsync<int>("() => document.querySelectorAll('[data-testid^=torrent-row-]').length");
        Console.Error.WriteLine($"Torrents page open ({rows} rows rendered); settling 15 s…");
        await Task.Delay(15_000);

        Interlocked.Exchange(ref bytes, 0);
        var cpuBefore = dashboard.CpuTime();
        var clock = Stopwatch.StartNew();
        await Task.Delay(window);
        var cpu = dashboard.CpuTime() - cpuBefore;
        var seconds = clock.Elapsed.TotalSeconds;
        var received = Interlocked.Read(ref bytes);
        await context.CloseAsync();

        Directory.Delete(homelabData, recursive: true);
        Directory.Delete(dashboardData, recursive: true);
        return (cpu.TotalMilliseconds / seconds, received / seconds, 5_000);
    }
}
