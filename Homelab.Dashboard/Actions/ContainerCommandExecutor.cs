using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Live;
using Homelab.Domain.Actions;
using Homelab.Domain.Containers;
using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Actions;

/// <summary>
/// Container start/stop/restart: checks the current state, sends the command, then inspects until the container is
/// really running (with a new start time, for a restart) or exited.
/// </summary>
internal sealed class ContainerCommandExecutor(SourceRegistry sources, IOptions<HomelabOptions> options, TimeProvider timeProvider) : IActionExecutor
{
    public bool CanExecute(HomelabAction action) => action is ContainerCommandRequest;

    public async Task<ActionResult> ExecuteAsync(HomelabAction action, long started, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var request = (ContainerCommandRequest)action;
        var poll = options.Value.Actions.PollInterval;
        ActionResult Result(ActionOutcome outcome, string message) => new(outcome, message, timeProvider.GetElapsedTime(started));
        if (sources.FindContainerHost(request.Host) is not { } host)
        {
            return Result(ActionOutcome.Failed, $"no Docker host named {request.Host} is configured");
        }

        var before = await host.InspectAsync(request.ContainerId, cancellationToken);
        if (!before.IsSuccess)
        {
            return Result(ActionOutcome.Failed, $"could not read the container: {before.Error.Message}");
        }

        if (request.Command != ContainerCommand.Restart && request.Command.IsTargetState(before.Value.State))
        {
            return Result(ActionOutcome.Succeeded, ActionMessages.Already(before.Value.State.Word()));
        }

        var sent = await host.SendCommandAsync(request.ContainerId, request.Command, cancellationToken);
        sources.RequestRefresh(SourceIds.Docker(request.Host));
        if (!sent.IsSuccess)
        {
            return Result(ActionOutcome.Failed, $"Docker refused: {sent.Error.Message}");
        }

        while (true)
        {
            var now = await host.InspectAsync(request.ContainerId, cancellationToken);
            if (now.IsSuccess && Reached(request.Command, before.Value, now.Value))
            {
                return Result(ActionOutcome.Succeeded, ActionMessages.Reached(now.Value.State.Word(), timeProvider.GetElapsedTime(started)));
            }

            if (timeProvider.GetUtcNow() + poll > deadline)
            {
                var state = now.IsSuccess ? now.Value.State.Word() : "in an unknown state";
                var detail = now.IsSuccess ? now.Value.Error is { Length: > 0 } error ? error : null : now.Error.Message;
                return Result(ActionOutcome.TimedOut, ActionMessages.NotReached(state, timeProvider.GetElapsedTime(started), detail));
            }

            await Task.Delay(poll, timeProvider, cancellationToken);
        }
    }

    /// <summary>A restart only counts once the container runs with a start time newer than before.</summary>
    private static bool Reached(ContainerCommand command, ContainerDetails before, ContainerDetails now) =>
        command.IsTargetState(now.State)
        && (command != ContainerCommand.Restart || (now.StartedAt is { } startedNow && (before.StartedAt is not { } startedBefore || startedNow > startedBefore)));
}
