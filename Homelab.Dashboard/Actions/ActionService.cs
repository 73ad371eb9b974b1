using System.Collections.Concurrent;
using Homelab.Domain.Actions;
using Homelab.Domain.Ports;

namespace Homelab.Dashboard.Actions;

/// <summary>
/// The one path every change to the homelab takes, whoever asks: permission check, per-target serialisation,
/// execution, waiting for the real end state, and an audit record.
/// </summary>
/// <remarks>
/// An identical request for the same target while one is in flight (a double click, a retried API call) joins the
/// running one instead of acting twice. Once started, an action runs to its end even if the caller goes away, so it
/// is always audited.
/// </remarks>
internal sealed partial class ActionService(
    IActionAuthorizer authorizer,
    IAuditLog audit,
    IEnumerable<IActionExecutor> executors,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    Microsoft.Extensions.Options.IOptions<Configuration.HomelabOptions> options,
    ILogger<ActionService> logger)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _targetLocks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<HomelabAction, Lazy<Task<ActionResult>>> _inFlight = new();
    private readonly IActionExecutor[] _executors = [.. executors];

    /// <summary>Runs <paramref name="action"/> for <paramref name="actor"/> and returns its honest result.</summary>
    /// <param name="cancellationToken">Stops the caller's wait only; the action itself runs to completion.</param>
    public Task<ActionResult> ExecuteAsync(Actor actor, HomelabAction action, CancellationToken cancellationToken) =>
        ExecuteAsync(actor, action, traceId: null, cancellationToken);

    /// <summary>As <see cref="ExecuteAsync(Actor, HomelabAction, CancellationToken)"/>, for an action a model call asked for.</summary>
    /// <param name="traceId">The model call that asked for it; its audit record points back to that trace.</param>
    public Task<ActionResult> ExecuteAsync(Actor actor, HomelabAction action, Guid? traceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(action);
        var lazy = _inFlight.GetOrAdd(action, a => new Lazy<Task<ActionResult>>(() => RunAndForgetAsync(actor, a, traceId)));
        return lazy.Value.WaitAsync(cancellationToken);
    }

    /// <summary>Whether an action on this target is running now (pages show a spinner instead of buttons).</summary>
    public bool IsBusy(string targetKey) => _inFlight.Keys.Any(a => a.TargetKey == targetKey);

    private async Task<ActionResult> RunAndForgetAsync(Actor actor, HomelabAction action, Guid? traceId)
    {
        try
        {
            return await RunAsync(actor, action, traceId, lifetime.ApplicationStopping);
        }
        finally
        {
            _inFlight.TryRemove(action, out _);
        }
    }

    private async Task<ActionResult> RunAsync(Actor actor, HomelabAction action, Guid? traceId, CancellationToken cancellationToken)
    {
        // Yield so that the in-flight entry is visible before any work starts.
        await Task.Yield();
        var started = timeProvider.GetTimestamp();
        var at = timeProvider.GetUtcNow();
        ActionResult result;
        var decision = await authorizer.AuthorizeAsync(actor, action, cancellationToken);
        if (!decision.Allowed)
        {
            result = new ActionResult(ActionOutcome.Denied, $"not allowed: {decision.Reason}", timeProvider.GetElapsedTime(started));
            LogDenied(logger, actor.Name, action.Kind, action.TargetDisplay, decision.Reason);
        }
        else
        {
            var gate = _targetLocks.GetOrAdd(action.TargetKey, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(cancellationToken);
            try
            {
                // The deadline starts once this action has the target to itself.
                var deadline = timeProvider.GetUtcNow() + options.Value.Actions.Timeout;
                result = await ExecuteWithAsync(action, started, deadline, cancellationToken);
            }
            finally
            {
                gate.Release();
            }

            LogCompleted(logger, actor.Name, action.Kind, action.TargetDisplay, result.Outcome, result.Message);
        }

        await AuditAsync(actor, action, at, result, traceId);
        return result;
    }

    private async Task<ActionResult> ExecuteWithAsync(HomelabAction action, long started, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var executor = Array.Find(_executors, e => e.CanExecute(action));
        if (executor is null)
        {
            return new ActionResult(ActionOutcome.Failed, $"no way to carry out {action.Kind}", timeProvider.GetElapsedTime(started));
        }

        try
        {
            return await executor.ExecuteAsync(action, started, deadline, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new ActionResult(ActionOutcome.Failed, "the dashboard shut down before the action finished; check the target", timeProvider.GetElapsedTime(started));
        }
        catch (Exception ex)
        {
            LogExecutorCrashed(logger, ex, action.Kind);
            return new ActionResult(ActionOutcome.Failed, $"unexpected error: {ex.Message}", timeProvider.GetElapsedTime(started));
        }
    }

    private async Task AuditAsync(Actor actor, HomelabAction action, DateTimeOffset at, ActionResult result, Guid? traceId)
    {
        var record = new AuditRecord
        {
            At = at,
            Actor = actor.Name,
            Via = actor.Via,
            Action = action.Kind,
            Target = action.TargetDisplay,
            Outcome = result.Outcome,
            Message = result.Message,
            Duration = result.Duration,
            TraceId = traceId,
        };
        try
        {
            // Not the caller's token: the record must be written even if the page that asked is gone.
            await audit.AppendAsync(record, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogAuditFailed(logger, ex, action.Kind, action.TargetDisplay, result.Outcome);
        }
    }

    [LoggerMessage(3001, LogLevel.Information, "{Actor} {Action} on {Target}: {Outcome}, {Message}")]
    private static partial void LogCompleted(ILogger logger, string actor, string action, string target, ActionOutcome outcome, string message);

    [LoggerMessage(3002, LogLevel.Warning, "{Actor} may not {Action} on {Target}: {Reason}")]
    private static partial void LogDenied(ILogger logger, string actor, string action, string target, string reason);

    [LoggerMessage(3003, LogLevel.Error, "Writing the audit record failed for {Action} on {Target} ({Outcome}).")]
    private static partial void LogAuditFailed(ILogger logger, Exception exception, string action, string target, ActionOutcome outcome);

    [LoggerMessage(3004, LogLevel.Error, "Executing {Action} threw.")]
    private static partial void LogExecutorCrashed(ILogger logger, Exception exception, string action);
}
