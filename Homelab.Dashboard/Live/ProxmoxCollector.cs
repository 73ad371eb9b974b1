using System.Collections.Concurrent;
using Homelab.Domain.Cluster;
using Homelab.Domain.Common;
using Homelab.Domain.Ports;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Live;

/// <summary>
/// Polls the Proxmox cluster (status + resources every few seconds; node details and an hour of history less often)
/// and writes one merged <see cref="ClusterSnapshot"/> into the store.
/// </summary>
internal sealed class ProxmoxCollector : PollingCollector
{
    private readonly IClusterSource _source;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _detailsInterval;
    private readonly ConcurrentDictionary<string, NodeExtras> _extras = new(StringComparer.Ordinal);

    public ProxmoxCollector(
        string sourceId,
        IClusterSource source,
        TimeSpan interval,
        TimeSpan detailsInterval,
        LiveHomelabStore store,
        TimeProvider timeProvider,
        ILogger<ProxmoxCollector> logger)
        : base(store, timeProvider, logger)
    {
        SourceId = sourceId;
        _source = source;
        _interval = interval;
        _detailsInterval = detailsInterval;
    }

    public override string SourceId { get; }

    protected override TimeSpan Interval => _interval;

    protected override async Task<SourceError?> PollOnceAsync(CancellationToken cancellationToken)
    {
        var result = await _source.GetClusterAsync(cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error;
        }

        var cluster = result.Value;
        await RefreshExtrasAsync(cluster, cancellationToken);
        Store.SetCluster(cluster with { Nodes = [.. cluster.Nodes.Select(MergeExtras)] });
        return null;
    }

    /// <summary>Re-reads details and history of online nodes whose copy is older than the details interval.</summary>
    private async Task RefreshExtrasAsync(ClusterSnapshot cluster, CancellationToken cancellationToken)
    {
        var now = TimeProvider.GetUtcNow();
        var due = cluster.Nodes
            .Where(n => n.Status == NodeStatus.Online)
            .Where(n => !_extras.TryGetValue(n.Name, out var extras) || now - extras.ReadAt >= _detailsInterval)
            .ToList();
        await Task.WhenAll(due.Select(n => RefreshNodeAsync(n.Name, now, cancellationToken)));
    }

    private async Task RefreshNodeAsync(string node, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var detailsTask = _source.GetNodeDetailsAsync(node, cancellationToken);
        var historyTask = _source.GetNodeHistoryAsync(node, cancellationToken);
        var details = await detailsTask;
        var history = await historyTask;
        var previous = _extras.GetValueOrDefault(node);
        if (!details.IsSuccess)
        {
            CollectorLog.NodeDetailsFailed(Logger, node, details.Error.ToString());
        }

        if (!history.IsSuccess)
        {
            CollectorLog.NodeDetailsFailed(Logger, node, history.Error.ToString());
        }

        // A failed read keeps what we had; the next attempt is one details interval away either way.
        _extras[node] = new NodeExtras(
            details.IsSuccess ? details.Value : previous?.Details,
            history.IsSuccess ? history.Value : previous?.History ?? EquatableArray<NodeSample>.Empty,
            now);
    }

    private ClusterNode MergeExtras(ClusterNode node)
    {
        if (!_extras.TryGetValue(node.Name, out var extras))
        {
            return node;
        }

        var details = extras.Details;
        return node with
        {
            CpuModel = details?.CpuModel ?? node.CpuModel,
            PveVersion = details?.PveVersion ?? node.PveVersion,
            KernelVersion = details?.KernelVersion ?? node.KernelVersion,
            LoadAverage = details is { LoadAverage.Count: > 0 } ? details.LoadAverage : node.LoadAverage,
            IoWait = details?.IoWait ?? node.IoWait,
            History = extras.History,
        };
    }

    private sealed record NodeExtras(NodeDetails? Details, EquatableArray<NodeSample> History, DateTimeOffset ReadAt);
}
