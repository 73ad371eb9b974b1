using Homelab.Domain.Cluster;
using Homelab.Domain.Common;
using Homelab.Domain.Ports;
using Homelab.Domain.Sources;

namespace Homelab.Tests.Shared;

/// <summary>A Proxmox cluster whose answers the test sets; counts the calls it gets.</summary>
internal sealed class TestClusterSource : IClusterSource
{
    public Func<SourceResult<ClusterSnapshot>> Cluster { get; set; } = () => SourceResult<ClusterSnapshot>.Ok(new ClusterSnapshot());

    public Func<string, SourceResult<NodeDetails>> Details { get; set; } = _ => SourceResult<NodeDetails>.Ok(new NodeDetails());

    public Func<string, SourceResult<EquatableArray<NodeSample>>> History { get; set; } = _ => SourceResult<EquatableArray<NodeSample>>.Ok(EquatableArray<NodeSample>.Empty);

    public Func<GuestRef, SourceResult<GuestStatusReading>> GuestStatus { get; set; } = _ => SourceResult<GuestStatusReading>.Ok(new GuestStatusReading(Homelab.Domain.Cluster.GuestStatus.Running, null, null));

    public Func<GuestRef, PowerAction, SourceResult<string>> PowerAction { get; set; } = (g, a) => SourceResult<string>.Ok($"UPID:{g.Node}:00000001:00000001:00000001:qm{a.ApiVerb()}:{g.VmId}:root@pam:");

    public Func<string, SourceResult<ProxmoxTaskStatus>> TaskStatus { get; set; } = upid => SourceResult<ProxmoxTaskStatus>.Ok(new ProxmoxTaskStatus(upid, false, "OK"));

    public int ClusterCalls;

    public int DetailCalls;

    public List<(GuestRef Guest, PowerAction Action)> PowerRequests { get; } = [];

    public Task<SourceResult<ClusterSnapshot>> GetClusterAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref ClusterCalls);
        return Task.FromResult(Cluster());
    }

    public Task<SourceResult<NodeDetails>> GetNodeDetailsAsync(string node, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref DetailCalls);
        return Task.FromResult(Details(node));
    }

    public Task<SourceResult<EquatableArray<NodeSample>>> GetNodeHistoryAsync(string node, CancellationToken cancellationToken) => Task.FromResult(History(node));

    public Task<SourceResult<GuestStatusReading>> GetGuestStatusAsync(GuestRef guest, CancellationToken cancellationToken) => Task.FromResult(GuestStatus(guest));

    public Task<SourceResult<string>> StartPowerActionAsync(GuestRef guest, PowerAction action, CancellationToken cancellationToken)
    {
        lock (PowerRequests)
        {
            PowerRequests.Add((guest, action));
        }

        return Task.FromResult(PowerAction(guest, action));
    }

    public Task<SourceResult<ProxmoxTaskStatus>> GetTaskStatusAsync(string upid, CancellationToken cancellationToken) => Task.FromResult(TaskStatus(upid));
}
