using Homelab.Domain.Agent.Tools;
using Microsoft.Extensions.AI;

namespace Homelab.Dashboard.Agent.Tools;

/// <summary>One tool the agent may call: its name and description as the model sees them, its effect, and the function.</summary>
/// <remarks>
/// <see cref="Function"/> never throws for bad input, unknown targets or failing upstreams: those come back as
/// <c>{"error":"…"}</c> results. Its result is the compact JSON text the model reads, already capped.
/// </remarks>
public sealed record AgentTool(string Name, string Description, ToolEffect Effect, AIFunction Function)
{
    public bool ChangesState => Effect == ToolEffect.ChangesState;
}
