using System.Collections.Concurrent;
using Homelab.Dashboard.Actions;
using Homelab.Domain.Actions;

namespace Homelab.Tests.Shared;

/// <summary>
/// Carries out any action by answering with <see cref="Result"/>; while <see cref="Gate"/> is set, it waits for the
/// test to release it, so "still running" can be observed.
/// </summary>
internal sealed class TestActionExecutor : IActionExecutor
{
    private readonly ConcurrentQueue<HomelabAction> _executed = new();
    private int _running;
    private int _maxConcurrent;

    public IReadOnlyCollection<HomelabAction> Executed => _executed;

    public ActionResult Result { get; set; } = new(ActionOutcome.Succeeded, "done after 1 s", TimeSpan.FromSeconds(1));

    /// <summary>When set, executions wait for it to complete before answering.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>The most executions that were ever in progress at once.</summary>
    public int MaxConcurrent => Volatile.Read(ref _maxConcurrent);

    public bool CanExecute(HomelabAction action) => true;

    public async Task<ActionResult> ExecuteAsync(HomelabAction action, long started, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        _executed.Enqueue(action);
        var running = Interlocked.Increment(ref _running);
        int seen;
        while ((seen = Volatile.Read(ref _maxConcurrent)) < running && Interlocked.CompareExchange(ref _maxConcurrent, running, seen) != seen)
        {
        }

        try
        {
            if (Gate is { } gate)
            {
                await gate.Task.WaitAsync(cancellationToken);
            }

            return Result;
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}
