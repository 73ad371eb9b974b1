using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Live;
using Homelab.Domain.Actions;
using Homelab.Domain.Cluster;
using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Actions;

/// <summary>
/// Guest power: checks the current state, asks Proxmox, follows the UPID task to its end, then watches the guest
/// until it really is in the target state.
/// </summary>
internal sealed class GuestPowerExecutor(SourceRegistry sources, IOptions<HomelabOptions> options, TimeProvider timeProvider) : IActionExecutor
{
    public bool CanExecute(HomelabAction action) => action is GuestPowerRequest;

    public async Task<ActionResult> ExecuteAsync(HomelabAction action, long started, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var request = (GuestPowerRequest)action;
        var poll = options.Value.Actions.PollInterval;
        ActionResult Result(ActionOutcome outcome, string message) => new(outcome, message, timeProvider.GetElapsedTime(started));
        if (sources.Cluster is not { } cluster)
        {
            return Result(ActionOutcome.Failed, "Proxmox is not configured");
        }

        var target = request.Action.TargetStatus();
        var targetWord = Word(target);
        var before = await cluster.GetGuestStatusAsync(request.Guest, cancellationToken);
        if (!before.IsSuccess)
        {
            return Result(ActionOutcome.Failed, $"could not read the guest's state: {before.Error.Message}");
        }

        if (request.Action != PowerAction.Reboot && before.Value.Status == target)
        {
            return Result(ActionOutcome.Succeeded, ActionMessages.Already(targetWord));
        }

        var upid = await cluster.StartPowerActionAsync(request.Guest, request.Action, cancellationToken);
        if (!upid.IsSuccess)
        {
            return Result(ActionOutcome.Failed, $"Proxmox refused: {upid.Error.Message}");
        }

        sources.RequestRefresh(SourceIds.Proxmox);

        // Follow the task: it is the only place Proxmox says why an action failed.
        string? taskNote = null;
        while (true)
        {
            var task = await cluster.GetTaskStatusAsync(upid.Value, cancellationToken);
            if (task.IsSuccess && !task.Value.Running)
            {
                if (!task.Value.Succeeded)
                {
                    var current = await CurrentWordAsync(cluster, request.Guest, cancellationToken);
                    return Result(ActionOutcome.Failed, $"task failed: {task.Value.ExitStatus}; the guest is {current}");
                }

                break;
            }

            taskNote = task.IsSuccess ? $"the {request.Action.ApiVerb()} task is still running" : $"the task could not be read: {task.Error.Message}";
            if (timeProvider.GetUtcNow() + poll > deadline)
            {
                var current = await CurrentWordAsync(cluster, request.Guest, cancellationToken);
                return Result(ActionOutcome.TimedOut, ActionMessages.NotReached(current, timeProvider.GetElapsedTime(started), taskNote));
            }

            await Task.Delay(poll, timeProvider, cancellationToken);
        }

        // The task said OK; believe the guest, not the task.
        while (true)
        {
            var status = await cluster.GetGuestStatusAsync(request.Guest, cancellationToken);
            if (status.IsSuccess && status.Value.Status == target)
            {
                sources.RequestRefresh(SourceIds.Proxmox);
                var word = request.Action == PowerAction.Reboot ? "running again" : targetWord;
                return Result(ActionOutcome.Succeeded, ActionMessages.Reached(word, timeProvider.GetElapsedTime(started)));
            }

            if (timeProvider.GetUtcNow() + poll > deadline)
            {
                var current = status.IsSuccess ? Word(status.Value.Status) : "in an unknown state";
                return Result(ActionOutcome.TimedOut, ActionMessages.NotReached(current, timeProvider.GetElapsedTime(started), "the task finished but the guest has not changed state"));
            }

            await Task.Delay(poll, timeProvider, cancellationToken);
        }
    }

    private static async Task<string> CurrentWordAsync(Domain.Ports.IClusterSource cluster, GuestRef guest, CancellationToken cancellationToken)
    {
        var status = await cluster.GetGuestStatusAsync(guest, cancellationToken);
        return status.IsSuccess ? Word(status.Value.Status) : "in an unknown state";
    }

    private static string Word(GuestStatus status) => status.ToString().ToLowerInvariant();
}
