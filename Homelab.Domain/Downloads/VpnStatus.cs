namespace Homelab.Domain.Downloads;

/// <summary>The tunnel's state as gluetun reports it.</summary>
public enum VpnState
{
    Unknown,
    Starting,
    Running,
    Stopping,
    Stopped,
    Crashed,
}

/// <summary>What the VPN in front of the downloads says about itself.</summary>
public sealed record VpnStatus
{
    public required VpnState State { get; init; }

    /// <summary>The exit address; only meaningful while <see cref="State"/> is running (see <see cref="PublicIpKnown"/>).</summary>
    public string? PublicIp { get; init; }

    public string? Country { get; init; }

    public string? Region { get; init; }

    public string? City { get; init; }

    public string? Organization { get; init; }

    /// <summary>The port the provider forwards to the torrent client; null when none.</summary>
    public int? ForwardedPort { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// gluetun reports an empty address before its first lookup, and an address seen while the tunnel is not running is
    /// not the tunnel's: both are unknown, not a leak.
    /// </summary>
    public bool PublicIpKnown => State == VpnState.Running && !string.IsNullOrEmpty(PublicIp);

    public static VpnState ParseState(string? value) => value?.ToLowerInvariant() switch
    {
        "starting" => VpnState.Starting,
        "running" => VpnState.Running,
        "stopping" => VpnState.Stopping,
        "stopped" => VpnState.Stopped,
        "crashed" => VpnState.Crashed,
        _ => VpnState.Unknown,
    };
}
