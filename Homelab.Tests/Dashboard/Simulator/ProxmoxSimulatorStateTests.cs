using System.Net;
using System.Text.Json;
using Homelab.Tests.Shared;
using static Homelab.Tests.Dashboard.Simulator.ProxmoxSimulatorFixture;

namespace Homelab.Tests.Dashboard.Simulator;

/// <summary>
/// Simulated Proxmox API calls that change the homelab. They share one simulator and stay out of each other's way:
/// LXC 104 (shutdown), VM 103 (stop/start), MediaServer (offline), LXC 101 (start while running: no change).
/// </summary>
public sealed class ProxmoxSimulatorStateTests(ProxmoxSimulatorFixture fixture) : IClassFixture<ProxmoxSimulatorFixture>
{
    private SimulatorFixture Simulator => fixture.Simulator;

    [Fact]
    public async Task PowerAction_Shutdown_FollowsTheTaskUntilTheGuestIsStopped()
    {
        var simulator = Simulator;
        using var client = RawClient(simulator);

        var (status, _, body) = await SendAsync(client, HttpMethod.Post, "nodes/AIServer/lxc/104/status/shutdown", new FormUrlEncodedContent([new("timeout", "60")]));

        Assert.Equal(200, status);
        var upid = body.GetProperty("data").GetString()!;
        Assert.StartsWith("UPID:AIServer:", upid, StringComparison.Ordinal);
        Assert.Contains(":vzshutdown:104:root@pam!homelab-demo:", upid, StringComparison.Ordinal);
        var running = await GetDataAsync(client, $"nodes/AIServer/tasks/{Uri.EscapeDataString(upid)}/status");
        Assert.Equal("running", running.GetProperty("status").GetString());
        Assert.False(running.TryGetProperty("exitstatus", out _));
        Assert.Equal("vzshutdown", running.GetProperty("type").GetString());
        Assert.Equal("104", running.GetProperty("id").GetString());
        Assert.Equal("root@pam!homelab-demo", running.GetProperty("user").GetString());

        var done = await ProxmoxTaskPolling.WaitForTaskAsync(client, "AIServer", upid);

        Assert.Equal("OK", done.GetProperty("exitstatus").GetString());
        var guest = await GetDataAsync(client, "nodes/AIServer/lxc/104/status/current");
        Assert.Equal("stopped", guest.GetProperty("status").GetString());
        var log = (await GetDataAsync(client, $"nodes/AIServer/tasks/{Uri.EscapeDataString(upid)}/log")).EnumerateArray().ToList();
        Assert.Equal(1, log[0].GetProperty("n").GetInt32());
        Assert.Equal("TASK OK", log[^1].GetProperty("t").GetString());
        var tasks = (await GetDataAsync(client, "nodes/AIServer/tasks?vmid=104")).EnumerateArray().ToList();
        Assert.Equal("OK", Assert.Single(tasks).GetProperty("status").GetString());
    }

    [Fact]
    public async Task PowerAction_StartStoppedQemu_BringsItBack()
    {
        var simulator = Simulator;
        using var client = RawClient(simulator);
        var stop = await SendAsync(client, HttpMethod.Post, "nodes/pve/qemu/103/status/stop");
        await ProxmoxTaskPolling.WaitForTaskAsync(client, "pve", stop.Body.GetProperty("data").GetString()!);

        var start = await SendAsync(client, HttpMethod.Post, "nodes/pve/qemu/103/status/start");
        var task = await ProxmoxTaskPolling.WaitForTaskAsync(client, "pve", start.Body.GetProperty("data").GetString()!);

        Assert.Equal("qmstart", task.GetProperty("type").GetString());
        Assert.Equal("OK", task.GetProperty("exitstatus").GetString());
        var guest = await GetDataAsync(client, "nodes/pve/qemu/103/status/current");
        Assert.Equal("running", guest.GetProperty("qmpstatus").GetString());
    }

    [Fact]
    public async Task OfflineNode_IsListedWithoutFiguresAndItsCallsAnswer595()
    {
        var simulator = Simulator;
        using var client = RawClient(simulator);
        Assert.True(simulator.Homelab.SetNodeOnline("MediaServer", online: false));

        var resources = (await GetDataAsync(client, "cluster/resources")).EnumerateArray().ToList();
        var status = await GetDataAsync(client, "cluster/status");
        var (code, reason, _) = await SendAsync(client, HttpMethod.Get, "nodes/MediaServer/status");
        var power = await SendAsync(client, HttpMethod.Post, "nodes/MediaServer/lxc/200/status/shutdown");

        var node = resources.Single(i => i.GetProperty("id").GetString() == "node/MediaServer");
        Assert.Equal("offline", node.GetProperty("status").GetString());
        Assert.False(node.TryGetProperty("cpu", out _));
        Assert.False(node.TryGetProperty("mem", out _));
        var docker = resources.Single(i => i.GetProperty("id").GetString() == "lxc/200");
        Assert.Equal("unknown", docker.GetProperty("status").GetString());
        Assert.False(docker.TryGetProperty("cpu", out _));
        var das = resources.Single(i => i.GetProperty("id").GetString() == "storage/MediaServer/das");
        Assert.Equal("unknown", das.GetProperty("status").GetString());
        Assert.False(das.TryGetProperty("disk", out _));
        Assert.Equal(0, status.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "MediaServer").GetProperty("online").GetInt32());
        Assert.Equal(1, status.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "cluster").GetProperty("quorate").GetInt32());
        Assert.Equal(595, code);
        Assert.Equal("No route to host", reason);
        Assert.Equal(595, power.Status);
    }

    [Fact]
    public async Task Ticket_LoginWithTokenSecret_CookieWorksAndWritesNeedCsrf()
    {
        var simulator = Simulator;
        using var anonymous = RawClient(simulator, authorization: "");
        var login = await SendAsync(anonymous, HttpMethod.Post, "access/ticket", new FormUrlEncodedContent([new("username", "root@pam"), new("password", simulator.TokenSecret)]));
        Assert.Equal(200, login.Status);
        var ticket = login.Body.GetProperty("data").GetProperty("ticket").GetString()!;
        var csrf = login.Body.GetProperty("data").GetProperty("CSRFPreventionToken").GetString()!;
        using var withCookie = RawClient(simulator, authorization: "");
        withCookie.DefaultRequestHeaders.Add("Cookie", $"PVEAuthCookie={WebUtility.UrlEncode(ticket)}");

        var nodes = await GetDataAsync(withCookie, "nodes");
        var withoutCsrf = await SendAsync(withCookie, HttpMethod.Post, "nodes/AIServer/lxc/101/status/start");
        withCookie.DefaultRequestHeaders.Add("CSRFPreventionToken", csrf);
        var withCsrf = await SendAsync(withCookie, HttpMethod.Post, "nodes/AIServer/lxc/101/status/start");

        Assert.Equal(3, nodes.GetArrayLength());
        Assert.Equal(401, withoutCsrf.Status);
        Assert.Equal(200, withCsrf.Status);
        Assert.Contains(":root@pam:", withCsrf.Body.GetProperty("data").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ticket_WrongPassword_Answers401WithNullData()
    {
        var simulator = Simulator;
        using var anonymous = RawClient(simulator, authorization: "");

        var login = await SendAsync(anonymous, HttpMethod.Post, "access/ticket", new FormUrlEncodedContent([new("username", "root@pam"), new("password", "guess")]));

        Assert.Equal(401, login.Status);
        Assert.Equal(JsonValueKind.Null, login.Body.GetProperty("data").ValueKind);
    }
}
