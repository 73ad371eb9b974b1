using System.Diagnostics;
using System.Globalization;

namespace Homelab.Bench;

/// <summary>The published dashboard running in demo mode as its own process, with fixed simulator ports.</summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, Uri baseAddress, Uri dockerUrl, Uri proxmoxUrl)
    {
        _process = process;
        BaseAddress = baseAddress;
        DockerUrl = dockerUrl;
        ProxmoxUrl = proxmoxUrl;
    }

    public Uri BaseAddress { get; }

    public Uri DockerUrl { get; }

    public Uri ProxmoxUrl { get; }

    /// <param name="data">The data folder; reuse it to measure a restart (database already created and migrated).</param>
    public static async Task<AppProcess> StartAsync(string dll, string data, int port, int dockerPort, int proxmoxPort, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["Homelab__Database__Path"] = Path.Combine(data, "homelab.db");
        info.Environment["Homelab__Simulator__DockerPort"] = dockerPort.ToString(CultureInfo.InvariantCulture);
        info.Environment["Homelab__Simulator__QBittorrentPort"] = "0";
        info.Environment["Homelab__Simulator__GluetunPort"] = "0";
        info.Environment["Homelab__Simulator__OllamaPort"] = "0";
        info.Environment["Homelab__Simulator__ProxmoxPort"] = proxmoxPort.ToString(CultureInfo.InvariantCulture);
        info.Environment["Logging__LogLevel__Default"] = "Warning";

        // The runtime settings the Docker image ships with.
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["DOTNET_GCgen0size"] = "0x100000";
        info.Environment["DOTNET_GCRegionSize"] = "0x100000";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"[app] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}/"), new Uri($"http://127.0.0.1:{dockerPort}/"), new Uri($"https://127.0.0.1:{proxmoxPort}/"));
        using var client = new HttpClient();
        for (var i = 0; i < 150; i++)
        {
            try
            {
                if ((await client.GetAsync(new Uri(app.BaseAddress, "healthz"))).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException("The dashboard did not start within 30 s.");
    }

    /// <summary>Resident set size of the dashboard process, in MiB (from /proc).</summary>
    public double RssMiB()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                return kb / 1024.0;
            }
        }

        throw new InvalidOperationException("VmRSS not found.");
    }

    /// <summary>CPU time the process has used so far (user + system), from /proc.</summary>
    public TimeSpan CpuTime()
    {
        // Fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command name, in clock ticks (100 per second).
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>The median of several RSS readings a second apart, so a GC in progress does not skew one reading.</summary>
    public async Task<double> SettledRssMiBAsync(int readings = 5)
    {
        var values = new List<double>();
        for (var i = 0; i < readings; i++)
        {
            values.Add(RssMiB());
            await Task.Delay(1_000);
        }

        values.Sort();
        return values[values.Count / 2];
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
