using Homelab.Dashboard.Components.Controls;
using Homelab.Dashboard.Live;
using Homelab.Dashboard.Model;
using Homelab.Domain.Actions;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;
using Microsoft.AspNetCore.Components;

namespace Homelab.Dashboard.Components.Pages;

/// <summary>Nodes in detail, every guest with its power actions, and storage.</summary>
public partial class ClusterPage : LiveComponentBase
{
    private ClusterPageModel _model = ClusterPageModel.Empty;

    [Inject]
    internal ActionRunner Runner { get; init; } = null!;

    private SourceStatus? ClusterSource => Snapshot.FindSource(SourceIds.Proxmox);

    protected override void OnInitialized()
    {
        base.OnInitialized();
        Runner.Changed += OnRunnerChanged;
    }

    protected override void OnSnapshotChanged(IReadOnlyList<HomelabChange> changes)
    {
        if (changes.Count == 0 || changes.Any(c => c is ClusterChanged or SnapshotReset))
        {
            _model = ClusterPageModel.Build(Snapshot.Cluster);
        }
    }

    /// <summary>Container batches do not touch this page.</summary>
    protected override bool ShouldRender(IReadOnlyList<HomelabChange> changes) =>
        changes.Any(c => c is ClusterChanged or SnapshotReset || (c is SourceChanged s && s.Status.Id == SourceIds.Proxmox));

    private async Task RunAsync(GuestPowerRequest request) => await Runner.RunAsync(request);

    private void OnRunnerChanged() => _ = InvokeAsync(StateHasChanged);

    protected override async ValueTask DisposeAsyncCore()
    {
        Runner.Changed -= OnRunnerChanged;
        await base.DisposeAsyncCore();
    }
}
