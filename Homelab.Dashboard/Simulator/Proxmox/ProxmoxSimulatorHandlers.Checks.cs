using System.Globalization;
using Homelab.Dashboard.Simulator.State;
using Homelab.Domain.Cluster;
using static Homelab.Dashboard.Simulator.Proxmox.ProxmoxWire;

namespace Homelab.Dashboard.Simulator.Proxmox;

// The checks each handler makes before it answers; each writes pveproxy's error itself and returns null or false.
internal sealed partial class ProxmoxSimulatorHandlers
{
    private static readonly string[] s_timeframes = ["hour", "day", "week", "month", "year", "decade"];
    private static readonly string[] s_consolidations = ["AVERAGE", "MAX"];

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
