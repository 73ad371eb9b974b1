using System.Globalization;
using Homelab.Dashboard.Simulator.State;
using Homelab.Domain.Cluster;
using static Homelab.Dashboard.Simulator.Proxmox.ProxmoxWire;

namespace Homelab.Dashboard.Simulator.Proxmox;

/// <summary>
/// The request handlers of the simulated API. They check what pveproxy checks, in its order: an unknown guest type
/// or verb has no handler (501), bad parameters fail schema validation (400), then the node must exist (500) and be
/// reachable (595, as the proxy to another node reports), then the guest or task must exist (500).
/// </summary>
internal sealed class ProxmoxSimulatorHandlers(SimulatedHomelab homelab)
{
    private static readonly string[] s_timeframes = ["hour", "day", "week", "month", "year", "decade"];
    private static readonly string[] s_consolidations = ["AVERAGE", "MAX"];
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

    private async Task<SimNodeView?> RequireNodeAsync(HttpContext context)
    {
        var name = Route(context, "node");
        var node = homelab.ReadNode(name);
        if (node is null)
        {
            await ErrorAsync(context, 500, $"hostname lookup '{name}' failed - failed to get address info for: {name}: Name or service not known");
            return null;
        }

        if (!node.Online)
        {
            // pveproxy forwards node calls to that node; AnyEvent::HTTP reports the failed connection as 595.
            await ErrorAsync(context, 595, "No route to host");
            return null;
        }

        return node;
    }

    private async Task<SimGuestView?> RequireGuestAsync(HttpContext context)
    {
        if (GuestKindOf(context) is not { } kind)
        {
            await NotImplementedAsync(context);
            return null;
        }

        if (await RequireVmIdAsync(context) is not { } vmId || await RequireNodeAsync(context) is not { } node)
        {
            return null;
        }

        if (homelab.ReadGuest(vmId) is { } guest && guest.Node == node.Name && guest.Kind == kind)
        {
            return guest;
        }

        var folder = kind == GuestKind.Qemu ? "qemu-server" : "lxc";
        await ErrorAsync(context, 500, $"Configuration file 'nodes/{node.Name}/{folder}/{vmId}.conf' does not exist");
        return null;
    }

    private async Task<SimTaskView?> RequireTaskAsync(HttpContext context)
    {
        var upid = Route(context, "upid");
        if (!Upid.TryParse(upid, out _))
        {
            await ParameterErrorAsync(context, "upid", $"unable to parse worker upid '{upid}'");
            return null;
        }

        if (await RequireNodeAsync(context) is not { } node)
        {
            return null;
        }

        if (homelab.ReadTask(upid) is { } task && task.Node == node.Name)
        {
            return task;
        }

        await ErrorAsync(context, 500, "no such task");
        return null;
    }

    private static async Task<int?> RequireVmIdAsync(HttpContext context)
    {
        var text = Route(context, "vmid");
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var vmId))
        {
            await ParameterErrorAsync(context, "vmid", $"type check ('integer') failed - got '{text}'");
            return null;
        }

        if (vmId < 100)
        {
            await ParameterErrorAsync(context, "vmid", "value must have a minimum value of 100");
            return null;
        }

        return vmId;
    }

    private static async Task<bool> RequireTimeframeAsync(HttpContext context)
    {
        var timeframe = Query(context, "timeframe");
        var why = timeframe switch
        {
            null => "property is missing and it is not optional",
            _ when !s_timeframes.Contains(timeframe) => $"value '{timeframe}' does not have a value in the enumeration '{string.Join(", ", s_timeframes)}'",
            _ => null,
        };
        if (why is not null)
        {
            await ParameterErrorAsync(context, "timeframe", why);
            return false;
        }

        if (Query(context, "cf") is { } cf && !s_consolidations.Contains(cf))
        {
            await ParameterErrorAsync(context, "cf", $"value '{cf}' does not have a value in the enumeration '{string.Join(", ", s_consolidations)}'");
            return false;
        }

        return true;
    }

    /// <summary>Power requests may carry <c>timeout</c> (seconds); the simulator accepts it and otherwise ignores it.</summary>
    private static async Task<bool> RequireTimeoutAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return true;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form["timeout"].ToString() is { Length: > 0 } timeout && !int.TryParse(timeout, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            await ParameterErrorAsync(context, "timeout", $"type check ('integer') failed - got '{timeout}'");
            return false;
        }

        return true;
    }

    private static GuestKind? GuestKindOf(HttpContext context) => Route(context, "type") switch
    {
        "qemu" => GuestKind.Qemu,
        "lxc" => GuestKind.Lxc,
        _ => null,
    };

    private static string Route(HttpContext context, string name) => context.Request.RouteValues[name] as string ?? "";

    private static string? Query(HttpContext context, string name) => context.Request.Query[name].ToString() is { Length: > 0 } value ? value : null;

    private static int? QueryInt(HttpContext context, string name) =>
        int.TryParse(Query(context, name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
