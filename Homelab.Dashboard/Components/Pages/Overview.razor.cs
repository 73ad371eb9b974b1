using Homelab.Dashboard.Components.Controls;
using Homelab.Dashboard.Model;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Components.Pages;

/// <summary>The homelab at a glance: health, nodes, guests, containers, storage and what needs attention.</summary>
public partial class Overview : LiveComponentBase
{
    private OverviewModel _model = OverviewModel.Build(HomelabSnapshot.Empty);

    /// <summary>The health strip mixes cluster and container counts; it is only as fresh as the older of the two.</summary>
    private SourceStatus? HealthSource => Freshness.LeastFresh(new[] { _model.ClusterSource, _model.ContainerSource }.OfType<SourceStatus>());

    /// <summary>Attention is judged from every source; it is only as fresh as the oldest.</summary>
    private SourceStatus? AttentionSource => Freshness.LeastFresh(Snapshot.Sources);

    protected override void OnSnapshotChanged(IReadOnlyList<HomelabChange> changes) => _model = OverviewModel.Build(Snapshot);

    private static string SeverityWord(AttentionSeverity severity) => severity.ToString().ToLowerInvariant();

    private static string SeverityTag(AttentionSeverity severity) => severity switch
    {
        AttentionSeverity.Critical => "hl-tag-error",
        AttentionSeverity.Warning => "hl-tag-warning",
        _ => "hl-tag-info",
    };
}
