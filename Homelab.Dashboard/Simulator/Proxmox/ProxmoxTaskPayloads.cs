using System.Text.Json.Nodes;
using Homelab.Dashboard.Simulator.State;

namespace Homelab.Dashboard.Simulator.Proxmox;

/// <summary>Task status, log and list, as <c>PVE/API2/Tasks.pm</c> and <c>Nodes.pm</c> answer.</summary>
internal static class ProxmoxTaskPayloads
{
    public static JsonObject Status(SimTaskView task)
    {
        var item = Common(task);
        item["status"] = task.Running ? "running" : "stopped";
        if (!task.Running)
        {
            item["exitstatus"] = task.ExitStatus;
        }

        return item;
    }

    /// <summary>Log lines numbered from 1, paged with <c>start</c> (0-based) and <c>limit</c>.</summary>
    public static JsonArray Log(SimTaskView task, int start, int limit) =>
        [.. task.Log.Select((text, index) => (JsonNode)new JsonObject { ["n"] = index + 1, ["t"] = text }).Skip(start).Take(limit)];

    /// <summary>In the node's task list a finished task's <c>status</c> is its exit status; a running one has none.</summary>
    public static JsonArray List(IEnumerable<SimTaskView> tasks) => [.. tasks.Select(task =>
    {
        var item = Common(task);
        if (!task.Running)
        {
            item["status"] = task.ExitStatus;
            item["endtime"] = task.EndTime;
        }

        return (JsonNode)item;
    })];

    private static JsonObject Common(SimTaskView task) => new()
    {
        ["upid"] = task.Upid,
        ["node"] = task.Node,
        ["pid"] = task.Pid,
        ["pstart"] = task.PStart,
        ["starttime"] = task.StartTime,
        ["type"] = task.Type,
        ["id"] = task.Id,
        ["user"] = task.User,
    };
}
