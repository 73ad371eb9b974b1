using Homelab.Domain.Cluster;
using Homelab.Domain.Downloads;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Hubs;

/// <summary>
/// What the server pushes to non-Blazor clients of <c>/hubs/homelab</c>. Each change carries the snapshot version it
/// produces, so a client that fetched a snapshot with <see cref="HomelabHub.GetSnapshot"/> drops older changes.
/// </summary>
public interface IHomelabHubClient
{
    Task ClusterChanged(long version, ClusterSnapshot cluster);

    Task ContainersChanged(long version, ContainersChanged change);

    Task SourceChanged(long version, SourceStatus status);

    Task TorrentsChanged(long version, TorrentsChanged change);

    Task VpnChanged(long version, VpnStatus status);

    /// <summary>Start over from this snapshot.</summary>
    Task SnapshotReset(HomelabSnapshot snapshot);
}
