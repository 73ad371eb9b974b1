using Homelab.Dashboard.Configuration;
using Homelab.Domain.Ports;

namespace Homelab.Dashboard.Adapters;

/// <summary>Builds the outbound adapters for resolved sources; tests replace it to plug in fakes.</summary>
internal interface ISourceAdapterFactory
{
    IClusterSource CreateCluster(ProxmoxConnection connection);

    IContainerSource CreateContainerHost(DockerConnection connection);

    ITorrentSource CreateTorrentClient(QBittorrentConnection connection);

    IVpnSource CreateVpn(GluetunConnection connection);
}
