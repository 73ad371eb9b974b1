using Homelab.Domain.Common;
using Homelab.Domain.Containers;
using Homelab.Domain.Sources;

namespace Homelab.Domain.Ports;

/// <summary>One Docker Engine (through its socket or a socket proxy).</summary>
/// <remarks>Never throws for upstream failures; calls return <see cref="SourceResult{T}"/>.</remarks>
public interface IContainerSource
{
    /// <summary>The configured host name, e.g. <c>docker-server</c>.</summary>
    string Host { get; }

    /// <summary>All containers, running or not.</summary>
    Task<SourceResult<EquatableArray<ContainerSummary>>> ListAsync(CancellationToken cancellationToken);

    Task<SourceResult<ContainerDetails>> InspectAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>One reading of the container's counters, returned at once (not waiting for a second sample).</summary>
    Task<SourceResult<ContainerStatsSample>> GetStatsAsync(string containerId, CancellationToken cancellationToken);

    Task<SourceResult<ContainerCommandOutcome>> SendCommandAsync(string containerId, ContainerCommand command, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the container's log. The stream ends when the container's output ends (or, when following, when
    /// <paramref name="cancellationToken"/> is cancelled or the connection drops).
    /// </summary>
    Task<SourceResult<IAsyncEnumerable<LogLine>>> OpenLogsAsync(string containerId, LogRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the container event stream from <paramref name="since"/> (or now). It ends when the connection drops;
    /// callers reconnect with the last event's time.
    /// </summary>
    Task<SourceResult<IAsyncEnumerable<ContainerEvent>>> OpenEventsAsync(DateTimeOffset? since, CancellationToken cancellationToken);
}
