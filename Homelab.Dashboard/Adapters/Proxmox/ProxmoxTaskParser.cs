using System.Text.Json;
using Homelab.Dashboard.Adapters.Http;
using Homelab.Domain.Cluster;

namespace Homelab.Dashboard.Adapters.Proxmox;

/// <summary>Reads a guest's <c>status/current</c>, the UPID a power request answers with, and task status.</summary>
internal static class ProxmoxTaskParser
{
    public static GuestStatusReading ParseGuestStatus(JsonElement data)
    {
        var current = ProxmoxJson.RequireObject(data, "guest status");
        var status = ProxmoxClusterParser.ParseGuestStatus(current.String("status"));

        // QEMU says "running" for a paused VM; qmpstatus has the real run state.
        if (status == GuestStatus.Running && current.String("qmpstatus") is "paused" or "suspended")
        {
            status = GuestStatus.Paused;
        }

        var held = current.String("lock");
        return new GuestStatusReading(status, current.Seconds("uptime"), string.IsNullOrEmpty(held) ? null : held);
    }

    public static string ParseUpid(JsonElement data) =>
        data.ValueKind == JsonValueKind.String && data.GetString() is { } text && Upid.TryParse(text, out var upid)
            ? upid.Value
            : throw new FormatException($"power request: expected a task id (UPID), got {Describe(data)}");

    public static ProxmoxTaskStatus ParseTaskStatus(string upid, JsonElement data)
    {
        var task = ProxmoxJson.RequireObject(data, "task status");
        var running = task.String("status") switch
        {
            "running" => true,
            "stopped" => false,
            var other => throw new FormatException($"task status: unexpected status '{other ?? "(none)"}'"),
        };
        return new ProxmoxTaskStatus(upid, running, running ? null : task.String("exitstatus"));
    }

    private static string Describe(JsonElement data) =>
        data.ValueKind == JsonValueKind.String ? $"'{Truncate(data.GetString() ?? "", 80)}'" : ProxmoxJson.Describe(data);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
