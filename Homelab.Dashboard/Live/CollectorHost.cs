using Homelab.Dashboard.Adapters;
using Homelab.Dashboard.Configuration;
using Homelab.Domain.Ports;
using Homelab.Domain.Sources;
using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Live;

/// <summary>
/// Starts exactly one collector per resolved source (after the simulator, whose ports it needs) and stops them on
/// shutdown. This is the only place upstream polling begins.
/// </summary>
internal sealed class CollectorHost(
    SourceCatalog catalog,
    SourceRegistry registry,
    ISourceAdapterFactory adapters,
    LiveHomelabStore store,
    IOptions<HomelabOptions> options,
    IServiceProvider services) : IHostedService
{
    private readonly List<PollingCollector> _collectors = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var sources = catalog.Resolve();
        IClusterSource? cluster = null;
        if (sources.Proxmox is { } proxmox)
        {
            cluster = adapters.CreateCluster(proxmox);
            store.RegisterSource(new SourceStatus
            {
                Id = SourceIds.Proxmox,
                Kind = SourceKind.Proxmox,
                DisplayName = "Proxmox VE",
                Endpoint = proxmox.BaseUrl.GetLeftPart(UriPartial.Authority),
                Simulated = proxmox.Simulated,
                Interval = settings.Proxmox.PollInterval,
            });
            _collectors.Add(ActivatorUtilities.CreateInstance<ProxmoxCollector>(
                services, SourceIds.Proxmox, cluster, settings.Proxmox.PollInterval, settings.Proxmox.DetailsInterval));
        }

        var hosts = new Dictionary<string, IContainerSource>(StringComparer.Ordinal);
        foreach (var docker in sources.Docker)
        {
            var source = adapters.CreateContainerHost(docker);
            hosts[docker.Name] = source;
            store.RegisterSource(new SourceStatus
            {
                Id = SourceIds.Docker(docker.Name),
                Kind = SourceKind.Docker,
                DisplayName = $"Docker · {docker.Name}",
                Endpoint = docker.Endpoint.Display,
                Simulated = docker.Simulated,
                Interval = settings.Docker.PollInterval,
            });
            _collectors.Add(ActivatorUtilities.CreateInstance<DockerCollector>(
                services, source, settings.Docker.PollInterval, settings.Docker.StatsConcurrency));
        }

        ITorrentSource? torrents = null;
        if (sources.QBittorrent is { } qbittorrent)
        {
            torrents = adapters.CreateTorrentClient(qbittorrent);
            store.RegisterSource(new SourceStatus
            {
                Id = SourceIds.QBittorrent,
                Kind = SourceKind.QBittorrent,
                DisplayName = "qBittorrent",
                Endpoint = qbittorrent.BaseUrl.GetLeftPart(UriPartial.Authority),
                Simulated = qbittorrent.Simulated,
                Interval = settings.QBittorrent.PollInterval,
            });
            _collectors.Add(ActivatorUtilities.CreateInstance<QBittorrentCollector>(services, torrents, settings.QBittorrent.PollInterval));
        }

        IVpnSource? vpn = null;
        if (sources.Gluetun is { } gluetun)
        {
            vpn = adapters.CreateVpn(gluetun);
            store.RegisterSource(new SourceStatus
            {
                Id = SourceIds.Gluetun,
                Kind = SourceKind.Gluetun,
                DisplayName = "gluetun VPN",
                Endpoint = gluetun.BaseUrl.GetLeftPart(UriPartial.Authority),
                Simulated = gluetun.Simulated,
                Interval = settings.Gluetun.PollInterval,
            });
            _collectors.Add(ActivatorUtilities.CreateInstance<GluetunCollector>(services, vpn, settings.Gluetun.PollInterval));
        }

        registry.Populate(cluster, hosts, _collectors, torrents, vpn);
        foreach (var collector in _collectors)
        {
            await collector.StartAsync(cancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(_collectors.Select(c => c.StopAsync(cancellationToken)));
        foreach (var collector in _collectors)
        {
            collector.Dispose();
        }
    }
}
