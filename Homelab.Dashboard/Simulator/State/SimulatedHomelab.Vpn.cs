using Homelab.Domain.Downloads;

namespace Homelab.Dashboard.Simulator.State;

/// <summary>The VPN tunnel of the gluetun container, as its control server reports it.</summary>
internal sealed record SimVpnView(VpnState State, string PublicIp, string Country, string Region, string City, string Organization, string Hostname, string Timezone, string Location, int ForwardedPort);

internal sealed partial class SimulatedHomelab
{
    private VpnState _vpnState = VpnState.Running;
    private DateTimeOffset? _vpnTransitionAt;

    /// <summary>
    /// Whether the gluetun container runs (on a running Docker host). Its control server, and the WebUIs of the
    /// containers that share its network (qBittorrent), are only reachable while it does.
    /// </summary>
    public bool GluetunUp => Advance(_ => IsContainerRunningLocked("gluetun"));

    /// <summary>Whether qBittorrent's WebUI answers: its container runs, inside gluetun's network namespace.</summary>
    public bool QBittorrentUp => Advance(_ => IsContainerRunningLocked("gluetun") && IsContainerRunningLocked("qbittorrent"));

    /// <summary>Whether traffic can flow: gluetun's kill switch blocks everything while the tunnel is not up.</summary>
    public bool VpnConnected => Advance(_ => IsVpnConnectedLocked());

    public SimVpnView ReadVpn() => Advance(_ => new SimVpnView(
        _vpnState,
        PublicIp: _vpnState == VpnState.Running ? "185.65.135.73" : "",
        Country: "Netherlands",
        Region: "North Holland",
        City: "Amsterdam",
        Organization: "AS39351 31173 Services AB",
        Hostname: "nl-ams-wg-001",
        Timezone: "Europe/Amsterdam",
        Location: "52.3676,4.9041",
        ForwardedPort: _vpnState == VpnState.Running ? 51413 : 0));

    /// <summary>Starts or stops the tunnel (gluetun's <c>PUT /v1/vpn/status</c>); it passes through starting/stopping first.</summary>
    public void SetVpnRunning(bool running)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            ProcessDueLocked(now);
            if (running && _vpnState is not (VpnState.Running or VpnState.Starting))
            {
                _vpnState = VpnState.Starting;
                _vpnTransitionAt = now + Scaled(3);
            }
            else if (!running && _vpnState is not (VpnState.Stopped or VpnState.Stopping))
            {
                _vpnState = VpnState.Stopping;
                _vpnTransitionAt = now + Scaled(1);
            }
        }
    }

    private bool IsVpnConnectedLocked() => _vpnState == VpnState.Running && IsContainerRunningLocked("gluetun");

    private bool IsContainerRunningLocked(string name) =>
        FindGuest(SimulatorTopology.DockerHostVmId)?.Running == true && _containers.Any(c => c.Seed.Name == name && c.State == "running");

    private void ProcessVpnLocked(DateTimeOffset now)
    {
        if (_vpnTransitionAt is { } at && at <= now)
        {
            _vpnState = _vpnState == VpnState.Starting ? VpnState.Running : VpnState.Stopped;
            _vpnTransitionAt = null;
        }
    }
}
