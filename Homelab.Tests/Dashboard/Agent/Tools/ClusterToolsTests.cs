using Homelab.Domain.Cluster;
using Homelab.Domain.Sources;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Agent.Tools;

public sealed class ClusterToolsTests
{
    [Fact]
    public async Task GetClusterStatus_Seed_ReportsQuorumNodesAndGuests()
    {
        var host = new ToolTestHost();

        var result = await host.CallJsonAsync("get_cluster_status");

        Assert.Equal("HomeServer", result.GetProperty("cluster").GetString());
        Assert.True(result.GetProperty("quorate").GetBoolean());
        Assert.Equal(["pve", "MediaServer", "AIServer"], result.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()));
        Assert.Equal(6, result.GetProperty("guests_running").GetInt32());
        Assert.Equal(7, result.GetProperty("guests").GetInt32());
    }

    [Fact]
    public async Task GetClusterStatus_ProxmoxDown_SaysSoWithErrorAndAge()
    {
        var snapshot = TestSnapshots.SeedWithDownloads();
        snapshot = snapshot with { Sources = [.. snapshot.Sources.Select(s => s.Id == TestSnapshots.ProxmoxSourceId ? TestSnapshots.Down(s, TestSnapshots.Now) : s)] };
        var host = new ToolTestHost(snapshot);

        var error = await host.CallErrorAsync("get_cluster_status");

        Assert.Equal("Proxmox VE is down (Unreachable: Connection refused (127.0.0.1:18006)); the last data is 2 min old", error);
    }

    [Fact]
    public async Task ListNodes_NotAnsweredYet_ReturnsError()
    {
        var snapshot = TestSnapshots.SeedWithDownloads() with { Cluster = null };
        snapshot = snapshot with { Sources = [.. snapshot.Sources.Select(s => s.Id == TestSnapshots.ProxmoxSourceId ? s with { Health = SourceHealth.Pending, LastSuccess = null } : s)] };
        var host = new ToolTestHost(snapshot);

        var error = await host.CallErrorAsync("list_nodes");

        Assert.Equal("Proxmox VE has not answered yet", error);
    }

    [Fact]
    public async Task ListNodes_StaleSource_ReturnsDataWithANote()
    {
        var snapshot = TestSnapshots.SeedWithDownloads();
        snapshot = snapshot with { Sources = [.. snapshot.Sources.Select(s => s.Id == TestSnapshots.ProxmoxSourceId ? s with { Health = SourceHealth.Stale, LastSuccess = TestSnapshots.Now.AddSeconds(-40) } : s)] };
        var host = new ToolTestHost(snapshot);

        var result = await host.CallJsonAsync("list_nodes");

        Assert.Equal(3, result.GetProperty("nodes").GetArrayLength());
        Assert.Equal("Proxmox VE is slow to answer; this data is 40 s old", result.GetProperty("note").GetString());
    }

    [Fact]
    public async Task ListNodes_Seed_GivesFiguresWithUnits()
    {
        var host = new ToolTestHost();

        var result = await host.CallJsonAsync("list_nodes");

        var pve = result.GetProperty("nodes")[0];
        Assert.Equal(4, pve.GetProperty("cpu_pct").GetDouble());
        Assert.Equal(32, pve.GetProperty("mem_total_gib").GetDouble());
        Assert.Equal(1, pve.GetProperty("guests_running").GetInt32());
    }

    [Fact]
    public async Task GetNode_Known_ListsItsGuestsAndStorage()
    {
        var host = new ToolTestHost();

        var result = await host.CallJsonAsync("get_node", ("node", "PVE"));

        Assert.Equal([103, 106], result.GetProperty("guests").EnumerateArray().Select(g => g.GetProperty("vm_id").GetInt32()));
        Assert.Contains(result.GetProperty("storage").EnumerateArray(), s => s.GetProperty("name").GetString() == "local-lvm" && s.GetProperty("used_pct").GetDouble() == 88);
    }

    [Fact]
    public async Task GetNode_Unknown_ReturnsErrorListingNodes()
    {
        var host = new ToolTestHost();

        var error = await host.CallErrorAsync("get_node", ("node", "nas"));

        Assert.Equal("no node is named 'nas'; nodes: pve, MediaServer, AIServer", error);
    }

    [Fact]
    public async Task ListGuests_StoppedLxc_ListsValheim()
    {
        var host = new ToolTestHost();

        var result = await host.CallJsonAsync("list_guests", ("type", "lxc"), ("status", "stopped"));

        var guest = Assert.Single(result.GetProperty("guests").EnumerateArray());
        Assert.Equal(106, guest.GetProperty("vm_id").GetInt32());
        Assert.Equal("valheim-server", guest.GetProperty("name").GetString());
        Assert.False(guest.TryGetProperty("cpu_pct", out _));
    }

    [Theory]
    [InlineData("type", "docker", "type must be vm or lxc, not 'docker'")]
    [InlineData("status", "asleep", "status must be running, stopped or paused, not 'asleep'")]
    [InlineData("node", "nas", "no node is named 'nas'; nodes: pve, MediaServer, AIServer")]
    public async Task ListGuests_BadFilter_ReturnsError(string parameter, string value, string expected)
    {
        var host = new ToolTestHost();

        Assert.Equal(expected, await host.CallErrorAsync("list_guests", (parameter, value)));
    }

    [Theory]
    [InlineData("103")]
    [InlineData("VM 103")]
    [InlineData("Gaming-Bazzite")]
    public async Task GetGuest_ByVmIdOrName_FindsIt(string guest)
    {
        var host = new ToolTestHost();

        var result = await host.CallJsonAsync("get_guest", ("guest", guest));

        Assert.Equal(103, result.GetProperty("vm_id").GetInt32());
        Assert.Equal("vm", result.GetProperty("type").GetString());
        Assert.Equal(["gaming", "gpu"], result.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task GetGuest_UnknownVmId_ReturnsErrorListingGuests()
    {
        var host = new ToolTestHost();

        var error = await host.CallErrorAsync("get_guest", ("guest", "999"));

        Assert.StartsWith("no guest has VMID 999; guests: LXC 101 project-env on AIServer", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetGuest_NameSharedByTwoGuests_IsAmbiguous()
    {
        var snapshot = TestSnapshots.SeedWithDownloads();
        snapshot = snapshot with { Cluster = snapshot.Cluster! with { Guests = [.. snapshot.Cluster.Guests, TestData.Guest(300, "gaming-bazzite", GuestStatus.Stopped, "AIServer", GuestKind.Qemu)] } };
        var host = new ToolTestHost(snapshot);

        var error = await host.CallErrorAsync("get_guest", ("guest", "gaming-bazzite"));

        Assert.Equal("'gaming-bazzite' names more than one guest; use the VMID: VM 103 gaming-bazzite on pve; VM 300 gaming-bazzite on AIServer", error);
    }

    [Fact]
    public async Task ListStorage_Node_ListsItsStorageFullestFirst()
    {
        var host = new ToolTestHost();

        var result = await host.CallJsonAsync("list_storage", ("node", "pve"));

        var storage = result.GetProperty("storage").EnumerateArray().ToList();
        Assert.Equal(["local-lvm", "local"], storage.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(88, storage[0].GetProperty("used_pct").GetDouble());
        Assert.Equal(832, storage[0].GetProperty("total_gib").GetDouble());
    }
}
