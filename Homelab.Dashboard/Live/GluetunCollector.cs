using Homelab.Domain.Ports;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Live;

/// <summary>Reads the VPN's status, address and forwarded port from gluetun's control server.</summary>
internal sealed class GluetunCollector(
    IVpnSource source,
    TimeSpan interval,
    LiveHomelabStore store,
    TimeProvider timeProvider,
    ILogger<GluetunCollector> logger) : PollingCollector(store, timeProvider, logger)
{
    public override string SourceId => SourceIds.Gluetun;

    protected override TimeSpan Interval => interval;

    protected override async Task<SourceError?> PollOnceAsync(CancellationToken cancellationToken)
    {
        var status = await source.GetStatusAsync(cancellationToken);
        if (!status.IsSuccess)
        {
            return status.Error;
        }

        Store.SetVpn(status.Value);
        return null;
    }
}
