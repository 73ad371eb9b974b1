using Homelab.Dashboard.Components.Controls;
using Homelab.Dashboard.Model;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;
using MudBlazor;

namespace Homelab.Dashboard.Components.Layout;

/// <summary>The app-bar chip: "all sources fresh" or "1 down", linking to the sources page.</summary>
/// <remarks>Re-renders only when its text changes, not on every poll.</remarks>
public partial class SourcesSummary : LiveComponentBase
{
    private SourcesSummaryModel _summary = SourcesSummaryModel.From([]);
    private bool _changed;

    protected override void OnSnapshotChanged(IReadOnlyList<HomelabChange> changes)
    {
        var next = SourcesSummaryModel.From(Snapshot.Sources);
        _changed = next != _summary;
        _summary = next;
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
