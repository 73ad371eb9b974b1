using Homelab.Domain.Downloads;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Model;

/// <summary>
/// What the VPN badge says: the tunnel's state in words, its exit address only when it is known, whether the
/// status is old, and a warning when torrents move data while the tunnel is not running.
/// </summary>
/// <param name="StateWord">"running", "stopped", "crashed", "starting", "stopping" or "unknown" (the badge's data attribute).</param>
/// <param name="Level">"ok", "warning" or "error", for colour; the words say the same.</param>
/// <param name="Text">"VPN running · 185.65.135.73 · Amsterdam, Netherlands · port 51413".</param>
/// <param name="Brief">"VPN running": for the app bar, with <see cref="Text"/> as its tooltip.</param>
/// <param name="StaleWord">"gluetun down" or "stale" when the status is old; null when it is current.</param>
/// <param name="Leak">The warning when torrents move without the tunnel; null otherwise.</param>
public sealed record VpnBadgeModel(string StateWord, string Level, string Text, string Brief, string? Detail, string? StaleWord, string? Leak)
{
    public bool Stale => StaleWord is not null;

    /// <summary>
    /// The badge for the VPN in front of the downloads; null when no VPN is configured (nothing to say).
    /// </summary>
    /// <param name="moving">Torrents moving data now, from the torrent client.</param>
    public static VpnBadgeModel? From(VpnStatus? vpn, SourceStatus? source, int moving)
    {
        if (vpn is null && source is null)
        {
            return null;
        }

        var staleWord = Freshness.IsStale(source) ? source!.Health == SourceHealth.Down ? "gluetun down" : "stale" : null;
        if (vpn is null)
        {
            var waiting = staleWord is null ? "VPN: waiting for gluetun" : "VPN state unknown";
            return new VpnBadgeModel("unknown", "warning", waiting, waiting, source?.LastError?.Message, staleWord, null);
        }

        var state = vpn.State switch
        {
            VpnState.Running => "running",
            VpnState.Starting => "starting",
            VpnState.Stopping => "stopping",
            VpnState.Stopped => "stopped",
            VpnState.Crashed => "crashed",
            _ => "unknown",
        };
        var level = vpn.State switch
        {
            VpnState.Running => "ok",
            VpnState.Stopped or VpnState.Crashed => "error",
            _ => "warning",
        };
        var shortText = vpn.State == VpnState.Unknown ? "VPN state unknown" : $"VPN {state}";
        var parts = new List<string>(4) { shortText };
        if (vpn.State == VpnState.Running)
        {
            // gluetun reports an empty address until its first lookup; an address is only shown once it is the tunnel's.
            if (vpn.PublicIpKnown)
            {
                parts.Add(vpn.PublicIp!);
                if (Location(vpn) is { } location)
                {
                    parts.Add(location);
                }
            }
            else
            {
                parts.Add("address not known yet");
            }

            if (vpn.ForwardedPort is > 0 and var port)
            {
                parts.Add($"port {port}");
            }
        }

        var detail = vpn.State == VpnState.Running && vpn.PublicIpKnown && !string.IsNullOrWhiteSpace(vpn.Organization) ? vpn.Organization : null;
        string? leak = null;
        if (vpn.State != VpnState.Running && moving > 0)
        {
            // gluetun's kill switch should block all traffic while the tunnel is down: data that still moves may be
            // leaving without it.
            leak = $"{moving} torrent{(moving == 1 ? " is" : "s are")} moving data while the VPN is {(vpn.State == VpnState.Unknown ? "in an unknown state" : state)}: "
                + "that traffic may be leaving outside the tunnel. Pause the torrents, or check gluetun's kill switch.";
        }

        return new VpnBadgeModel(state, level, string.Join(" · ", parts), leak is null ? shortText : $"{shortText} · {moving} moving", detail, staleWord, leak);
    }

    private static string? Location(VpnStatus vpn)
    {
        var place = new[] { vpn.City, vpn.Country }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return place.Count == 0 ? null : string.Join(", ", place);
    }
}
