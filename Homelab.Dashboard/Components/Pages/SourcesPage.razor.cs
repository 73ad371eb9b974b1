using Homelab.Dashboard.Components.Controls;
using Homelab.Dashboard.Model;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Components.Pages;

/// <summary>Every upstream with its status, timings and last error: where to look when numbers look old.</summary>
public partial class SourcesPage : LiveComponentBase
{
    private IReadOnlyList<SourceRowModel> _rows = [];

    protected override void OnSnapshotChanged(IReadOnlyList<HomelabChange> changes)
    {
        if (changes.Count == 0 || changes.Any(c => c is SourceChanged or SnapshotReset))
        {
            _rows = [.. Snapshot.Sources.Select(SourceRowModel.From)];
        }
    }

    protected override bool ShouldRender(IReadOnlyList<HomelabChange> changes) => changes.Any(c => c is SourceChanged or SnapshotReset);

    private static string HealthTag(SourceHealth health) => health switch
    {
        SourceHealth.Fresh => "hl-tag-ok",
        SourceHealth.Stale => "hl-tag-warning",
        SourceHealth.Down => "hl-tag-error",
        _ => "hl-tag-info",
    };
}
