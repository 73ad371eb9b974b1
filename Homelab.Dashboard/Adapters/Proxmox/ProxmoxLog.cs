using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Adapters.Proxmox;

/// <summary>Log messages of the Proxmox adapter. None of them carries the token secret.</summary>
internal static partial class ProxmoxLog
{
    [LoggerMessage(6001, LogLevel.Warning, "TLS verification for the Proxmox API at {BaseUrl} is off (Homelab:Proxmox:InsecureSkipTlsVerify): any certificate is accepted.")]
    public static partial void InsecureTls(ILogger logger, Uri baseUrl);

    [LoggerMessage(EventId = 6002, Message = "Proxmox {Method} {Path} failed ({Kind}, HTTP {StatusCode}): {Message}")]
    public static partial void RequestFailed(ILogger logger, LogLevel level, string method, string path, SourceErrorKind kind, int? statusCode, string message);

    [LoggerMessage(6003, LogLevel.Debug, "Proxmox refused cluster/status ({Message}); quorum stays unknown. Grant the token Sys.Audit on / to see it.")]
    public static partial void ClusterStatusForbidden(ILogger logger, string message);
}
