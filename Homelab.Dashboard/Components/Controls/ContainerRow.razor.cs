using Homelab.Dashboard.Actions;
using Homelab.Dashboard.Model;
using Homelab.Domain.Actions;
using Homelab.Domain.Containers;
using Microsoft.AspNetCore.Components;

namespace Homelab.Dashboard.Components.Controls;

/// <summary>A container row with its actions; re-renders only when what it shows changed.</summary>
/// <remarks>
/// A component per row (not per cell) keeps each row's render tree small and lets an unchanged row skip the poll
/// that changed its neighbours. The callbacks are deliberately not compared: they always do the same thing.
/// </remarks>
public partial class ContainerRow
{
    [Inject]
    internal ICurrentActor CurrentActor { get; init; } = null!;

    // Hides nothing from the server: ActionService refuses a viewer's action whatever the page shows.
    private bool CanAct => HomelabRoles.CanOperate(CurrentActor.Actor.Roles);

    private (ContainerRowModel? Row, string? Busy, ActionResult? Result, bool Stale) _shown;
    private bool _changed = true;

    [Parameter, EditorRequired]
    public required ContainerRowModel Row { get; set; }

    /// <summary>"stopping" while an action runs on this container (buttons give way to it).</summary>
    [Parameter]
    public string? BusyVerb { get; set; }

    /// <summary>How the last action on this container ended.</summary>
    [Parameter]
    public ActionResult? Result { get; set; }

    /// <summary>The container's host is stale or down: the row is muted.</summary>
    [Parameter]
    public bool Stale { get; set; }

    [Parameter]
    public EventCallback<ContainerCommandRequest> OnCommand { get; set; }

    [Parameter]
    public EventCallback<Container> OnLogs { get; set; }

    protected override void OnParametersSet()
    {
        var next = (Row, BusyVerb, Result, Stale);
        _changed = _shown.Row != next.Row || _shown.Busy != next.BusyVerb || !ReferenceEquals(_shown.Result, next.Result) || _shown.Stale != next.Stale;
        _shown = next;
    }

    /// <summary>Renders for changed parameters only; a click inside the row re-renders nothing by itself.</summary>
    protected override bool ShouldRender() => _changed;
}
