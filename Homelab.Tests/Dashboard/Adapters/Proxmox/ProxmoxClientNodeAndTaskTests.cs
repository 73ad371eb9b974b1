using Homelab.Domain.Cluster;
using Homelab.Domain.Sources;
using static Homelab.Tests.Dashboard.Adapters.Proxmox.ProxmoxTestClient;

namespace Homelab.Tests.Dashboard.Adapters.Proxmox;

public sealed class ProxmoxClientNodeAndTaskTests
{
    private static readonly GuestRef s_media = new("pve1", GuestKind.Qemu, 100);

    [Fact]
    public async Task GetNodeDetailsAsync_NodeStatus_ReadsModelVersionsLoadAndRootFs()
    {
        var (client, handler) = Create(Routes(("nodes/pve1/status", () => Data(ProxmoxWireSamples.NodeStatus))));

        var details = (await client.GetNodeDetailsAsync("pve1", TestContext.Current.CancellationToken)).Value;

        Assert.Equal("AMD Ryzen 7 8845HS w/ Radeon 780M Graphics", details.CpuModel);
        Assert.Equal("pve-manager/9.1.1/42db4a6cf33dac83", details.PveVersion);
        Assert.StartsWith("Linux 6.14.11-4-pve", details.KernelVersion, StringComparison.Ordinal);
        Assert.Equal([0.41, 0.52, 0.60], details.LoadAverage);
        Assert.Equal(0.0021, details.IoWait);
        Assert.Equal(21474836480, details.RootUsed);
        Assert.Equal(100000000000, details.RootTotal);
        Assert.Equal(HttpMethod.Get, Assert.Single(handler.Requests).Method);
    }

    [Fact]
    public async Task GetNodeDetailsAsync_EmptyObject_GivesEmptyDetails()
    {
        var (client, _) = Create(Routes(("nodes/pve1/status", () => Data("""{"loadavg":null,"cpuinfo":"weird","rootfs":{}}"""))));

        var details = (await client.GetNodeDetailsAsync("pve1", TestContext.Current.CancellationToken)).Value;

        Assert.Null(details.CpuModel);
        Assert.Empty(details.LoadAverage);
        Assert.Null(details.RootTotal);
    }

    [Fact]
    public async Task GetNodeHistoryAsync_RrdData_SortsByTimeAndEmptySamplesGiveNulls()
    {
        const string Points = """
            [{"time":1764158520,"cpu":0.2,"memused":2000,"memtotal":4000,"rootused":10,"roottotal":100,"netin":1500.5,"netout":"250"},
             {"time":1764158400,"cpu":0.1,"memused":1000,"memtotal":4000,"rootused":9,"roottotal":100,"netin":1000,"netout":500},
             {"time":1764158460},
             {"cpu":0.9},
             {"time":1764158580,"cpu":"NaN","memused":"nan","netin":null}]
            """;
        var (client, handler) = Create(Routes(("nodes/pve1/rrddata", () => Data(Points))));

        var history = (await client.GetNodeHistoryAsync("pve1", TestContext.Current.CancellationToken)).Value;

        Assert.Equal([1764158400L, 1764158460L, 1764158520L, 1764158580L], history.Select(s => s.Time.ToUnixTimeSeconds()));
        Assert.Equal(new NodeSample(DateTimeOffset.FromUnixTimeSeconds(1764158400), 0.1, 1000, 4000, 9, 100, 1000, 500), history[0]);
        Assert.Equal(new NodeSample(DateTimeOffset.FromUnixTimeSeconds(1764158460), null, null, null, null, null, null, null), history[1]);
        Assert.Equal(1500.5, history[2].NetInBytesPerSecond);
        Assert.Equal(250, history[2].NetOutBytesPerSecond);
        Assert.Null(history[3].Cpu);
        Assert.Null(history[3].MemoryUsed);
        Assert.Equal("?timeframe=hour&cf=AVERAGE", Assert.Single(handler.Requests).Uri.Query);
    }

    [Fact]
    public async Task GetGuestStatusAsync_QemuPaused_IsPaused()
    {
        var (client, handler) = Create(Routes(("nodes/pve1/qemu/100/status/current", () => Data("""{"status":"running","qmpstatus":"paused","uptime":3600,"ha":{"managed":0}}"""))));

        var status = (await client.GetGuestStatusAsync(s_media, TestContext.Current.CancellationToken)).Value;

        Assert.Equal(new GuestStatusReading(GuestStatus.Paused, TimeSpan.FromHours(1), null), status);
        Assert.Equal("/api2/json/nodes/pve1/qemu/100/status/current", Assert.Single(handler.Requests).Uri.AbsolutePath);
    }

