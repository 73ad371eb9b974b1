using Homelab.Dashboard.Simulator.State;

namespace Homelab.Dashboard.Simulator.Docker;

/// <summary>The Docker Engine API wire format, served from the simulated homelab.</summary>
internal static class DockerSimulatorApi
{
    public static void Map(WebApplication app, SimulatedHomelab homelab)
    {
        ArgumentNullException.ThrowIfNull(app);
        _ = homelab;
    }
}
