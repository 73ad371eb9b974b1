using Homelab.Dashboard.Agent;
using Homelab.Domain.Actions;

namespace Homelab.Tests.Dashboard.Agent;

/// <summary>Records the actions the agent runs and answers each with <see cref="Result"/>.</summary>
internal sealed class TestActionRunner : IAgentActionRunner
{
    public List<(Actor Actor, HomelabAction Action, Guid? TraceId)> Runs { get; } = [];

    public ActionResult Result { get; set; } = new(ActionOutcome.Succeeded, "running after 2 s", TimeSpan.FromSeconds(2));

    public Task<ActionResult> RunAsync(Actor actor, HomelabAction action, Guid? traceId, CancellationToken cancellationToken)
    {
        lock (Runs)
        {
            Runs.Add((actor, action, traceId));
        }

        return Task.FromResult(Result);
    }
}