    [Theory]
    [InlineData("""{"status":"running","qmpstatus":"running","uptime":"42","lock":"backup"}""", GuestStatus.Running, 42, "backup")]
    [InlineData("""{"status":"stopped","qmpstatus":"stopped"}""", GuestStatus.Stopped, null, null)]
    [InlineData("""{"status":"running","type":"lxc","uptime":10}""", GuestStatus.Running, 10, null)]
    [InlineData("""{"qmpstatus":"paused"}""", GuestStatus.Unknown, null, null)]
    public async Task GetGuestStatusAsync_Variants_MapToRunState(string json, GuestStatus expected, int? uptime, string? held)
    {
        var (client, _) = Create(_ => Data(json));

        var status = (await client.GetGuestStatusAsync(new GuestRef("pve1", GuestKind.Lxc, 101), TestContext.Current.CancellationToken)).Value;

        Assert.Equal(expected, status.Status);
        Assert.Equal(uptime is null ? null : TimeSpan.FromSeconds(uptime.Value), status.Uptime);
        Assert.Equal(held, status.Lock);
    }

    [Fact]
    public async Task StartPowerActionAsync_Shutdown_PostsAFormAndReturnsTheUpid()
    {
        var (client, handler) = Create(Routes(("nodes/pve1/qemu/100/status/shutdown", () => Data($"\"{ProxmoxWireSamples.Upid}\""))));

        var upid = await client.StartPowerActionAsync(s_media, PowerAction.Shutdown, TestContext.Current.CancellationToken);

        Assert.Equal(ProxmoxWireSamples.Upid, upid.Value);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("", request.Body);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"OK\"")]
    [InlineData("{\"upid\":\"UPID:pve1:1:2:3:qmstart:100:root@pam:\"}")]
    public async Task StartPowerActionAsync_DataIsNotAUpid_IsInvalidResponse(string data)
    {
        var (client, _) = Create(_ => Data(data));

        var result = await client.StartPowerActionAsync(s_media, PowerAction.Start, TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.InvalidResponse, result.Error?.Kind);
        Assert.Contains("UPID", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTaskStatusAsync_Upid_AsksItsNodeWithTheUpidUrlEncoded()
    {
        var (client, handler) = Create(_ => Data($$"""{"upid":"{{ProxmoxWireSamples.Upid}}","status":"running","type":"qmshutdown"}"""));

        var task = (await client.GetTaskStatusAsync(ProxmoxWireSamples.Upid, TestContext.Current.CancellationToken)).Value;

        Assert.True(task.Running);
        Assert.False(task.Succeeded);
        var uri = Assert.Single(handler.Requests).Uri;
        Assert.Equal("/api2/json/nodes/pve1/tasks/UPID%3Apve1%3A0002A1F3%3A0B7C2D11%3A6650A1B2%3Aqmshutdown%3A100%3Adash%40pve%21ro%3A/status", uri.AbsolutePath);
        Assert.Equal(ProxmoxWireSamples.Upid, Uri.UnescapeDataString(uri.Segments[^2].TrimEnd('/')));
    }

    [Theory]
    [InlineData("OK", true)]
    [InlineData("WARNINGS: 2", true)]
    [InlineData("VM 100 not running", false)]
    public async Task GetTaskStatusAsync_Stopped_CarriesTheExitStatus(string exit, bool succeeded)
    {
        var (client, _) = Create(_ => Data($$"""{"status":"stopped","exitstatus":"{{exit}}","pid":"176627","starttime":1717000000}"""));

        var task = (await client.GetTaskStatusAsync(ProxmoxWireSamples.Upid, TestContext.Current.CancellationToken)).Value;

        Assert.Equal(new ProxmoxTaskStatus(ProxmoxWireSamples.Upid, false, exit), task);
        Assert.Equal(succeeded, task.Succeeded);
    }

    [Fact]
    public async Task PowerActionThenTaskStatus_UpidRoundTrip_FollowsTheSameTask()
    {
        var (client, handler) = Create(request => request.Method == HttpMethod.Post
            ? Data($"\"{ProxmoxWireSamples.Upid}\"")
            : Data("""{"status":"stopped","exitstatus":"OK"}"""));

        var upid = (await client.StartPowerActionAsync(s_media, PowerAction.Shutdown, TestContext.Current.CancellationToken)).Value;
        var task = (await client.GetTaskStatusAsync(upid, TestContext.Current.CancellationToken)).Value;

        Assert.True(task.Succeeded);
        Assert.Equal(upid, task.Upid);
        Assert.Equal(ProxmoxWireSamples.Upid, Uri.UnescapeDataString(handler.Requests[1].Uri.Segments[^2].TrimEnd('/')));
    }

    [Theory]
    [InlineData("""{"exitstatus":"OK"}""")]
    [InlineData("""{"status":"weird"}""")]
    [InlineData("""[]""")]
    public async Task GetTaskStatusAsync_NoUsableStatus_IsInvalidResponse(string data)
    {
        var (client, _) = Create(_ => Data(data));

        var result = await client.GetTaskStatusAsync(ProxmoxWireSamples.Upid, TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.InvalidResponse, result.Error?.Kind);
    }

    [Fact]
    public async Task GetTaskStatusAsync_NotAUpid_FailsWithoutAsking()
    {
        var (client, handler) = Create(_ => throw new InvalidOperationException("must not be called"));

        var result = await client.GetTaskStatusAsync("task-42", TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.BadRequest, result.Error?.Kind);
        Assert.Empty(handler.Requests);
    }
}
