using Homelab.Dashboard.Actions;
using Homelab.Dashboard.Components.Dialogs;
using Homelab.Domain.Actions;
using Homelab.Domain.Cluster;
using Homelab.Domain.Containers;
using Homelab.Domain.Downloads;
using MudBlazor;

namespace Homelab.Dashboard.Model;

/// <summary>What is happening to one target in this browser: an action running, or how the last one ended.</summary>
/// <param name="Verb">"shutting down" while an action runs; null once it ended.</param>
/// <param name="Result">The honest end of the last action; null while one runs.</param>
public sealed record TargetActivity(string? Verb, ActionResult? Result)
{
    public bool Running => Verb is not null;
}

/// <summary>
/// The one way pages act on the homelab: confirm (naming target and effect), then run through
/// <see cref="ActionService"/>, showing progress instead of buttons while it runs and the honest result afterwards.
/// </summary>
/// <remarks>
/// Scoped to the circuit, so a result stays visible when the user moves between pages. A target that is being
/// confirmed or acted on ignores further clicks, so a double click can neither open two dialogs nor act twice.
/// Nothing runs without a confirmation; opening a page never executes anything.
/// </remarks>
internal sealed class ActionRunner(ActionService actions, ICurrentActor currentActor, IDialogService dialogs, ISnackbar snackbar) : IDisposable
{
    private static readonly DialogOptions s_dialogOptions = new()
    {
        MaxWidth = MaxWidth.ExtraSmall,
        FullWidth = true,
        CloseOnEscapeKey = true,
        BackdropClick = true,
    };

    private readonly Dictionary<string, TargetActivity> _activities = new(StringComparer.Ordinal);
    private readonly HashSet<string> _confirming = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _cts = new();

    /// <summary>The tooltip of an action button a viewer sees disabled.</summary>
    public const string NeedsOperator = "Needs the operator role";

    /// <summary>Whether this circuit's user may act at all; the buttons follow it, ActionService still decides.</summary>
    public bool CanAct => HomelabRoles.CanOperate(currentActor.Actor.Roles);

    /// <summary>Raised (on the circuit's context) whenever an activity starts or ends.</summary>
    public event Action? Changed;

    public TargetActivity? Activity(string targetKey) => _activities.GetValueOrDefault(targetKey);

    /// <summary>
    /// Whether the target's buttons must give way to a progress indicator: an action runs from this browser, or from
    /// anywhere else (another browser, the agent, the API).
    /// </summary>
    public bool IsBusy(string targetKey) => _activities.GetValueOrDefault(targetKey)?.Running == true || actions.IsBusy(targetKey);

    /// <summary>"shutting down" for our own action; "busy" when someone else is acting on the target.</summary>
    public string? BusyVerb(string targetKey) =>
        _activities.GetValueOrDefault(targetKey)?.Verb ?? (actions.IsBusy(targetKey) ? "busy" : null);

    /// <summary>How the last action on the target ended, when no new one runs.</summary>
    public ActionResult? LastResult(string targetKey) => _activities.GetValueOrDefault(targetKey)?.Result;

    /// <summary>Asks for confirmation and, only if given, runs the action and reports its result.</summary>
    /// <returns>The result, or null when nothing ran (cancelled, already busy, or the circuit went away).</returns>
    public async Task<ActionResult?> RunAsync(HomelabAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var key = action.TargetKey;
        if (IsBusy(key) || !_confirming.Add(key))
        {
            return null;
        }

        bool confirmed;
        try
        {
            var parameters = new DialogParameters<ConfirmActionDialog>
            {
                { d => d.Action, action },
                { d => d.ConfirmLabel, ActionWording.ConfirmLabel(action) },
            };
            var dialog = await dialogs.ShowAsync<ConfirmActionDialog>(action.ConfirmationTitle, parameters, s_dialogOptions);
            var answer = await dialog.Result;
            confirmed = answer is { Canceled: false };

            // The dialog may refine what was asked (a torrent delete with or without its files), never its target.
            if (confirmed && answer!.Data is HomelabAction chosen && chosen.TargetKey == key && chosen.GetType() == action.GetType())
            {
                action = chosen;
            }
        }
        finally
        {
            _confirming.Remove(key);
        }

        if (!confirmed || _cts.IsCancellationRequested)
        {
            return null;
        }

        _activities[key] = new TargetActivity(ActionWording.Progressive(action), null);
        Changed?.Invoke();
        ActionResult result;
        try
        {
            result = await actions.ExecuteAsync(currentActor.Actor, action, _cts.Token);
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            // The circuit is gone; the action itself still runs to its end and is audited.
            return null;
        }

        _activities[key] = new TargetActivity(null, result);
        snackbar.Add($"{action.TargetDisplay}: {result.Message}", SeverityOf(result.Outcome));
        Changed?.Invoke();
        return result;
    }

    public static Severity SeverityOf(ActionOutcome outcome) => outcome switch
    {
        ActionOutcome.Succeeded => Severity.Success,
        ActionOutcome.TimedOut => Severity.Warning,
        _ => Severity.Error,
    };

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}

/// <summary>Button and progress words for an action: "Shut down", "shutting down".</summary>
public static class ActionWording
{
    public static string ConfirmLabel(HomelabAction action) => action switch
    {
        GuestPowerRequest g => g.Action.Title(),
        ContainerCommandRequest c => c.Command.Title(),
        TorrentCommandRequest { Command: TorrentCommand.Delete, DeleteFiles: true } => "Delete with files",
        TorrentCommandRequest { All: true } t => $"{t.Command.Title()} all",
        TorrentCommandRequest t => t.Command.Title(),
        _ => "Confirm",
    };

    public static string Progressive(HomelabAction action) => action switch
    {
        GuestPowerRequest g => g.Action.Progressive(),
        ContainerCommandRequest c => c.Command.Progressive(),
        TorrentCommandRequest t => t.Command.Progressive(),
        _ => "working",
    };

    /// <summary>The outcome as a word next to the message, so colour is not the only signal.</summary>
    public static string OutcomeWord(ActionOutcome outcome) => outcome switch
    {
        ActionOutcome.Succeeded => "done",
        ActionOutcome.TimedOut => "timed out",
        ActionOutcome.Denied => "denied",
        _ => "failed",
    };
}
