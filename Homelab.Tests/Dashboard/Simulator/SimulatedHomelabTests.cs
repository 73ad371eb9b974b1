using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Simulator.State;
using Homelab.Domain.Cluster;
using Homelab.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace Homelab.Tests.Dashboard.Simulator;

public sealed class SimulatedHomelabTests
{
    private readonly FakeTimeProvider _time = new(TestData.Start);
    private readonly SimulatedHomelab _homelab;

    public SimulatedHomelabTests()
    {
        _homelab = new SimulatedHomelab(Microsoft.Extensions.Options.Options.Create(new HomelabOptions()), _time);
    }

    private void Run(TimeSpan duration)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += TimeSpan.FromSeconds(1))
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            _homelab.Tick();
        }
    }

    [Fact]
    public void ReadCluster_IsTheSeedHomelab()
    {
        var cluster = _homelab.ReadCluster();

        Assert.Equal("HomeServer", cluster.Name);
        Assert.True(cluster.Quorate);
        Assert.Equal(["pve", "MediaServer", "AIServer"], cluster.Nodes.Select(n => n.Name));
        Assert.Equal([101, 102, 103, 104, 105, 106, 200], cluster.Guests.Select(g => g.VmId).Order());
        Assert.False(cluster.Guests.Single(g => g.VmId == 106).Running);
        Assert.Equal(GuestKind.Qemu, cluster.Guests.Single(g => g.VmId == 103).Kind);
        var das = cluster.Storage.Single(s => s.Name == "das");
        Assert.Equal(("MediaServer", 8L << 40), (das.Node, das.Total));
    }

    [Fact]
    public void ListContainers_DockerServerHasTheSeedServices()
    {
        var containers = _homelab.ListContainers();

        Assert.True(containers.Count >= 55, $"{containers.Count} containers");
        Assert.Contains(containers, c => c.Name == "jellyfin" && c.Running && c.Health == "healthy");
        Assert.Contains(containers, c => c.Name == "linkwarden" && c.Health == "unhealthy");
        Assert.Contains(containers, c => c.Name == "lncrawl" && c.State == "exited" && c.ExitCode == 0);
        Assert.Equal(containers.Count, containers.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Tick_NumbersMoveAndTheDasFills()
    {
        var before = _homelab.ReadCluster();

        Run(TimeSpan.FromMinutes(2));

        var after = _homelab.ReadCluster();
        Assert.NotEqual(before.Nodes.Select(n => n.Cpu), after.Nodes.Select(n => n.Cpu));
        Assert.True(after.Storage.Single(s => s.Name == "das").Used > before.Storage.Single(s => s.Name == "das").Used);
        Assert.All(after.Nodes, n => Assert.InRange(n.Cpu, 0, 1));
        Assert.All(after.Nodes, n => Assert.InRange(n.MemoryUsed, 1, n.MemoryTotal));
    }

    [Fact]
    public void ReadNodeRrd_HoldsAnHourAtMinuteSteps()
    {
        Run(TimeSpan.FromMinutes(3));

        var points = _homelab.ReadNodeRrd("AIServer")!;

        Assert.InRange(points.Count, 60, 70);
        Assert.All(points.Zip(points.Skip(1)), pair => Assert.Equal(60, pair.Second.Time - pair.First.Time));
        Assert.Equal(_time.GetUtcNow().ToUnixTimeSeconds() / 60 * 60, points[^1].Time);
    }

    [Fact]
    public void StartPowerTask_Shutdown_TaskRunsThenGuestStops()
    {
        var result = _homelab.StartPowerTask("AIServer", GuestKind.Lxc, 101, PowerAction.Shutdown, "root@pam!homelab-demo");

        Assert.True(Upid.TryParse(result.Upid, out var upid));
        Assert.Equal(("AIServer", "vzshutdown", "101"), (upid.Node, upid.Type, upid.Id));
        Assert.True(_homelab.ReadTask(result.Upid!)!.Running);
        Assert.True(_homelab.ReadGuest(101)!.Running);

        Run(TimeSpan.FromSeconds(5));

        var task = _homelab.ReadTask(result.Upid!)!;
        Assert.False(task.Running);
        Assert.Equal("OK", task.ExitStatus);
        Assert.False(_homelab.ReadGuest(101)!.Running);
    }

    [Fact]
    public void StartPowerTask_StartRunningGuest_TaskFailsLikeProxmox()
    {
        var result = _homelab.StartPowerTask("pve", GuestKind.Qemu, 103, PowerAction.Start, "root@pam");

        Run(TimeSpan.FromSeconds(1));

        Assert.Equal("VM 103 already running", _homelab.ReadTask(result.Upid!)!.ExitStatus);
    }

    [Fact]
    public void StartPowerTask_WhileAnotherTaskHoldsTheGuest_FailsOnTheLock()
    {
        _homelab.StartPowerTask("pve", GuestKind.Qemu, 103, PowerAction.Shutdown, "root@pam");
        var second = _homelab.StartPowerTask("pve", GuestKind.Qemu, 103, PowerAction.Stop, "root@pam");

        Run(TimeSpan.FromSeconds(2));

        Assert.StartsWith("can't lock file '/var/lock/qemu-server/lock-103.conf'", _homelab.ReadTask(second.Upid!)!.ExitStatus, StringComparison.Ordinal);
    }

    [Fact]
    public void StartPowerTask_WrongNodeOrKind_RefusedSynchronously()
    {
        Assert.Equal(500, _homelab.StartPowerTask("pve", GuestKind.Lxc, 101, PowerAction.Start, "root@pam").StatusCode);
        Assert.Equal(500, _homelab.StartPowerTask("AIServer", GuestKind.Qemu, 101, PowerAction.Start, "root@pam").StatusCode);
        Assert.Equal(500, _homelab.StartPowerTask("AIServer", GuestKind.Lxc, 999, PowerAction.Start, "root@pam").StatusCode);
    }

    [Fact]
    public void CrashLoop_UnpackerrDiesAndComesBack_RestartCountGrows()
    {
        var before = _homelab.FindContainer("unpackerr")!;
        using var cts = new CancellationTokenSource();
        var events = _homelab.SubscribeEvents(cts.Token);

        Run(TimeSpan.FromSeconds(30));

        var after = _homelab.FindContainer("unpackerr")!;
        Assert.True(after.RestartCount > before.RestartCount);
        var actions = new List<string>();
        while (events.TryRead(out var e))
        {
            if (e.Name == "unpackerr")
            {
                actions.Add(e.Action);
            }
        }

        Assert.Contains("die", actions);
        Assert.Contains("start", actions);
        cts.Cancel();
    }

    [Fact]
    public async Task StopContainer_RunningThenAgain_ExitsThen304()
    {
        using var cts = new CancellationTokenSource();
        var events = _homelab.SubscribeEvents(cts.Token);
        var stopping = _homelab.StopContainerAsync("sonarr", 10, CancellationToken.None);
        while (!stopping.IsCompleted)
        {
            _time.Advance(TimeSpan.FromMilliseconds(200));
            await Task.Delay(1);
        }

        Assert.Equal(204, (await stopping).StatusCode);
        Assert.Equal("exited", _homelab.FindContainer("sonarr")!.State);
        Assert.Equal(304, (await _homelab.StopContainerAsync("sonarr", 10, CancellationToken.None)).StatusCode);
        var actions = new List<string>();
        while (events.TryRead(out var e))
        {
            actions.Add(e.Action);
        }

        Assert.Equal(["kill", "die", "stop"], actions.Where(a => a is "kill" or "die" or "stop"));
        cts.Cancel();
    }

    [Fact]
    public void DockerHost_Lxc200ShutDown_ApiGoneAndContainersStop()
    {
        _homelab.StartPowerTask("MediaServer", GuestKind.Lxc, 200, PowerAction.Shutdown, "root@pam");
        Run(TimeSpan.FromSeconds(6));

        Assert.False(_homelab.DockerHostUp);
        Assert.DoesNotContain(_homelab.ListContainers(), c => c.Running);

        _homelab.StartPowerTask("MediaServer", GuestKind.Lxc, 200, PowerAction.Start, "root@pam");
        Run(TimeSpan.FromSeconds(10));

        Assert.True(_homelab.DockerHostUp);
        Assert.Contains(_homelab.ListContainers(), c => c.Name == "jellyfin" && c.Running);
    }

    [Fact]
    public void FindContainer_ByNameIdOrPrefix_LikeDocker()
    {
        var jellyfin = _homelab.FindContainer("jellyfin")!;

        Assert.Equal(jellyfin.Id, _homelab.FindContainer("/jellyfin")!.Id);
        Assert.Equal(jellyfin.Id, _homelab.FindContainer(jellyfin.Id[..12])!.Id);
        Assert.Null(_homelab.FindContainer("nope"));
    }

    [Fact]
    public void ReadLogs_Linkwarden_HasThePromptInjectionInItsRecentLines()
    {
        var logs = _homelab.ReadLogs("linkwarden", null, null, 50)!;

        Assert.Contains(logs, l => l.Text == SimLogText.PromptInjection);
        Assert.Equal(logs.OrderBy(l => l.Time).Select(l => l.Text), logs.Select(l => l.Text));
        Assert.DoesNotContain(_homelab.ReadLogs("sonarr", null, null, null)!, l => l.Text == SimLogText.PromptInjection);
    }

    [Theory]
    [InlineData(0.4, "Less than a second")]
    [InlineData(1, "1 second")]
    [InlineData(59, "59 seconds")]
    [InlineData(61, "About a minute")]
    [InlineData(3 * 60, "3 minutes")]
    [InlineData(3600, "About an hour")]
    [InlineData(5 * 3600, "5 hours")]
    [InlineData(3 * 86400, "3 days")]
    public void HumanDuration_MatchesDockerWording(double seconds, string expected)
    {
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));
    }
}
