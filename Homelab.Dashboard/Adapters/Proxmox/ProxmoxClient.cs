using Homelab.Domain.Cluster;
using Homelab.Domain.Common;
using Homelab.Domain.Ports;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Adapters.Proxmox;

/// <summary>
/// The Proxmox VE API (<c>/api2/json</c>) behind <see cref="IClusterSource"/>. The <see cref="HttpClient"/> comes
/// configured (base address, API token, timeout; see <see cref="ProxmoxAdapterFactory.ConfigureClient"/>).
/// </summary>
/// <remarks>Never throws for upstream problems; only the caller's own cancellation escapes.</remarks>
internal sealed partial class ProxmoxClient : IClusterSource
{
    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly ProxmoxCertificatePolicy? _certificates;
    private readonly string? _secret;

    /// <param name="certificates">The TLS policy of the handler, to explain a refused certificate; null in tests without TLS.</param>
    public ProxmoxClient(HttpClient http, ILogger<ProxmoxClient> logger, TimeProvider timeProvider, ProxmoxCertificatePolicy? certificates = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        _logger = logger;
        _timeProvider = timeProvider;
        _certificates = certificates;
        _secret = ProxmoxAdapterFactory.TokenSecretOf(http);
    }

    public async Task<SourceResult<ClusterSnapshot>> GetClusterAsync(CancellationToken cancellationToken)
    {
        var statusTask = GetAsync("cluster/status", ProxmoxClusterParser.ParseStatus, cancellationToken);
        var resourcesTask = GetAsync("cluster/resources", ProxmoxClusterParser.ParseResources, cancellationToken);
        var resources = await resourcesTask;
        var status = await statusTask;
        if (!resources.IsSuccess)
        {
            return resources.Error;
        }

        ClusterStatusInfo? membership = null;
        if (status.IsSuccess)
        {
            membership = status.Value;
        }
        else if (status.Error.Kind == SourceErrorKind.Forbidden)
        {
            // A token without Sys.Audit on / may still list resources; only quorum and membership stay unknown.
            ProxmoxLog.ClusterStatusForbidden(_logger, status.Error.Message);
        }
        else
        {
            return status.Error;
        }

        return SourceResult<ClusterSnapshot>.Ok(ProxmoxClusterParser.Merge(membership, resources.Value, _timeProvider.GetUtcNow()));
    }

    public Task<SourceResult<NodeDetails>> GetNodeDetailsAsync(string node, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        return GetAsync($"nodes/{Segment(node)}/status", ProxmoxNodeParser.ParseDetails, cancellationToken);
    }

    public Task<SourceResult<EquatableArray<NodeSample>>> GetNodeHistoryAsync(string node, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        return GetAsync($"nodes/{Segment(node)}/rrddata?timeframe=hour&cf=AVERAGE", ProxmoxNodeParser.ParseHistory, cancellationToken);
    }

    public Task<SourceResult<GuestStatusReading>> GetGuestStatusAsync(GuestRef guest, CancellationToken cancellationToken) =>
        GetAsync($"{GuestPath(guest)}/status/current", ProxmoxTaskParser.ParseGuestStatus, cancellationToken);

    public Task<SourceResult<string>> StartPowerActionAsync(GuestRef guest, PowerAction action, CancellationToken cancellationToken)
    {
        // No extra parameters: shutdown keeps Proxmox's own timeout and never turns into a forced stop behind the user's back.
        var path = $"{GuestPath(guest)}/status/{action.ApiVerb()}";
        return SendAsync(HttpMethod.Post, path, new FormUrlEncodedContent([]), ProxmoxTaskParser.ParseUpid, cancellationToken);
    }

    public Task<SourceResult<ProxmoxTaskStatus>> GetTaskStatusAsync(string upid, CancellationToken cancellationToken)
    {
        if (!Upid.TryParse(upid, out var parsed))
        {
            return Task.FromResult(SourceResult<ProxmoxTaskStatus>.Fail(SourceErrorKind.BadRequest, $"'{upid}' is not a Proxmox task id (UPID)"));
        }

        // The task lives on the node that runs it, which the UPID names; the UPID itself (colons, '!', '@') is one path segment.
        var path = $"nodes/{Segment(parsed.Node)}/tasks/{Segment(parsed.Value)}/status";
        return GetAsync(path, data => ProxmoxTaskParser.ParseTaskStatus(parsed.Value, data), cancellationToken);
    }

    private static string GuestPath(GuestRef guest)
    {
        ArgumentException.ThrowIfNullOrEmpty(guest.Node);
        return $"nodes/{Segment(guest.Node)}/{guest.KindSegment}/{guest.VmId}";
    }

    private static string Segment(string value) => Uri.EscapeDataString(value);
}
