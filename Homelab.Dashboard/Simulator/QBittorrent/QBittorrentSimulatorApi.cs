using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Simulator.State;

namespace Homelab.Dashboard.Simulator.QBittorrent;

/// <summary>The qBittorrent WebUI API v2, served from the simulated homelab.</summary>
internal static class QBittorrentSimulatorApi
{
    public static void Map(WebApplication app, SimulatedHomelab homelab, SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        _ = homelab;
        _ = options;
    }
}
