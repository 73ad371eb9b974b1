using Homelab.Dashboard.Actions;
using Homelab.Domain.Actions;
using Homelab.Domain.Cluster;
using Homelab.Domain.Sources;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Actions;

public sealed class GuestPowerExecutorTests
{
    private static readonly GuestRef s_guest = new("AIServer", GuestKind.Lxc, 101);
    private readonly ActionTestHost _host = new();
    private readonly TestClusterSource _cluster = new();

    public GuestPowerExecutorTests() => _host.Sources.Populate(_cluster, new Dictionary<string, Homelab.Domain.Ports.IContainerSource>(), []);

    private Task<ActionResult> RunAsync(PowerAction action)
    {
        var executor = new GuestPowerExecutor(_host.Sources, _host.WrappedOptions, _host.Time);
        var started = _host.Time.GetTimestamp();
        return _host.RunClockUntilAsync(executor.ExecuteAsync(new GuestPowerRequest(s_guest, "project-env", action), started, _host.Time.GetUtcNow() + TimeSpan.FromSeconds(60), CancellationToken.None));
    }

    [Fact]
    public async Task Execute_ShutdownFollowedToStopped_SaysStoppedAfterSeconds()
    {
        var status = GuestStatus.Running;
        var polls = 0;
        _cluster.GuestStatus = _ => SourceResult<GuestStatusReading>.Ok(new GuestStatusReading(status, null, null));
        _cluster.TaskStatus = upid =>
        {
            if (++polls < 4)
            {
                return SourceResult<ProxmoxTaskStatus>.Ok(new ProxmoxTaskStatus(upid, true, null));
            }

            status = GuestStatus.Stopped;
            return SourceResult<ProxmoxTaskStatus>.Ok(new ProxmoxTaskStatus(upid, false, "OK"));
        };

        var result = await RunAsync(PowerAction.Shutdown);

        Assert.Equal(ActionOutcome.Succeeded, result.Outcome);
        Assert.Matches(@"^stopped after \d+ s$", result.Message);
        Assert.Equal((s_guest, PowerAction.Shutdown), Assert.Single(_cluster.PowerRequests));
    }

    [Fact]
    public async Task Execute_AlreadyStopped_DoesNotAskProxmox()
    {
        _cluster.GuestStatus = _ => SourceResult<GuestStatusReading>.Ok(new GuestStatusReading(GuestStatus.Stopped, null, null));

        var result = await RunAsync(PowerAction.Shutdown);

        Assert.Equal("already stopped", result.Message);
        Assert.Empty(_cluster.PowerRequests);
    }

    [Fact]
    public async Task Execute_TaskFails_ReportsProxmoxReason()
    {
        _cluster.TaskStatus = upid => SourceResult<ProxmoxTaskStatus>.Ok(new ProxmoxTaskStatus(upid, false, "can't lock file '/run/lock/lxc/pve-config-101.lock' - got timeout"));

        var result = await RunAsync(PowerAction.Stop);

        Assert.Equal(ActionOutcome.Failed, result.Outcome);
        Assert.Contains("can't lock file", result.Message, StringComparison.Ordinal);
        Assert.Contains("the guest is running", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_GuestNeverStops_SaysStillRunningAfterTimeout()
    {
        _cluster.TaskStatus = upid => SourceResult<ProxmoxTaskStatus>.Ok(new ProxmoxTaskStatus(upid, true, null));

        var result = await RunAsync(PowerAction.Shutdown);

        Assert.Equal(ActionOutcome.TimedOut, result.Outcome);
        Assert.StartsWith("still running after 6", result.Message, StringComparison.Ordinal);
        Assert.Contains("shutdown task is still running", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_PermissionDenied_ReportsProxmoxText()
    {
        _cluster.PowerAction = (_, _) => SourceResult<string>.Fail(SourceErrorKind.Forbidden, "Permission check failed (/vms/101, VM.PowerMgmt)", 403);

        var result = await RunAsync(PowerAction.Shutdown);

        Assert.Equal(ActionOutcome.Failed, result.Outcome);
        Assert.Equal("Proxmox refused: Permission check failed (/vms/101, VM.PowerMgmt)", result.Message);
    }

    [Fact]
    public async Task Execute_NoProxmox_FailsPlainly()
    {
        _host.Sources.Populate(null, new Dictionary<string, Homelab.Domain.Ports.IContainerSource>(), []);

        var result = await RunAsync(PowerAction.Start);

        Assert.Equal("Proxmox is not configured", result.Message);
    }
}
