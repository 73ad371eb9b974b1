using Homelab.Dashboard.Adapters.Proxmox;
using Homelab.Dashboard.Configuration;
using Homelab.Domain.Cluster;
using Homelab.Domain.Ports;
using Homelab.Domain.Sources;
using Homelab.Tests.Dashboard.Simulator;
using Homelab.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace Homelab.Tests.Dashboard.Adapters.Proxmox;

/// <summary>The real adapter against the real simulator, over HTTPS with the pinned certificate, as demo mode runs them.</summary>
/// <remarks>The shared simulator's only change is the power cycle of LXC 105, which no other test here looks at.</remarks>
public sealed class ProxmoxClientSimulatorTests(ProxmoxSimulatorFixture fixture) : IClassFixture<ProxmoxSimulatorFixture>
{
    private const long GiB = 1L << 30;

    [Fact]
    public async Task GetClusterAsync_Simulator_ReadsTheSeedHomelab()
    {
        var cluster = (await Connect(fixture.Simulator).GetClusterAsync(TestContext.Current.CancellationToken)).Value;

        Assert.Equal("HomeServer", cluster.Name);
        Assert.True(cluster.Quorate);
        Assert.Equal(["AIServer", "MediaServer", "pve"], cluster.Nodes.Select(n => n.Name));
        Assert.All(cluster.Nodes, n =>
        {
            Assert.Equal(NodeStatus.Online, n.Status);
            Assert.InRange(n.Cpu!.Value, 0, 1);
            Assert.InRange(n.MemoryUsed!.Value, 1, n.MemoryTotal!.Value);
            Assert.NotNull(n.Ip);
            Assert.True(n.Uptime > TimeSpan.FromDays(1));
        });
        Assert.Equal(32 * GiB, cluster.FindNode("pve")!.MemoryTotal);
        Assert.Equal(32, cluster.FindNode("AIServer")!.MaxCpu);

        Assert.Equal([101, 102, 103, 104, 105, 106, 200], cluster.Guests.Select(g => g.VmId));
        Assert.Equal(GuestStatus.Stopped, cluster.FindGuest(106)!.Status);
        Assert.Null(cluster.FindGuest(106)!.Cpu);
        var gaming = cluster.FindGuest(103)!;
        Assert.Equal(new GuestRef("pve", GuestKind.Qemu, 103), gaming.Ref);
        Assert.Equal(GuestStatus.Running, gaming.Status);
        Assert.Equal(["gaming", "gpu"], gaming.Tags);
        Assert.Equal(24 * GiB, gaming.MaxMemory);

        var das = Assert.Single(cluster.Storage, s => s.Name == "das");
        Assert.Equal("MediaServer", das.Node);
        Assert.Equal(8L << 40, das.Total);
        Assert.InRange(das.UsedFraction!.Value, 0.5, 0.9);
        Assert.Equal(7, cluster.Storage.Count);
    }

    [Fact]
    public async Task NodeDetailsAndHistory_Simulator_AreReadable()
    {
        var source = Connect(fixture.Simulator);

        var details = (await source.GetNodeDetailsAsync("AIServer", TestContext.Current.CancellationToken)).Value;
        var history = (await source.GetNodeHistoryAsync("AIServer", TestContext.Current.CancellationToken)).Value;

        Assert.Equal("AMD RYZEN AI MAX+ 395 w/ Radeon 8060S", details.CpuModel);
        Assert.Equal(3, details.LoadAverage.Count);
        Assert.StartsWith("pve-manager/9.1.1", details.PveVersion, StringComparison.Ordinal);
        Assert.Equal(94 * GiB, details.RootTotal);
        Assert.InRange(history.Count, 60, 71);
        Assert.Equal(history.OrderBy(s => s.Time), history);
        Assert.All(history, s => Assert.InRange(s.Cpu!.Value, 0, 1));
        Assert.All(history, s => Assert.Equal(128 * GiB, s.MemoryTotal));
    }

    [Fact]
    public async Task StartPowerActionAsync_StartOnARunningGuest_TaskFailsWithProxmoxText()
    {
        var source = Connect(fixture.Simulator);

        var upid = (await source.StartPowerActionAsync(new GuestRef("AIServer", GuestKind.Lxc, 102), PowerAction.Start, TestContext.Current.CancellationToken)).Value;
        var task = await WaitForTaskAsync(source, upid);

        Assert.False(task.Succeeded);
        Assert.Equal("CT 102 already running", task.ExitStatus);
    }

    [Fact]
    public async Task Errors_Simulator_ComeBackAsSourceErrors()
    {
        var source = Connect(fixture.Simulator);

        var unknownNode = await source.GetNodeDetailsAsync("nas", TestContext.Current.CancellationToken);
        var wrongKind = await source.GetGuestStatusAsync(new GuestRef("pve", GuestKind.Lxc, 103), TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.UpstreamError, unknownNode.Error?.Kind);
        Assert.StartsWith("hostname lookup 'nas' failed", unknownNode.Error!.Message, StringComparison.Ordinal);
        Assert.Equal("Configuration file 'nodes/pve/lxc/103.conf' does not exist", wrongKind.Error?.Message);
    }

