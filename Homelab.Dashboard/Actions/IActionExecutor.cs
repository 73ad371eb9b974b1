using Homelab.Domain.Actions;

namespace Homelab.Dashboard.Actions;

/// <summary>Carries out one kind of action and waits for its real end state.</summary>
internal interface IActionExecutor
{
    bool CanExecute(HomelabAction action);

    /// <summary>Sends the request and follows it until the target reaches its state or <paramref name="deadline"/> passes.</summary>
    /// <param name="started">Timestamp from the service's <see cref="TimeProvider"/>, for "after N s" wording.</param>
    Task<ActionResult> ExecuteAsync(HomelabAction action, long started, DateTimeOffset deadline, CancellationToken cancellationToken);
}
