using System.Diagnostics;
using System.Text.Json;
using static Homelab.Tests.Dashboard.Simulator.ProxmoxSimulatorFixture;

namespace Homelab.Tests.Dashboard.Simulator;

/// <summary>The simulated Proxmox VE API over real HTTPS: auth, the seed topology, units and the error shape.</summary>
public sealed class ProxmoxSimulatorApiTests(ProxmoxSimulatorFixture fixture) : IClassFixture<ProxmoxSimulatorFixture>
{
    private const long GiB = 1L << 30;

    private HttpClient Client() => RawClient(fixture.Simulator);

    [Fact]
    public async Task Request_WithoutCredentials_Answers401AfterTheDelayWithoutData()
    {
        using var client = RawClient(fixture.Simulator, authorization: "");
        var watch = Stopwatch.StartNew();

        var (status, reason, body) = await SendAsync(client, HttpMethod.Get, "cluster/resources");

        Assert.Equal(401, status);
        Assert.Equal("No ticket", reason);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
        Assert.True(watch.Elapsed >= AuthFailureDelay * 0.8, $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task Request_WithWrongSecret_Answers401InvalidTokenValue()
    {
        using var client = RawClient(fixture.Simulator, $"PVEAPIToken={fixture.Simulator.TokenId}=00000000-wrong");

        var (status, reason, body) = await SendAsync(client, HttpMethod.Get, "version");

        Assert.Equal(401, status);
        Assert.Equal("invalid token value!", reason);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task Request_WithUnknownPathAndNoCredentials_Answers401NotDisclosingPaths()
    {
        using var client = RawClient(fixture.Simulator, authorization: "");

        var (status, _, _) = await SendAsync(client, HttpMethod.Get, "nodes/pve/nope");

        Assert.Equal(401, status);
    }

    [Fact]
    public async Task Request_WithSpaceSeparatorAndEscapedToken_IsAccepted()
    {
        var escaped = Uri.EscapeDataString($"{fixture.Simulator.TokenId}={fixture.Simulator.TokenSecret}");
        using var client = RawClient(fixture.Simulator, $"PVEAPIToken {escaped}");

        var version = await GetDataAsync(client, "version");

        Assert.Equal("9.1.1", version.GetProperty("version").GetString());
        Assert.Equal("9.1", version.GetProperty("release").GetString());
    }

    [Fact]
    public async Task ClusterStatus_SeedTopology_ThreeOnlineNodesQuorate()
    {
        using var client = Client();

        var entries = (await GetDataAsync(client, "cluster/status")).EnumerateArray().ToList();

        var cluster = Assert.Single(entries, e => e.GetProperty("type").GetString() == "cluster");
        Assert.Equal("HomeServer", cluster.GetProperty("name").GetString());
        Assert.Equal(1, cluster.GetProperty("quorate").GetInt32());
        Assert.Equal(3, cluster.GetProperty("nodes").GetInt32());
        var nodes = entries.Where(e => e.GetProperty("type").GetString() == "node").ToList();
        Assert.Equal(["AIServer", "MediaServer", "pve"], nodes.Select(n => n.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.All(nodes, n => Assert.Equal(1, n.GetProperty("online").GetInt32()));
        Assert.Single(nodes, n => n.GetProperty("local").GetInt32() == 1);
    }

    [Fact]
    public async Task ClusterResources_SeedTopology_ListsGuestsNodesAndStorage()
    {
        using var client = Client();

        var items = (await GetDataAsync(client, "cluster/resources")).EnumerateArray().ToList();

        var guests = items.Where(i => i.GetProperty("type").GetString() is "qemu" or "lxc").ToDictionary(i => i.GetProperty("vmid").GetInt32());
        Assert.Equal([101, 102, 103, 104, 105, 106, 200], guests.Keys.Order());
        Assert.Equal("qemu", guests[103].GetProperty("type").GetString());
        Assert.Equal("gaming-bazzite", guests[103].GetProperty("name").GetString());
        Assert.Equal("pve", guests[103].GetProperty("node").GetString());
        Assert.Equal("docker-server", guests[200].GetProperty("name").GetString());
        Assert.Equal("MediaServer", guests[200].GetProperty("node").GetString());
        Assert.All(guests.Where(g => g.Key != 106), g => Assert.Equal("running", g.Value.GetProperty("status").GetString()));

        // A stopped guest has its configured sizes but no live figures.
        var valheim = guests[106];
        Assert.Equal("stopped", valheim.GetProperty("status").GetString());
        Assert.False(valheim.TryGetProperty("cpu", out _));
        Assert.False(valheim.TryGetProperty("mem", out _));
        Assert.False(valheim.TryGetProperty("uptime", out _));
        Assert.Equal(8 * GiB, valheim.GetProperty("maxmem").GetInt64());

        Assert.Equal(3, items.Count(i => i.GetProperty("type").GetString() == "node"));
        var das = Assert.Single(items, i => i.GetProperty("id").GetString() == "storage/MediaServer/das");
        Assert.Equal("btrfs", das.GetProperty("plugintype").GetString());
        Assert.Equal("available", das.GetProperty("status").GetString());
        Assert.Equal(8L << 40, das.GetProperty("maxdisk").GetInt64());
        Assert.Equal(0, das.GetProperty("shared").GetInt32());
    }

    [Fact]
    public async Task ClusterResources_Figures_AreBytesSecondsAndFractions()
    {
        using var client = Client();

        var items = (await GetDataAsync(client, "cluster/resources")).EnumerateArray().ToList();

        var pve = Assert.Single(items, i => i.GetProperty("id").GetString() == "node/pve");
        Assert.Equal(32 * GiB, pve.GetProperty("maxmem").GetInt64());
        Assert.Equal(8, pve.GetProperty("maxcpu").GetInt32());
        Assert.InRange(pve.GetProperty("cpu").GetDouble(), 0, 1);
        Assert.InRange(pve.GetProperty("mem").GetInt64(), GiB, 32 * GiB);
        Assert.True(pve.GetProperty("uptime").GetInt64() > 86_400, "uptime is in seconds and the nodes have run for days");

        var openclaw = Assert.Single(items, i => i.GetProperty("id").GetString() == "lxc/102");
        Assert.InRange(openclaw.GetProperty("cpu").GetDouble(), 0, 1);
        Assert.Equal(16, openclaw.GetProperty("maxcpu").GetInt32());
        Assert.Equal(28 * GiB, openclaw.GetProperty("maxmem").GetInt64());
        Assert.InRange(openclaw.GetProperty("mem").GetInt64(), 1, 28 * GiB);
        Assert.Equal("ai;ollama", openclaw.GetProperty("tags").GetString());
        Assert.Equal(0, openclaw.GetProperty("template").GetInt32());
        Assert.True(openclaw.GetProperty("netin").GetInt64() > 0, "netin is a byte counter since start");
    }

    [Theory]
    [InlineData("vm", 7)]
    [InlineData("node", 3)]
    [InlineData("storage", 7)]
    [InlineData("sdn", 0)]
    public async Task ClusterResources_TypeFilter_ListsOnlyThatType(string type, int count)
    {
        using var client = Client();

        var items = (await GetDataAsync(client, $"cluster/resources?type={type}")).EnumerateArray().ToList();

        Assert.Equal(count, items.Count);
    }

    [Fact]
    public async Task ClusterResources_UnknownType_Answers400WithParameterError()
    {
        using var client = Client();

        var (status, reason, body) = await SendAsync(client, HttpMethod.Get, "cluster/resources?type=vms");

        Assert.Equal(400, status);
        Assert.Equal("Parameter verification failed.", reason);
        Assert.Contains("enumeration", body.GetProperty("errors").GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nodes_SeedTopology_ListsThreeNodesWithFigures()
    {
        using var client = Client();

        var nodes = (await GetDataAsync(client, "nodes")).EnumerateArray().ToList();

        Assert.Equal(3, nodes.Count);
        Assert.All(nodes, n => Assert.Equal("online", n.GetProperty("status").GetString()));
        Assert.Equal(128 * GiB, nodes.Single(n => n.GetProperty("node").GetString() == "AIServer").GetProperty("maxmem").GetInt64());
    }

    [Fact]
    public async Task NodeStatus_MediaServer_HasProxmoxShapeAndUnits()
    {
        using var client = Client();

        var status = await GetDataAsync(client, "nodes/MediaServer/status");

        Assert.InRange(status.GetProperty("cpu").GetDouble(), 0, 1);
        Assert.InRange(status.GetProperty("wait").GetDouble(), 0, 1);
        var load = status.GetProperty("loadavg").EnumerateArray().ToList();
        Assert.Equal(3, load.Count);
        Assert.All(load, l => Assert.Equal(JsonValueKind.String, l.ValueKind));
        Assert.Equal(28 * GiB, status.GetProperty("memory").GetProperty("total").GetInt64());
        Assert.Equal(status.GetProperty("memory").GetProperty("total").GetInt64(),
            status.GetProperty("memory").GetProperty("used").GetInt64() + status.GetProperty("memory").GetProperty("free").GetInt64());
        Assert.Equal(94 * GiB, status.GetProperty("rootfs").GetProperty("total").GetInt64());
        Assert.True(status.GetProperty("swap").GetProperty("total").GetInt64() > 0);
        var cpu = status.GetProperty("cpuinfo");
        Assert.Equal("AMD Ryzen 7 8845HS w/ Radeon 780M Graphics", cpu.GetProperty("model").GetString());
        Assert.Equal(16, cpu.GetProperty("cpus").GetInt32());
        Assert.Equal(8, cpu.GetProperty("cores").GetInt32());
        Assert.Equal(1, cpu.GetProperty("sockets").GetInt32());
        Assert.StartsWith("pve-manager/9.1.1", status.GetProperty("pveversion").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Linux 6.", status.GetProperty("kversion").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NodeStatus_UnknownNode_Answers500HostnameLookup()
    {
        using var client = Client();

        var (status, reason, body) = await SendAsync(client, HttpMethod.Get, "nodes/nas/status");

        Assert.Equal(500, status);
        Assert.StartsWith("hostname lookup 'nas' failed", reason, StringComparison.Ordinal);
        Assert.EndsWith("\n", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NodeRrd_Hour_GivesAnHourOfMinutePointsWithRates()
    {
        using var client = Client();

        var points = (await GetDataAsync(client, "nodes/AIServer/rrddata?timeframe=hour&cf=AVERAGE")).EnumerateArray().ToList();

        Assert.InRange(points.Count, 60, 71);
        var times = points.Select(p => p.GetProperty("time").GetInt64()).ToList();
        Assert.Equal(times.Order(), times);
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.Equal(60, pair.Second - pair.First));
        var last = points[^1];
        foreach (var key in new[] { "cpu", "iowait", "loadavg", "maxcpu", "memtotal", "memused", "memavailable", "swaptotal", "swapused", "roottotal", "rootused", "netin", "netout" })
        {
            Assert.True(last.TryGetProperty(key, out _), $"missing {key}");
        }

        Assert.Equal(128 * GiB, last.GetProperty("memtotal").GetInt64());
        Assert.InRange(last.GetProperty("cpu").GetDouble(), 0, 1);
    }

    [Theory]
    [InlineData("nodes/pve/rrddata", "timeframe", "property is missing and it is not optional")]
    [InlineData("nodes/pve/rrddata?timeframe=minute", "timeframe", "value 'minute' does not have a value in the enumeration 'hour, day, week, month, year, decade'")]
    [InlineData("nodes/pve/rrddata?timeframe=hour&cf=MIN", "cf", "value 'MIN' does not have a value in the enumeration 'AVERAGE, MAX'")]
    public async Task NodeRrd_BadParameters_Answers400WithErrors(string path, string parameter, string why)
    {
        using var client = Client();

        var (status, _, body) = await SendAsync(client, HttpMethod.Get, path);

        Assert.Equal(400, status);
        Assert.Equal(why, body.GetProperty("errors").GetProperty(parameter).GetString());
    }

    [Fact]
    public async Task GuestStatus_Qemu_HasQmpStatusAgentAndHa()
    {
        using var client = Client();

        var status = await GetDataAsync(client, "nodes/pve/qemu/103/status/current");

        Assert.Equal("running", status.GetProperty("status").GetString());
        Assert.Equal("running", status.GetProperty("qmpstatus").GetString());
        Assert.Equal(1, status.GetProperty("agent").GetInt32());
        Assert.Equal(0, status.GetProperty("ha").GetProperty("managed").GetInt32());
        Assert.Equal(7, status.GetProperty("cpus").GetInt32());
        Assert.Equal(24 * GiB, status.GetProperty("maxmem").GetInt64());
        Assert.True(status.GetProperty("uptime").GetInt64() > 3600);
        Assert.True(status.GetProperty("pid").GetInt32() > 0);
    }

    [Fact]
    public async Task GuestStatus_Lxc_HasTypeSwapAndDisk()
    {
        using var client = Client();

        var status = await GetDataAsync(client, "nodes/MediaServer/lxc/200/status/current");

        Assert.Equal("lxc", status.GetProperty("type").GetString());
        Assert.Equal("docker-server", status.GetProperty("name").GetString());
        Assert.True(status.TryGetProperty("swap", out _));
        Assert.True(status.GetProperty("maxswap").GetInt64() > 0);
        Assert.True(status.GetProperty("disk").GetInt64() > 0);
        Assert.Equal(12, status.GetProperty("cpus").GetInt32());
    }

    [Fact]
    public async Task GuestStatus_StoppedGuest_LeavesOutLiveFigures()
    {
        using var client = Client();

        var status = await GetDataAsync(client, "nodes/pve/lxc/106/status/current");

        Assert.Equal("stopped", status.GetProperty("status").GetString());
        Assert.False(status.TryGetProperty("cpu", out _));
        Assert.False(status.TryGetProperty("uptime", out _));
        Assert.False(status.TryGetProperty("pid", out _));
    }

    [Theory]
    [InlineData("nodes/pve/lxc/103/status/current", "Configuration file 'nodes/pve/lxc/103.conf' does not exist")]
    [InlineData("nodes/AIServer/qemu/103/status/current", "Configuration file 'nodes/AIServer/qemu-server/103.conf' does not exist")]
    [InlineData("nodes/pve/qemu/999/status/current", "Configuration file 'nodes/pve/qemu-server/999.conf' does not exist")]
    public async Task GuestStatus_WrongTypeNodeOrVmid_Answers500ConfigMissing(string path, string message)
    {
        using var client = Client();

        var (status, reason, body) = await SendAsync(client, HttpMethod.Get, path);

        Assert.Equal(500, status);
        Assert.Equal(message, reason);
        Assert.Equal(message + "\n", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task GuestStatus_NonNumericVmid_Answers400()
    {
        using var client = Client();

        var (status, _, body) = await SendAsync(client, HttpMethod.Get, "nodes/pve/qemu/abc/status/current");

        Assert.Equal(400, status);
        Assert.Equal("type check ('integer') failed - got 'abc'", body.GetProperty("errors").GetProperty("vmid").GetString());
    }

    [Fact]
    public async Task GuestLists_PerNodeAndType_LxcVmidsAreStrings()
    {
        using var client = Client();

        var lxc = (await GetDataAsync(client, "nodes/AIServer/lxc")).EnumerateArray().ToList();
        var qemu = (await GetDataAsync(client, "nodes/pve/qemu")).EnumerateArray().ToList();

        Assert.Equal(["101", "102", "104", "105"], lxc.Select(g => g.GetProperty("vmid").GetString()));
        Assert.All(lxc, g => Assert.Equal("lxc", g.GetProperty("type").GetString()));
        Assert.Equal(103, Assert.Single(qemu).GetProperty("vmid").GetInt32());
    }

    [Fact]
    public async Task GuestRrd_Hour_HasGuestKeys()
    {
        using var client = Client();

        var points = (await GetDataAsync(client, "nodes/AIServer/lxc/102/rrddata?timeframe=hour")).EnumerateArray().ToList();

        Assert.InRange(points.Count, 60, 71);
        foreach (var key in new[] { "time", "cpu", "maxcpu", "mem", "maxmem", "disk", "maxdisk", "netin", "netout", "diskread", "diskwrite" })
        {
            Assert.True(points[^1].TryGetProperty(key, out _), $"missing {key}");
        }
    }

    [Fact]
    public async Task Storage_MediaServer_ListsDasWithSizes()
    {
        using var client = Client();

        var storage = (await GetDataAsync(client, "nodes/MediaServer/storage")).EnumerateArray().ToList();

        Assert.Equal(["das", "local", "local-lvm"], storage.Select(s => s.GetProperty("storage").GetString()).Order(StringComparer.Ordinal));
        var das = storage.Single(s => s.GetProperty("storage").GetString() == "das");
        Assert.Equal(8L << 40, das.GetProperty("total").GetInt64());
        Assert.Equal(das.GetProperty("total").GetInt64(), das.GetProperty("used").GetInt64() + das.GetProperty("avail").GetInt64());
        Assert.InRange(das.GetProperty("used_fraction").GetDouble(), 0.5, 0.9);
        Assert.Equal(1, das.GetProperty("active").GetInt32());
        Assert.Equal(1, das.GetProperty("enabled").GetInt32());
    }

    [Fact]
    public async Task PowerAction_StartRunningGuest_TaskFailsAlreadyRunning()
    {
        using var client = Client();

        var (status, _, body) = await SendAsync(client, HttpMethod.Post, "nodes/AIServer/lxc/102/status/start", new FormUrlEncodedContent([]));
        Assert.Equal(200, status);
        var upid = body.GetProperty("data").GetString()!;
        var task = await ProxmoxTaskPolling.WaitForTaskAsync(client, "AIServer", upid);

        Assert.Equal("stopped", task.GetProperty("status").GetString());
        Assert.Equal("CT 102 already running", task.GetProperty("exitstatus").GetString());
    }

    [Fact]
    public async Task PowerAction_UnknownGuest_Answers500()
    {
        using var client = Client();

        var (status, reason, _) = await SendAsync(client, HttpMethod.Post, "nodes/pve/qemu/777/status/start");

        Assert.Equal(500, status);
        Assert.Equal("Configuration file 'nodes/pve/qemu-server/777.conf' does not exist", reason);
    }

    [Fact]
    public async Task PowerAction_UnknownVerb_Answers501()
    {
        using var client = Client();

        var (status, reason, _) = await SendAsync(client, HttpMethod.Post, "nodes/pve/qemu/103/status/explode");

        Assert.Equal(501, status);
        Assert.Equal("Method 'POST /nodes/pve/qemu/103/status/explode' not implemented", reason);
    }

    [Fact]
    public async Task TaskStatus_MalformedUpid_Answers400()
    {
        using var client = Client();

        var (status, _, body) = await SendAsync(client, HttpMethod.Get, "nodes/pve/tasks/not-a-upid/status");

        Assert.Equal(400, status);
        Assert.StartsWith("unable to parse worker upid", body.GetProperty("errors").GetProperty("upid").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPath_Answers501NotImplemented()
    {
        using var client = Client();

        var (status, reason, body) = await SendAsync(client, HttpMethod.Get, "nodes/pve/nope/deeper/still");

        Assert.Equal(501, status);
        Assert.Equal("Method 'GET /nodes/pve/nope/deeper/still' not implemented", reason);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task KnownPathWrongMethod_Answers501NotImplemented()
    {
        using var client = Client();

        var (status, reason, _) = await SendAsync(client, HttpMethod.Delete, "version");

        Assert.Equal(501, status);
        Assert.Equal("Method 'DELETE /version' not implemented", reason);
    }
}
