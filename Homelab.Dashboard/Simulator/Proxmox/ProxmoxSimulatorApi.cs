using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Simulator.State;

namespace Homelab.Dashboard.Simulator.Proxmox;

/// <summary>The Proxmox VE <c>/api2/json</c> wire format, served from the simulated homelab.</summary>
internal static class ProxmoxSimulatorApi
{
    public static void Map(WebApplication app, SimulatedHomelab homelab, SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        _ = homelab;
        _ = options;
    }
}
