using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Simulator;
using Homelab.Dashboard.Simulator.State;
using Microsoft.Extensions.Logging.Abstractions;

namespace Homelab.Tests.Shared;

/// <summary>
/// The simulated homelab with its wire servers on free loopback ports, without the rest of the dashboard:
/// for testing the simulator and adapters over real HTTP.
/// </summary>
internal sealed class SimulatorFixture : IAsyncDisposable
{
    private SimulatorFixture(SimulatedHomelab homelab, SimulatorHost host, HomelabOptions options, string dataDirectory)
    {
        Homelab = homelab;
        Host = host;
        Options = options;
        DataDirectory = dataDirectory;
    }

    public SimulatedHomelab Homelab { get; }

    public SimulatorHost Host { get; }

    public HomelabOptions Options { get; }

    public string DataDirectory { get; }

    public SimulatorEndpoints Endpoints => Host.Endpoints!;

    public Uri ProxmoxUrl => Endpoints.ProxmoxUrl!;

    public string ProxmoxFingerprint => Endpoints.ProxmoxFingerprint!;

    public Uri DockerUrl => Endpoints.DockerUrl!;

    public string TokenId => Options.Simulator.ProxmoxTokenId;

    public string TokenSecret => Options.Simulator.ProxmoxTokenSecret;

    /// <summary>Starts both simulated upstreams on ports picked by the OS.</summary>
    /// <param name="delayScale">Shrinks simulated durations (power actions, stops) to keep tests quick.</param>
    /// <param name="configure">Changes further settings (e.g. the simulated qBittorrent version) before it starts.</param>
    public static async Task<SimulatorFixture> StartAsync(double delayScale = 0.1, TimeSpan? authFailureDelay = null, TimeProvider? timeProvider = null, Action<HomelabOptions>? configure = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("homelab-sim-").FullName;
        var options = new HomelabOptions
        {
            Demo = true,
            Database = { Path = Path.Combine(dataDirectory, "homelab.db") },
            Simulator =
            {
                ProxmoxPort = 0,
                DockerPort = 0,
                QBittorrentPort = 0,
                GluetunPort = 0,
                OllamaPort = 0,
                OllamaTokenDelay = TimeSpan.Zero,
                DelayScale = delayScale,
                AuthFailureDelay = authFailureDelay ?? TimeSpan.FromMilliseconds(50),
            },
        };
        configure?.Invoke(options);
        var time = timeProvider ?? TimeProvider.System;
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        var homelab = new SimulatedHomelab(wrapped, time);
        var host = new SimulatorHost(wrapped, homelab, time, NullLogger<SimulatorHost>.Instance);
        await host.StartAsync(CancellationToken.None);
        return new SimulatorFixture(homelab, host, options, dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(CancellationToken.None);
        await Host.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
