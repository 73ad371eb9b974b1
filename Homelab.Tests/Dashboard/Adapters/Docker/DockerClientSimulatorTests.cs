using Homelab.Dashboard.Adapters.Docker;
using Homelab.Dashboard.Configuration;
using Homelab.Domain.Cluster;
using Homelab.Domain.Containers;
using Homelab.Domain.Ports;
using Homelab.Domain.Sources;
using Homelab.Tests.Dashboard.Simulator;
using Homelab.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace Homelab.Tests.Dashboard.Adapters.Docker;

/// <summary>The real adapter against the real simulator, over TCP, as the dashboard runs in demo mode.</summary>
public sealed class DockerClientSimulatorTests(DockerSimulatorFixture fixture) : IClassFixture<DockerSimulatorFixture>
{
    private readonly IContainerSource _docker = Create(fixture.DockerUrl);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAsync_Simulator_HasTheSeedContainersWithHealthFromTheList()
    {
        var list = (await _docker.ListAsync(Cancel)).Value;

        Assert.True(list.Count >= 55, $"{list.Count} containers");
        var linkwarden = list.Single(c => c.Name == "linkwarden");
        Assert.Equal(ContainerState.Running, linkwarden.State);
        Assert.Equal(ContainerHealth.Unhealthy, linkwarden.Health);
        Assert.Equal("productivity", linkwarden.ComposeProject);
        Assert.Equal([new ContainerPort(3000, 3050, "tcp", "0.0.0.0")], linkwarden.Ports);
        Assert.Equal(ContainerState.Exited, list.Single(c => c.Name == "lncrawl").State);
        Assert.Equal(new Version(1, 52), ((DockerClient)_docker).ApiVersion);
    }

    [Fact]
    public async Task InspectAsync_Simulator_ReadsDetails()
    {
        var details = (await _docker.InspectAsync("linkwarden", Cancel)).Value;

        Assert.Equal("linkwarden", details.Name);
        Assert.Equal(64, details.Id.Length);
        Assert.Equal(ContainerHealth.Unhealthy, details.Health);
        Assert.True(details.FailingStreak > 0);
        Assert.NotNull(details.StartedAt);
        Assert.False(details.Tty);
        Assert.Equal("ghcr.io/linkwarden/linkwarden:v2.12.2", details.Image);
    }

    [Fact]
    public async Task GetStatsAsync_TwoReadings_GiveACpuPercentAndMemoryWithoutCache()
    {
        var first = (await _docker.GetStatsAsync("jellyfin", Cancel)).Value;
        await Task.Delay(300, Cancel);
        var second = (await _docker.GetStatsAsync("jellyfin", Cancel)).Value;

        Assert.Null(DockerStatsMath.CpuPercent(first, previous: null));
        Assert.InRange(DockerStatsMath.CpuPercent(second, first)!.Value, 0.01, 1_200);
        Assert.Equal(12u, second.OnlineCpus);
        Assert.True(DockerStatsMath.MemoryUsed(second) < second.MemoryUsage);
        Assert.Equal((ulong)(24L << 30), second.MemoryLimit);
    }

    [Fact]
    public async Task SendCommandAsync_StopStopStartRestart_ReportsDoneOrAlreadyInState()
    {
        const string Name = "it-tools";

        Assert.Equal(ContainerCommandOutcome.Done, (await _docker.SendCommandAsync(Name, ContainerCommand.Stop, Cancel)).Value);
        Assert.Equal(ContainerState.Exited, (await _docker.InspectAsync(Name, Cancel)).Value.State);
        Assert.Equal(ContainerCommandOutcome.AlreadyInState, (await _docker.SendCommandAsync(Name, ContainerCommand.Stop, Cancel)).Value);
        Assert.Equal(ContainerCommandOutcome.Done, (await _docker.SendCommandAsync(Name, ContainerCommand.Start, Cancel)).Value);
        var started = (await _docker.InspectAsync(Name, Cancel)).Value;
        Assert.Equal(ContainerState.Running, started.State);

        Assert.Equal(ContainerCommandOutcome.Done, (await _docker.SendCommandAsync(Name, ContainerCommand.Restart, Cancel)).Value);
        Assert.True((await _docker.InspectAsync(Name, Cancel)).Value.StartedAt > started.StartedAt);
        Assert.Equal(SourceErrorKind.NotFound, (await _docker.SendCommandAsync("ghost", ContainerCommand.Start, Cancel)).Error?.Kind);
    }

