using Homelab.Domain.Ports;

namespace Homelab.Dashboard.Live;

/// <summary>The adapters and collectors in use, for the action path and for on-demand reads (logs).</summary>
/// <remarks>Filled once at start-up by <see cref="CollectorHost"/>; read-only afterwards.</remarks>
internal sealed class SourceRegistry
{
    private Dictionary<string, IContainerSource> _containerHosts = new(StringComparer.Ordinal);
    private Dictionary<string, ISourceRefresher> _refreshers = new(StringComparer.Ordinal);

    public IClusterSource? Cluster { get; private set; }

    public ITorrentSource? Torrents { get; private set; }

    public IVpnSource? Vpn { get; private set; }

    public IReadOnlyDictionary<string, IContainerSource> ContainerHosts => _containerHosts;

    public IContainerSource? FindContainerHost(string host) => _containerHosts.GetValueOrDefault(host);

    /// <summary>Asks a source's collector for fresh data now.</summary>
    public void RequestRefresh(string sourceId) => _refreshers.GetValueOrDefault(sourceId)?.RequestRefresh();

    internal void Populate(IClusterSource? cluster, IReadOnlyDictionary<string, IContainerSource> containerHosts, IEnumerable<ISourceRefresher> refreshers, ITorrentSource? torrents = null, IVpnSource? vpn = null)
    {
        Cluster = cluster;
        Torrents = torrents;
        Vpn = vpn;
        _containerHosts = new Dictionary<string, IContainerSource>(containerHosts, StringComparer.Ordinal);
        _refreshers = refreshers.ToDictionary(r => r.SourceId, StringComparer.Ordinal);
    }
}
