using Homelab.Dashboard.Configuration;
using Homelab.Domain.Ports;

namespace Homelab.Dashboard.Adapters.Proxmox;

/// <summary>Builds the Proxmox adapter with its TLS policy and timeouts.</summary>
internal static class ProxmoxAdapterFactory
{
    public static IClusterSource Create(ProxmoxConnection connection, ProxmoxOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider) =>
        throw new NotImplementedException($"Proxmox adapter for {connection.BaseUrl} ({options.PollInterval}, {loggerFactory}, {timeProvider}).");
}
