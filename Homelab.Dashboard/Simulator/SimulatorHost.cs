using System.Net;
using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Simulator.Docker;
using Homelab.Dashboard.Simulator.Gluetun;
using Homelab.Dashboard.Simulator.Ollama;
using Homelab.Dashboard.Simulator.Proxmox;
using Homelab.Dashboard.Simulator.QBittorrent;
using Homelab.Dashboard.Simulator.State;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Simulator;

/// <summary>Where the simulated upstreams listen, once they have started.</summary>
internal sealed record SimulatorEndpoints(Uri? ProxmoxUrl, string? ProxmoxFingerprint, Uri? DockerUrl, Uri? QBittorrentUrl = null, Uri? GluetunUrl = null, Uri? OllamaUrl = null);

/// <summary>
/// Runs the simulated homelab's upstream APIs on loopback in demo mode: the Proxmox VE API over HTTPS with a
/// self-signed certificate, the Docker Engine API over plain HTTP the way a docker-socket-proxy serves it, the
/// qBittorrent WebUI, gluetun's control server, and Ollama with a scripted model.
/// </summary>
/// <remarks>
/// These are real HTTP servers with their own Kestrel instances, not in-process shortcuts: the dashboard's adapters,
/// and any third-party client, talk to them exactly as to a real homelab.
/// </remarks>
internal sealed partial class SimulatorHost(
    IOptions<HomelabOptions> options,
    SimulatedHomelab homelab,
    TimeProvider timeProvider,
    ILogger<SimulatorHost> logger) : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<WebApplication> _servers = [];
    private Task? _ticking;
    private int _stopped;

    /// <summary>Path on each simulated server that reports how many requests it has served (for the benchmark).</summary>
    public const string RequestCountPath = "/_simulator/requests";

    /// <summary>Set once <see cref="StartAsync"/> has bound the ports; null when nothing is simulated.</summary>
    public SimulatorEndpoints? Endpoints { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var simulateProxmox = settings.IsDemo && !settings.Proxmox.IsConfigured;
        var simulateDocker = settings.IsDemo && !settings.Docker.IsConfigured;
        var simulateQBittorrent = settings.IsDemo && !settings.QBittorrent.IsConfigured;
        var simulateGluetun = settings.IsDemo && !settings.Gluetun.IsConfigured;
        var simulateOllama = settings.IsDemo && !settings.Ollama.IsConfigured;
        if (!simulateProxmox && !simulateDocker && !simulateQBittorrent && !simulateGluetun && !simulateOllama)
        {
            return;
        }

        var simulator = settings.Simulator;
        var address = IPAddress.Parse(simulator.BindAddress);
        _ticking = homelab.RunAsync(_stopping.Token);

        Uri? proxmoxUrl = null;
        string? fingerprint = null;
        if (simulateProxmox)
        {
            var certificatePath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.Database.Path)) ?? ".", "simulator-proxmox.pfx");
            var certificate = SimulatorCertificate.LoadOrCreate(certificatePath, timeProvider);
            fingerprint = SimulatorCertificate.Sha256(certificate);
            proxmoxUrl = await StartServerAsync(BuildServer(address, simulator.ProxmoxPort, certificate, app => ProxmoxSimulatorApi.Map(app, homelab, simulator)), "https", cancellationToken);
            LogProxmoxStarted(logger, proxmoxUrl, CertificateFingerprint.Format(fingerprint), simulator.ProxmoxTokenId);
        }

        Uri? dockerUrl = null;
        if (simulateDocker)
        {
            dockerUrl = await StartServerAsync(BuildServer(address, simulator.DockerPort, certificate: null, app => DockerSimulatorApi.Map(app, homelab)), "http", cancellationToken);
            LogDockerStarted(logger, dockerUrl);
        }

        Uri? qbittorrentUrl = null;
        if (simulateQBittorrent)
        {
            qbittorrentUrl = await StartServerAsync(BuildServer(address, simulator.QBittorrentPort, certificate: null, app => QBittorrentSimulatorApi.Map(app, homelab, simulator)), "http", cancellationToken);
            LogQBittorrentStarted(logger, qbittorrentUrl, simulator.QBittorrentVersion, simulator.QBittorrentUsername);
        }

        Uri? gluetunUrl = null;
        if (simulateGluetun)
        {
            gluetunUrl = await StartServerAsync(BuildServer(address, simulator.GluetunPort, certificate: null, app => GluetunSimulatorApi.Map(app, homelab, simulator)), "http", cancellationToken);
            LogGluetunStarted(logger, gluetunUrl);
        }

        Uri? ollamaUrl = null;
        if (simulateOllama)
        {
            ollamaUrl = await StartServerAsync(BuildServer(address, simulator.OllamaPort, certificate: null, app => OllamaSimulatorApi.Map(app, simulator, timeProvider)), "http", cancellationToken);
            LogOllamaStarted(logger, ollamaUrl, OllamaSimCatalog.Version, OllamaSimCatalog.ChatModel);
        }

        Endpoints = new SimulatorEndpoints(proxmoxUrl, fingerprint, dockerUrl, qbittorrentUrl, gluetunUrl, ollamaUrl);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host stops it once, and tests that own it may too; only the first call does anything.
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        foreach (var app in _servers)
        {
            await app.StopAsync(cancellationToken);
        }

        if (_ticking is not null)
        {
            await _ticking;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        foreach (var app in _servers)
        {
            await app.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private static WebApplication BuildServer(IPAddress address, int port, System.Security.Cryptography.X509Certificates.X509Certificate2? certificate, Action<WebApplication> map)
    {
        // An empty builder: the simulated upstream must not pick up the dashboard's configuration, logging or middleware.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, port, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
        });
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var served = 0L;
        app.Use(async (context, next) =>
        {
            // Counting what the dashboard asks of its upstreams is how the benchmark proves that the request rate
            // does not grow with the number of open pages.
            if (context.Request.Path == RequestCountPath)
            {
                await context.Response.WriteAsync(Interlocked.Read(ref served).ToString(System.Globalization.CultureInfo.InvariantCulture));
                return;
            }

            Interlocked.Increment(ref served);
            await next(context);
        });
        map(app);
        return app;
    }

    private async Task<Uri> StartServerAsync(WebApplication app, string scheme, CancellationToken cancellationToken)
    {
        _servers.Add(app);
        await app.StartAsync(cancellationToken);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        // Kestrel reports the bound address with the real port even when 0 was asked for.
        var uri = new Uri(bound);
        return new UriBuilder(scheme, uri.Host, uri.Port).Uri;
    }

    [LoggerMessage(2001, LogLevel.Information, "Demo mode: simulated Proxmox VE API on {Url} (self-signed certificate, SHA-256 {Fingerprint}; token id {TokenId}).")]
    private static partial void LogProxmoxStarted(ILogger logger, Uri url, string fingerprint, string tokenId);

    [LoggerMessage(2002, LogLevel.Information, "Demo mode: simulated Docker Engine API on {Url} (as a docker-socket-proxy serves it).")]
    private static partial void LogDockerStarted(ILogger logger, Uri url);

    [LoggerMessage(2003, LogLevel.Information, "Demo mode: simulated qBittorrent {Version} WebUI API on {Url} (user {Username}).")]
    private static partial void LogQBittorrentStarted(ILogger logger, Uri url, string version, string username);

    [LoggerMessage(2004, LogLevel.Information, "Demo mode: simulated gluetun control server on {Url}.")]
    private static partial void LogGluetunStarted(ILogger logger, Uri url);

    [LoggerMessage(2005, LogLevel.Information, "Demo mode: simulated Ollama {Version} API on {Url} (scripted homelab model as {Model}).")]
    private static partial void LogOllamaStarted(ILogger logger, Uri url, string version, string model);
}
