using Homelab.Dashboard.Simulator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Homelab.Tests.Integration;

/// <summary>
/// The real dashboard on a loopback port (Kestrel, not TestServer) in demo mode: the simulator's Proxmox and
/// Docker APIs on free ports, a fresh SQLite file, and quick simulated durations.
/// </summary>
public class HomelabAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("homelab-it-").FullName;

    /// <summary>Settings applied before the app reads its configuration; add to them before the fixture starts.</summary>
    protected Dictionary<string, string?> Settings { get; } = new();

    public HomelabAppFactory()
    {
        Settings["Homelab:Demo"] = "true";
        Settings["Homelab:Database:Path"] = Path.Combine(_dataDirectory, "homelab.db");
        Settings["Homelab:Simulator:ProxmoxPort"] = "0";
        Settings["Homelab:Simulator:DockerPort"] = "0";
        Settings["Homelab:Simulator:QBittorrentPort"] = "0";
        Settings["Homelab:Simulator:GluetunPort"] = "0";
        Settings["Homelab:Simulator:OllamaPort"] = "0";
        Settings["Homelab:Simulator:OllamaTokenDelay"] = "00:00:00";
        Settings["Homelab:Simulator:DelayScale"] = "0.25";
        Settings["Homelab:Simulator:AuthFailureDelay"] = "00:00:00.100";
        Settings["Homelab:Proxmox:PollInterval"] = "00:00:01";
        Settings["Homelab:Docker:PollInterval"] = "00:00:02";
        Settings["Homelab:Actions:PollInterval"] = "00:00:00.250";
    }

    public string DatabasePath => Settings["Homelab:Database:Path"]!;

    /// <summary>The dashboard's own address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>Where the simulated Docker Engine API listens.</summary>
    public Uri SimulatedDockerUrl => Services.GetRequiredService<SimulatorHost>().Endpoints!.DockerUrl!;

    /// <summary>Where the simulated Proxmox API listens.</summary>
    public Uri SimulatedProxmoxUrl => Services.GetRequiredService<SimulatorHost>().Endpoints!.ProxmoxUrl!;

    public virtual ValueTask InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        return ValueTask.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="timeout"/> passes.</summary>
    public static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0.#} s waiting for {what}.");
            }

            await Task.Delay(25);
        }
    }
}
