using Homelab.Dashboard.Adapters.Docker;
using Homelab.Dashboard.Adapters.Gluetun;
using Homelab.Dashboard.Adapters.Proxmox;
using Homelab.Dashboard.Adapters.QBittorrent;
using Homelab.Dashboard.Configuration;
using Homelab.Domain.Ports;
using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Adapters;

/// <summary>Creates the real HTTP adapters, one long-lived client per source.</summary>
internal sealed class SourceAdapterFactory(IOptions<HomelabOptions> options, ILoggerFactory loggerFactory, TimeProvider timeProvider) : ISourceAdapterFactory
{
    public IClusterSource CreateCluster(ProxmoxConnection connection) =>
        ProxmoxAdapterFactory.Create(connection, options.Value.Proxmox, loggerFactory, timeProvider);

    public IContainerSource CreateContainerHost(DockerConnection connection) =>
        DockerAdapterFactory.Create(connection, options.Value.Docker, loggerFactory, timeProvider);

    public ITorrentSource CreateTorrentClient(QBittorrentConnection connection) =>
        QBittorrentAdapterFactory.Create(connection, options.Value.QBittorrent, loggerFactory, timeProvider);

    public IVpnSource CreateVpn(GluetunConnection connection) =>
        GluetunAdapterFactory.Create(connection, options.Value.Gluetun, loggerFactory, timeProvider);
}
