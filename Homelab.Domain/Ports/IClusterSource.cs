using Homelab.Domain.Cluster;
using Homelab.Domain.Common;
using Homelab.Domain.Sources;

namespace Homelab.Domain.Ports;

/// <summary>A Proxmox VE cluster (or standalone host).</summary>
/// <remarks>Never throws for upstream failures; every call returns a <see cref="SourceResult{T}"/>.</remarks>
public interface IClusterSource
{
    /// <summary>Cluster status and quorum, nodes, guests and storage, in one consistent read.</summary>
    Task<SourceResult<ClusterSnapshot>> GetClusterAsync(CancellationToken cancellationToken);

    /// <summary>Slow-moving node facts: CPU model, versions, load, root filesystem.</summary>
    Task<SourceResult<NodeDetails>> GetNodeDetailsAsync(string node, CancellationToken cancellationToken);

    /// <summary>The last hour of a node's history, oldest first.</summary>
    Task<SourceResult<EquatableArray<NodeSample>>> GetNodeHistoryAsync(string node, CancellationToken cancellationToken);

    /// <summary>One guest's current run state.</summary>
    Task<SourceResult<GuestStatusReading>> GetGuestStatusAsync(GuestRef guest, CancellationToken cancellationToken);

    /// <summary>Asks for a power action and returns the task's UPID.</summary>
    Task<SourceResult<string>> StartPowerActionAsync(GuestRef guest, PowerAction action, CancellationToken cancellationToken);

    /// <summary>The state of a task started earlier.</summary>
    Task<SourceResult<ProxmoxTaskStatus>> GetTaskStatusAsync(string upid, CancellationToken cancellationToken);
}
