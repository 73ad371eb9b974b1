using Homelab.Dashboard.Components.Controls;
using Homelab.Dashboard.Live;
using Homelab.Dashboard.Model;
using Homelab.Domain.Downloads;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;
using MudBlazor;

namespace Homelab.Dashboard.Components.Layout;

/// <summary>The app-bar chips: the VPN (when one is configured), and "all sources fresh" or "1 down", linking to the sources page.</summary>
/// <remarks>Re-renders only when its text changes, not on every poll.</remarks>
public partial class SourcesSummary : LiveComponentBase
{
    private SourcesSummaryModel _summary = SourcesSummaryModel.From([]);
    private VpnBadgeModel? _vpn;
    private bool _changed;

    protected override void OnSnapshotChanged(IReadOnlyList<HomelabChange> changes)
    {
        var next = SourcesSummaryModel.From(Snapshot.Sources);

        // The VPN chip shares this subscription: one per circuit for the whole app bar. Torrents are only counted
        // when the tunnel is not running, which is the only time moving data is news.
        var vpn = Snapshot.Vpn;
        var moving = vpn is { State: not VpnState.Running } ? Snapshot.Downloads?.MovingCount ?? 0 : 0;
        var nextVpn = VpnBadgeModel.From(vpn, Snapshot.FindSource(SourceIds.Gluetun), moving);
        _changed = next != _summary || nextVpn != _vpn;
        (_summary, _vpn) = (next, nextVpn);
    }

    protected override bool ShouldRender(IReadOnlyList<HomelabChange> changes) => _changed;

    private static string IconFor(SourceHealth health) => health switch
    {
        SourceHealth.Fresh => Icons.Material.Filled.CheckCircle,
        SourceHealth.Down => Icons.Material.Filled.Error,
        SourceHealth.Stale => Icons.Material.Filled.Warning,
        _ => Icons.Material.Filled.HourglassEmpty,
    };
}
