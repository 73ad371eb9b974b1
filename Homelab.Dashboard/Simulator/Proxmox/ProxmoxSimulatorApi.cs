using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Simulator.State;

namespace Homelab.Dashboard.Simulator.Proxmox;

/// <summary>
/// The Proxmox VE <c>/api2/json</c> wire format, served from the simulated homelab: good enough for the dashboard's
/// adapter and for unmodified third-party clients (proxmoxer).
/// </summary>
internal static class ProxmoxSimulatorApi
{
    public static void Map(WebApplication app, SimulatedHomelab homelab, SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(homelab);
        ArgumentNullException.ThrowIfNull(options);

        // Authentication comes before routing decisions, as in pveproxy: without credentials even an unknown path is a 401.
        var auth = new ProxmoxSimulatorAuth(options, () => homelab.Now);
        app.Use(auth.InvokeAsync);

        var handlers = new ProxmoxSimulatorHandlers(homelab);
        var api = app.MapGroup("/api2/json");
        api.MapPost("/access/ticket", auth.TicketAsync);
        api.MapGet("/version", context => ProxmoxWire.DataAsync(context, ProxmoxClusterPayloads.Version()));
        api.MapGet("/cluster/status", context => ProxmoxWire.DataAsync(context, ProxmoxClusterPayloads.Status(homelab.ReadCluster())));
        api.MapGet("/cluster/resources", handlers.ResourcesAsync);
        api.MapGet("/nodes", context => ProxmoxWire.DataAsync(context, ProxmoxClusterPayloads.Nodes(homelab.ReadCluster())));
        api.MapGet("/nodes/{node}/status", handlers.NodeStatusAsync);
        api.MapGet("/nodes/{node}/rrddata", handlers.NodeRrdAsync);
        api.MapGet("/nodes/{node}/storage", handlers.StorageAsync);
        api.MapGet("/nodes/{node}/tasks", handlers.TasksAsync);
        api.MapGet("/nodes/{node}/tasks/{upid}/status", handlers.TaskStatusAsync);
        api.MapGet("/nodes/{node}/tasks/{upid}/log", handlers.TaskLogAsync);
        api.MapGet("/nodes/{node}/{type}", handlers.GuestListAsync);
        api.MapGet("/nodes/{node}/{type}/{vmid}/status/current", handlers.GuestStatusAsync);
        api.MapGet("/nodes/{node}/{type}/{vmid}/rrddata", handlers.GuestRrdAsync);
        api.MapPost("/nodes/{node}/{type}/{vmid}/status/{action}", handlers.PowerAsync);

        // Unknown paths, and known paths with the wrong method, get pveproxy's 501.
        app.MapFallback(ProxmoxWire.NotImplementedAsync);
    }
}
