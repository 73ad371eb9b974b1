using Homelab.Dashboard.Simulator.State;
using Homelab.Domain.Cluster;
using static Homelab.Dashboard.Simulator.Proxmox.ProxmoxWire;

namespace Homelab.Dashboard.Simulator.Proxmox;

/// <summary>
/// The request handlers of the simulated API. They check what pveproxy checks, in its order: an unknown guest type
/// or verb has no handler (501), bad parameters fail schema validation (400), then the node must exist (500) and be
/// reachable (595, as the proxy to another node reports), then the guest or task must exist (500).
/// </summary>
internal sealed partial class ProxmoxSimulatorHandlers(SimulatedHomelab homelab)
{
    private static readonly string[] s_resourceTypes = ["vm", "storage", "node", "sdn"];

    public Task ResourcesAsync(HttpContext context)
    {
        var type = Query(context, "type");
        if (type is not null && !s_resourceTypes.Contains(type))
        {
            return ParameterErrorAsync(context, "type", $"value '{type}' does not have a value in the enumeration '{string.Join(", ", s_resourceTypes)}'");
        }

        // The simulated cluster has no SDN zones, so asking for them lists nothing.
        return DataAsync(context, type == "sdn" ? [] : ProxmoxClusterPayloads.Resources(homelab.ReadCluster(), type));
    }

    public async Task NodeStatusAsync(HttpContext context)
    {
        if (await RequireNodeAsync(context) is { } node)
        {
            await DataAsync(context, ProxmoxNodePayloads.Status(node));
        }
    }

    public async Task NodeRrdAsync(HttpContext context)
    {
        if (await RequireTimeframeAsync(context) && await RequireNodeAsync(context) is { } node)
        {
            // Only the hour is kept; longer timeframes get the same points, which is enough for a demo.
            await DataAsync(context, ProxmoxNodePayloads.NodeRrd(homelab.ReadNodeRrd(node.Name) ?? []));
        }
    }

    public async Task StorageAsync(HttpContext context)
    {
        if (await RequireNodeAsync(context) is { } node)
        {
            await DataAsync(context, ProxmoxNodePayloads.Storage(homelab.ReadStorage(node.Name)));
        }
    }

    public async Task GuestListAsync(HttpContext context)
    {
        if (GuestKindOf(context) is not { } kind)
        {
            await NotImplementedAsync(context);
            return;
        }

        if (await RequireNodeAsync(context) is { } node)
        {
            var guests = homelab.ReadCluster().Guests.Where(g => g.Node == node.Name && g.Kind == kind);
            await DataAsync(context, ProxmoxGuestPayloads.List(guests));
        }
    }

    public async Task GuestStatusAsync(HttpContext context)
    {
        if (await RequireGuestAsync(context) is { } guest)
        {
            await DataAsync(context, ProxmoxGuestPayloads.Current(guest));
        }
    }

    public async Task GuestRrdAsync(HttpContext context)
    {
        if (await RequireTimeframeAsync(context) && await RequireGuestAsync(context) is { } guest)
        {
            await DataAsync(context, ProxmoxNodePayloads.GuestRrd(homelab.ReadGuestRrd(guest.VmId) ?? []));
        }
    }

    /// <summary>Answers at once with the task's UPID; the guest changes state when the task finishes.</summary>
    public async Task PowerAsync(HttpContext context)
    {
        PowerAction? action = Route(context, "action") switch
        {
            "start" => PowerAction.Start,
            "stop" => PowerAction.Stop,
            "shutdown" => PowerAction.Shutdown,
            "reboot" => PowerAction.Reboot,
            _ => null,
        };
        if (action is null || GuestKindOf(context) is not { } kind)
        {
            await NotImplementedAsync(context);
            return;
        }

        if (await RequireVmIdAsync(context) is not { } vmId || !await RequireTimeoutAsync(context) || await RequireNodeAsync(context) is not { } node)
        {
            return;
        }

        var user = ProxmoxSimulatorAuth.UserOf(context) ?? "root@pam";
        var result = homelab.StartPowerTask(node.Name, kind, vmId, action.Value, user);
        if (result.Upid is { } upid)
        {
            await DataAsync(context, upid);
        }
        else
        {
            await ErrorAsync(context, result.StatusCode, result.Error ?? "unknown error");
        }
    }

    public async Task TaskStatusAsync(HttpContext context)
    {
        if (await RequireTaskAsync(context) is { } task)
        {
            await DataAsync(context, ProxmoxTaskPayloads.Status(task));
        }
    }

    public async Task TaskLogAsync(HttpContext context)
    {
        if (await RequireTaskAsync(context) is { } task)
        {
            await DataAsync(context, ProxmoxTaskPayloads.Log(task, QueryInt(context, "start") ?? 0, QueryInt(context, "limit") ?? 50));
        }
    }

    public async Task TasksAsync(HttpContext context)
    {
        if (await RequireNodeAsync(context) is { } node)
        {
            var vmId = Query(context, "vmid");
            var tasks = homelab.ReadTasks(node.Name, int.MaxValue)
                .Where(t => vmId is null || t.Id == vmId)
                .Skip(QueryInt(context, "start") ?? 0)
                .Take(QueryInt(context, "limit") ?? 50);
            await DataAsync(context, ProxmoxTaskPayloads.List(tasks));
        }
    }
}