    [Fact]
    public async Task OpenLogsAsync_Tail_ReadsTheLastLinesWithTimestamps()
    {
        var lines = await DockerTestClients.ToListAsync((await _docker.OpenLogsAsync("radarr", new LogRequest(Tail: 5), Cancel)).Value);

        Assert.Equal(5, lines.Count);
        Assert.All(lines, line =>
        {
            Assert.Equal(LogStream.Stdout, line.Stream);
            Assert.NotNull(line.Timestamp);
            Assert.False(string.IsNullOrWhiteSpace(line.Text));
        });
        Assert.Equal(lines.OrderBy(l => l.Timestamp).ToList(), lines);
    }

    [Fact]
    public async Task OpenLogsAsync_CrashLoopingContainer_HasItsErrorsOnStderr()
    {
        var lines = await DockerTestClients.ToListAsync((await _docker.OpenLogsAsync("unpackerr", new LogRequest(Tail: null), Cancel)).Value);

        Assert.Contains(lines, line => line.Stream == LogStream.Stderr && line.Text.Contains("[ERROR] unpackerr", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenLogsAsync_Follow_DeliversNewLinesAsTheyAreWritten()
    {
        var since = DateTimeOffset.UtcNow;
        using var following = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        following.CancelAfter(TimeSpan.FromSeconds(10));
        var opened = await _docker.OpenLogsAsync("grafana", new LogRequest(Tail: 0, Follow: true), following.Token);

        LogLine? first = null;
        await foreach (var line in opened.Value.WithCancellation(following.Token))
        {
            first = line;
            break;
        }

        Assert.NotNull(first);
        Assert.True(first.Timestamp >= since.AddSeconds(-1), $"{first.Timestamp} is an old line, not a new one");
    }

    [Fact]
    public async Task OpenEventsAsync_ReconnectWithSince_ReplaysWhatHappenedSince()
    {
        const string Name = "searxng";
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var seen = new List<ContainerEvent>();
        using (var watching = CancellationTokenSource.CreateLinkedTokenSource(Cancel))
        {
            watching.CancelAfter(TimeSpan.FromSeconds(10));
            var opened = await _docker.OpenEventsAsync(since, watching.Token);
            Assert.Equal(ContainerCommandOutcome.Done, (await _docker.SendCommandAsync(Name, ContainerCommand.Stop, Cancel)).Value);
            await foreach (var e in opened.Value.WithCancellation(watching.Token))
            {
                if (e.Name == Name)
                {
                    seen.Add(e);
                    if (e.Action == "stop")
                    {
                        break;
                    }
                }
            }
        }

        Assert.Equal(["kill", "die", "stop"], seen.Select(e => e.Action));

        // Reconnect the way the collector does, from the last event's time: the daemon replays from there.
        using var again = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        again.CancelAfter(TimeSpan.FromSeconds(10));
        var reopened = await _docker.OpenEventsAsync(seen[1].Time, again.Token);
        var replay = new List<ContainerEvent>();
        await foreach (var e in reopened.Value.WithCancellation(again.Token))
        {
            if (e.Name == Name)
            {
                replay.Add(e);
                if (e.Action == "stop")
                {
                    break;
                }
            }
        }

        Assert.Equal(seen.Skip(1).Select(e => (e.Action, e.TimeNano)), replay.Select(e => (e.Action, e.TimeNano)));
        Assert.All(seen, e => Assert.True(e.ChangesState));
        await _docker.SendCommandAsync(Name, ContainerCommand.Start, Cancel);
    }

    [Fact]
    public async Task ListAsync_DockerHostDown_IsUnreachable()
    {
        await using var simulator = await SimulatorFixture.StartAsync(delayScale: 0.05);
        var docker = Create(simulator.DockerUrl);
        Assert.True((await docker.ListAsync(Cancel)).IsSuccess);

        simulator.Homelab.StartPowerTask("MediaServer", GuestKind.Lxc, 200, PowerAction.Stop, "root@pam");
        while (simulator.Homelab.DockerHostUp)
        {
            await Task.Delay(50, Cancel);
        }

        Assert.Equal(SourceErrorKind.Unreachable, (await docker.ListAsync(Cancel)).Error?.Kind);
    }

    private static IContainerSource Create(Uri url) =>
        DockerAdapterFactory.Create(new DockerConnection("docker-server", DockerEndpoint.Parse(url.ToString()), Simulated: true), new DockerOptions { RequestTimeout = TimeSpan.FromSeconds(5) }, NullLoggerFactory.Instance, TimeProvider.System);
}
