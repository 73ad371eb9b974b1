using Homelab.Dashboard.Live;
using Homelab.Domain.Common;
using Homelab.Domain.Containers;
using Homelab.Domain.Sources;
using Homelab.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Homelab.Tests.Dashboard.Live;

public sealed class DockerCollectorTests
{
    private readonly TestContainerSource _source = new();

    private static DockerCollector CreateCollector(TestContainerSource source, LiveHomelabStore store, TimeProvider time, TimeSpan? interval = null) =>
        new(source, interval ?? TimeSpan.FromSeconds(5), 4, store, time, NullLogger<DockerCollector>.Instance);

    private static LiveHomelabStore CreateStore(TimeProvider time, string host = "docker-server")
    {
        var store = new LiveHomelabStore(time, TimeSpan.Zero);
        store.RegisterSource(TestData.Source(SourceIds.Docker(host)) with { Interval = TimeSpan.FromSeconds(5) });
        return store;
    }

    [Fact]
    public async Task Refresh_TwoStatsReadings_ComputesCpuLikeDockerStats()
    {
        var time = new FakeTimeProvider(TestData.Start);
        var store = CreateStore(time);
        _source.Add("jellyfin");
        var reading = 0UL;
        _source.Stats = _ =>
        {
            reading++;
            return new ContainerStatsSample
            {
                // 0.5 s of CPU per 5 s of wall time on 12 CPUs = 10 % of one core.
                CpuTotalUsage = reading * 500_000_000,
                SystemCpuUsage = reading * 60_000_000_000,
                OnlineCpus = 12,
                MemoryUsage = 600L << 20,
                MemoryLimit = 24L << 30,
                InactiveFile = 100L << 20,
            };
        };
        using var collector = CreateCollector(_source, store, time);

        await collector.RefreshAsync(withStats: true, CancellationToken.None);
        await collector.RefreshAsync(withStats: true, CancellationToken.None);

        var jellyfin = Assert.Single(store.Current.FindHost("docker-server")!.Containers);
        Assert.Equal(10.0, jellyfin.CpuPercent!.Value, 3);
        Assert.Equal(500L << 20, jellyfin.MemoryUsed);
        Assert.Equal(24L << 30, jellyfin.MemoryLimit);
    }

    [Fact]
    public async Task Refresh_StateUnchanged_DoesNotInspectAgain()
    {
        var time = new FakeTimeProvider(TestData.Start);
        var store = CreateStore(time);
        _source.Add("sonarr");
        _source.Add("radarr");
        using var collector = CreateCollector(_source, store, time);

        await collector.RefreshAsync(withStats: false, CancellationToken.None);
        await collector.RefreshAsync(withStats: false, CancellationToken.None);
        _source.Update("sonarr-id", c => c with { State = ContainerState.Exited, RestartCount = 1 });
        await collector.RefreshAsync(withStats: false, CancellationToken.None);

        Assert.Equal(3, _source.InspectCalls);
        var sonarr = store.Current.FindHost("docker-server")!.Find("sonarr-id")!;
        Assert.Equal(ContainerState.Exited, sonarr.State);
        Assert.Equal(1, sonarr.RestartCount);
    }

    [Fact]
    public async Task PollAndReport_ListFails_KeepsContainersAndReportsError()
    {
        var time = new FakeTimeProvider(TestData.Start);
        var store = CreateStore(time);
        _source.Add("sonarr");
        using var collector = CreateCollector(_source, store, time);
        await collector.PollAndReportAsync(CancellationToken.None);
        _source.ListOverride = () => SourceResult<EquatableArray<ContainerSummary>>.Fail(SourceErrorKind.Forbidden, "docker-socket-proxy does not allow CONTAINERS", 403);

        time.Advance(TimeSpan.FromSeconds(11));
        await collector.PollAndReportAsync(CancellationToken.None);

        Assert.Single(store.Current.FindHost("docker-server")!.Containers);
        var status = store.Current.FindSource("docker/docker-server")!;
        Assert.Equal(SourceHealth.Down, status.Health);
        Assert.Equal(SourceErrorKind.Forbidden, status.LastError!.Kind);
    }

    [Fact]
    public async Task Events_ContainerDies_StoreUpdatedBeforeNextTick()
    {
        var store = CreateStore(TimeProvider.System);
        _source.Add("sonarr");
        using var collector = CreateCollector(_source, store, TimeProvider.System, interval: TimeSpan.FromHours(1));
        await collector.StartAsync(CancellationToken.None);
        await WaitForAsync(() => store.Current.FindHost("docker-server")?.Find("sonarr-id")?.State == ContainerState.Running);

        _source.Update("sonarr-id", c => c with { State = ContainerState.Exited });
        await _source.Events.Writer.WriteAsync(new ContainerEvent("sonarr-id", "die", "sonarr", DateTimeOffset.UtcNow, 0));

        await WaitForAsync(() => store.Current.FindHost("docker-server")!.Find("sonarr-id")!.State == ContainerState.Exited);
        await collector.StopAsync(CancellationToken.None);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 5 s");
            await Task.Delay(20);
        }
    }
}
