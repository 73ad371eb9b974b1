using Homelab.Dashboard.Live;
using Homelab.Domain.Cluster;
using Homelab.Domain.Common;
using Homelab.Domain.Sources;
using Homelab.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Homelab.Tests.Dashboard.Live;

public sealed class ProxmoxCollectorTests
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(3);
    private readonly FakeTimeProvider _time = new(TestData.Start);
    private readonly TestClusterSource _source = new();
    private readonly LiveHomelabStore _store;

    public ProxmoxCollectorTests()
    {
        _store = new LiveHomelabStore(_time, TimeSpan.Zero);
        _store.RegisterSource(TestData.Source(SourceIds.Proxmox, SourceKind.Proxmox) with { Interval = s_interval });
        _source.Cluster = () => SourceResult<ClusterSnapshot>.Ok(TestData.Cluster(TestData.Node("pve"), TestData.Node("MediaServer"), TestData.Node("AIServer")));
    }

    private ProxmoxCollector CreateCollector() =>
        new(SourceIds.Proxmox, _source, s_interval, TimeSpan.FromSeconds(60), _store, _time, NullLogger<ProxmoxCollector>.Instance);

    [Fact]
    public async Task PollAndReport_ClusterAnswers_StoresClusterAndMarksFresh()
    {
        using var collector = CreateCollector();

        var delay = await collector.PollAndReportAsync(CancellationToken.None);

        Assert.Equal(s_interval, delay);
        Assert.Equal(3, _store.Current.Cluster!.Nodes.Count);
        var status = _store.Current.FindSource(SourceIds.Proxmox)!;
        Assert.Equal(SourceHealth.Fresh, status.Health);
        Assert.Equal(_time.GetUtcNow(), status.LastSuccess);
    }

    [Fact]
    public async Task PollAndReport_SourceFailsLater_KeepsLastGoodDataAndGoesDown()
    {
        using var collector = CreateCollector();
        await collector.PollAndReportAsync(CancellationToken.None);
        _source.Cluster = () => SourceResult<ClusterSnapshot>.Fail(SourceErrorKind.NodeUnreachable, "595 No route to host", 595);

        _time.Advance(TimeSpan.FromSeconds(7));
        await collector.PollAndReportAsync(CancellationToken.None);

        Assert.Equal(3, _store.Current.Cluster!.Nodes.Count);
        var status = _store.Current.FindSource(SourceIds.Proxmox)!;
        Assert.Equal(SourceHealth.Down, status.Health);
        Assert.Equal("595 No route to host", status.LastError!.Message);
    }

    [Fact]
    public async Task PollAndReport_Unauthorized_WaitsFiveMinutesBeforeTryingAgain()
    {
        using var collector = CreateCollector();
        _source.Cluster = () => SourceResult<ClusterSnapshot>.Fail(SourceErrorKind.Unauthorized, "authentication failed", 401);

        var delay = await collector.PollAndReportAsync(CancellationToken.None);

        Assert.Equal(BackoffPolicy.AuthenticationFailureDelay, delay);
        Assert.Equal(_time.GetUtcNow() + delay, _store.Current.FindSource(SourceIds.Proxmox)!.RetryAt);
    }

    [Fact]
    public async Task PollAndReport_RepeatedFailures_BackOffGrowsToCap()
    {
        using var collector = CreateCollector();
        _source.Cluster = () => SourceResult<ClusterSnapshot>.Fail(SourceErrorKind.Unreachable, "connection refused");

        var delays = new List<TimeSpan>();
        for (var i = 0; i < 8; i++)
        {
            delays.Add(await collector.PollAndReportAsync(CancellationToken.None));
        }

        Assert.Equal([3, 6, 12, 24, 48, 60, 60, 60], delays.Select(d => d.TotalSeconds));
    }

    [Fact]
    public async Task PollAndReport_Recovered_ResetsToNormalInterval()
    {
        using var collector = CreateCollector();
        _source.Cluster = () => SourceResult<ClusterSnapshot>.Fail(SourceErrorKind.Timeout, "no answer in time");
        await collector.PollAndReportAsync(CancellationToken.None);
        await collector.PollAndReportAsync(CancellationToken.None);
        _source.Cluster = () => SourceResult<ClusterSnapshot>.Ok(TestData.Cluster(TestData.Node("pve")));

        var delay = await collector.PollAndReportAsync(CancellationToken.None);

        Assert.Equal(s_interval, delay);
        Assert.Equal(0, _store.Current.FindSource(SourceIds.Proxmox)!.ConsecutiveFailures);
    }

    [Fact]
    public async Task PollAndReport_NodeDetails_ReadOncePerDetailsIntervalAndMerged()
    {
        using var collector = CreateCollector();
        _source.Details = node => SourceResult<NodeDetails>.Ok(new NodeDetails { CpuModel = $"cpu of {node}", PveVersion = "pve-manager/9.1.1" });
        _source.History = _ => SourceResult<EquatableArray<NodeSample>>.Ok([new NodeSample(TestData.Start, 0.1, 1, 2, 3, 4, 5, 6)]);

        for (var i = 0; i < 10; i++)
        {
            await collector.PollAndReportAsync(CancellationToken.None);
            _time.Advance(s_interval);
        }

        Assert.Equal(3, _source.DetailCalls);
        var pve = _store.Current.Cluster!.FindNode("pve")!;
        Assert.Equal("cpu of pve", pve.CpuModel);
        Assert.Single(pve.History);
    }

    [Fact]
    public async Task PollAndReport_DetailsFailLater_KeepsPreviousDetails()
    {
        using var collector = CreateCollector();
        _source.Details = _ => SourceResult<NodeDetails>.Ok(new NodeDetails { CpuModel = "i7-9700K" });
        await collector.PollAndReportAsync(CancellationToken.None);
        _source.Details = _ => SourceResult<NodeDetails>.Fail(SourceErrorKind.Timeout, "slow");

        _time.Advance(TimeSpan.FromSeconds(61));
        await collector.PollAndReportAsync(CancellationToken.None);

        Assert.Equal("i7-9700K", _store.Current.Cluster!.FindNode("pve")!.CpuModel);
        Assert.Equal(SourceHealth.Fresh, _store.Current.FindSource(SourceIds.Proxmox)!.Health);
    }

    [Fact]
    public async Task Subscribers_ManyReaders_DoNotChangeUpstreamRequests()
    {
        using var collector = CreateCollector();
        using var cts = new CancellationTokenSource();
        for (var i = 0; i < 50; i++)
        {
            _ = _store.Subscribe(cts.Token);
        }

        for (var i = 0; i < 4; i++)
        {
            await collector.PollAndReportAsync(CancellationToken.None);
        }

        Assert.Equal(4, _source.ClusterCalls);
        await cts.CancelAsync();
    }
}
