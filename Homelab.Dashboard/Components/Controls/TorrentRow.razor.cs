using Homelab.Dashboard.Actions;
using Homelab.Dashboard.Model;
using Homelab.Domain.Actions;
using Microsoft.AspNetCore.Components;

namespace Homelab.Dashboard.Components.Controls;

/// <summary>A torrent row with its actions; re-renders only when what it shows changed.</summary>
/// <remarks>
/// A component per row lets the ~99 unchanged rows of a page skip the render that one changed torrent causes. The
/// callback is deliberately not compared: it always does the same thing.
/// </remarks>
public partial class TorrentRow
{
    [Inject]
    internal ICurrentActor CurrentActor { get; init; } = null!;

    // Hides nothing from the server: ActionService refuses a viewer's action whatever the page shows.
    private bool CanAct => HomelabRoles.CanOperate(CurrentActor.Actor.Roles);

    private (TorrentRowModel? Row, string? Busy, ActionResult? Result, bool Stale) _shown;
    private bool _changed = true;

    [Parameter, EditorRequired]
    public required TorrentRowModel Row { get; set; }

    /// <summary>"pausing" while an action runs on this torrent (buttons give way to it).</summary>
    [Parameter]
    public string? BusyVerb { get; set; }

    /// <summary>How the last action on this torrent ended.</summary>
    [Parameter]
    public ActionResult? Result { get; set; }

    /// <summary>qBittorrent is stale or down: the row shows old data and is muted.</summary>
    [Parameter]
    public bool Stale { get; set; }

    [Parameter]
    public EventCallback<TorrentCommandRequest> OnCommand { get; set; }

    protected override void OnParametersSet()
    {
        // The table hands an unchanged torrent the very same model, so this is mostly a reference check; an equal
        // model rebuilt after a reset compares by value and still renders nothing.
        var next = (Row, BusyVerb, Result, Stale);
        _changed = _shown.Row != next.Row || _shown.Busy != next.BusyVerb || !ReferenceEquals(_shown.Result, next.Result) || _shown.Stale != next.Stale;
        _shown = next;
    }

    /// <summary>Renders for changed parameters only; a click inside the row re-renders nothing by itself.</summary>
    protected override bool ShouldRender() => _changed;
}