    [Fact]
    public async Task GetClusterAsync_WrongSecret_IsUnauthorizedWithoutTheSecret()
    {
        var simulator = fixture.Simulator;
        var connection = new ProxmoxConnection(simulator.ProxmoxUrl, simulator.TokenId, "d0e1f2a3-wrong-secret", new ProxmoxTrust.Fingerprint(simulator.ProxmoxFingerprint), Simulated: true);
        var source = ProxmoxAdapterFactory.Create(connection, new ProxmoxOptions { RequestTimeout = TimeSpan.FromSeconds(5) }, NullLoggerFactory.Instance, TimeProvider.System);

        var result = await source.GetClusterAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.Unauthorized, result.Error?.Kind);
        Assert.Equal($"{ProxmoxErrors.AuthenticationFailed} (Proxmox: invalid token value!)", result.Error!.Message);
    }

    [Fact]
    public async Task PowerCycle_ShutdownThenStart_FollowsTheTasksToTheTargetStates()
    {
        var source = Connect(fixture.Simulator);
        var research = new GuestRef("AIServer", GuestKind.Lxc, 105);

        var shutdown = (await source.StartPowerActionAsync(research, PowerAction.Shutdown, TestContext.Current.CancellationToken)).Value;
        var running = (await source.GetTaskStatusAsync(shutdown, TestContext.Current.CancellationToken)).Value;
        var stopped = await WaitForTaskAsync(source, shutdown);
        var afterShutdown = (await source.GetGuestStatusAsync(research, TestContext.Current.CancellationToken)).Value;
        var start = (await source.StartPowerActionAsync(research, PowerAction.Start, TestContext.Current.CancellationToken)).Value;
        var started = await WaitForTaskAsync(source, start);
        var afterStart = (await source.GetGuestStatusAsync(research, TestContext.Current.CancellationToken)).Value;

        Assert.True(Upid.TryParse(shutdown, out var parsed));
        Assert.Equal(("AIServer", "vzshutdown", "105"), (parsed.Node, parsed.Type, parsed.Id));
        Assert.True(running.Running);
        Assert.True(stopped.Succeeded, stopped.ToString());
        Assert.Equal(GuestStatus.Stopped, afterShutdown.Status);
        Assert.True(started.Succeeded, started.ToString());
        Assert.Equal(GuestStatus.Running, afterStart.Status);
        Assert.Equal(GuestStatus.Running, (await source.GetClusterAsync(TestContext.Current.CancellationToken)).Value.FindGuest(105)!.Status);
    }

    [Fact]
    public async Task OfflineNode_Simulator_IsOfflineWithoutFiguresAndItsCallsAreNodeUnreachable()
    {
        // Its own simulator: every other test here expects all nodes online.
        await using var simulator = await ProxmoxSimulatorFixture.StartAsync();
        simulator.Homelab.SetNodeOnline("pve", online: false);
        var source = Connect(simulator);

        var cluster = (await source.GetClusterAsync(TestContext.Current.CancellationToken)).Value;
        var details = await source.GetNodeDetailsAsync("pve", TestContext.Current.CancellationToken);
        var power = await source.StartPowerActionAsync(new GuestRef("pve", GuestKind.Qemu, 103), PowerAction.Shutdown, TestContext.Current.CancellationToken);

        var pve = cluster.FindNode("pve")!;
        Assert.Equal(NodeStatus.Offline, pve.Status);
        Assert.Null(pve.Cpu);
        Assert.Null(pve.MemoryUsed);
        Assert.True(cluster.Quorate);
        Assert.Equal(GuestStatus.Unknown, cluster.FindGuest(103)!.Status);
        Assert.Equal(SourceErrorKind.NodeUnreachable, details.Error?.Kind);
        Assert.Equal(595, details.Error!.StatusCode);
        Assert.Equal(SourceErrorKind.NodeUnreachable, power.Error?.Kind);
    }

    private static IClusterSource Connect(SimulatorFixture simulator)
    {
        var connection = new ProxmoxConnection(simulator.ProxmoxUrl, simulator.TokenId, simulator.TokenSecret, new ProxmoxTrust.Fingerprint(simulator.ProxmoxFingerprint), Simulated: true);
        return ProxmoxAdapterFactory.Create(connection, new ProxmoxOptions { RequestTimeout = TimeSpan.FromSeconds(5) }, NullLoggerFactory.Instance, TimeProvider.System);
    }

    private static async Task<ProxmoxTaskStatus> WaitForTaskAsync(IClusterSource source, string upid)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var task = (await source.GetTaskStatusAsync(upid, TestContext.Current.CancellationToken)).Value;
            if (!task.Running)
            {
                return task;
            }

            Assert.True(DateTime.UtcNow < deadline, $"task {upid} still running");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
