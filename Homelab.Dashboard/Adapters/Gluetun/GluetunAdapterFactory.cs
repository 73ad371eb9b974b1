using Homelab.Dashboard.Configuration;
using Homelab.Domain.Downloads;
using Homelab.Domain.Ports;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Adapters.Gluetun;

/// <summary>Builds the gluetun control-server adapter.</summary>
internal static class GluetunAdapterFactory
{
    public static IVpnSource Create(GluetunConnection connection, GluetunOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        _ = (connection, options, loggerFactory, timeProvider);
        return new NotYetAvailable();
    }

    /// <summary>Placeholder until the adapter lands: reports itself as an unreachable source.</summary>
    private sealed class NotYetAvailable : IVpnSource
    {
        public Task<SourceResult<VpnStatus>> GetStatusAsync(CancellationToken cancellationToken) =>
            Task.FromResult(SourceResult<VpnStatus>.Fail(SourceErrorKind.Unreachable, "the gluetun adapter is not built yet"));
    }
}
