using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Simulator.State;

namespace Homelab.Dashboard.Simulator.Gluetun;

/// <summary>The gluetun control server, served from the simulated homelab.</summary>
internal static class GluetunSimulatorApi
{
    public static void Map(WebApplication app, SimulatedHomelab homelab, SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        _ = homelab;
        _ = options;
    }
}
