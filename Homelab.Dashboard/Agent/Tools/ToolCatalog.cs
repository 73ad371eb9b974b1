using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Live;
using Homelab.Domain.Agent.Tools;
using Homelab.Domain.Live;
using Homelab.Domain.Ports;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Agent.Tools;

/// <summary>
/// Every tool the agent has, over the same live store and ports the pages use. A conversation gets its own set with
/// <see cref="CreateTools"/>, bound to its approval gate.
/// </summary>
/// <remarks>
/// Read-only tools read the live snapshot (and the Docker and audit ports for logs, stats and history) and never
/// reach the gate. State-changing tools resolve their target, build the same <c>HomelabAction</c> the pages build and
/// hand it to the gate; they never call the action path themselves.
/// </remarks>
internal sealed class ToolCatalog
{
    private readonly ToolContext _context;
    private readonly AgentToolSet _described;

    public ToolCatalog(ILiveHomelab live, SourceRegistry sources, IAuditLog audit, TimeProvider timeProvider, IOptions<HomelabOptions> options)
    {
        var limit = options.Value.Agent.ToolResultLimit;
        _context = new ToolContext(live, sources, audit, timeProvider, limit > 0 ? limit : ToolResultText.DefaultLimit);
        _described = CreateTools(NoApproverGate.Instance);
        ReadOnly = _described.Tools.Where(t => t.Effect == ToolEffect.ReadOnly).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        ChangesState = _described.Tools.Where(t => t.Effect == ToolEffect.ChangesState).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Every tool, for names, descriptions, schemas and effects (tool routing, the UI, traces). Their state-changing
    /// functions answer that no one can approve here; a conversation uses <see cref="CreateTools"/>.
    /// </summary>
    public IReadOnlyList<AgentTool> Tools => _described.Tools;

    public IReadOnlySet<string> ReadOnly { get; }

    public IReadOnlySet<string> ChangesState { get; }

    public AgentTool? Find(string name) => _described.Find(name);

    /// <summary>The tool's effect; null for a name that is not in the catalogue.</summary>
    public ToolEffect? EffectOf(string name) => Find(name)?.Effect;

    /// <summary>The tools for one conversation, whose state-changing calls go to <paramref name="gate"/>.</summary>
    public AgentToolSet CreateTools(IAgentActionGate gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        var proposer = new ActionProposer(_context, gate);
        AgentTool[] tools =
        [
            .. new OverviewTools(_context).Create(),
            .. new ClusterTools(_context).Create(),
            .. new GuestActionTools(_context, proposer).Create(),
            .. new ContainerTools(_context).Create(),
            .. new ContainerActionTools(_context, proposer).Create(),
            .. new DownloadTools(_context).Create(),
            .. new TorrentActionTools(_context, proposer).Create(),
        ];
        return new AgentToolSet(tools, _context.ResultLimit);
    }

    /// <summary>Just the functions of <see cref="CreateTools"/>, for <c>ChatOptions.Tools</c>.</summary>
    public IReadOnlyList<AIFunction> CreateFunctions(IAgentActionGate gate) => CreateTools(gate).Functions;

    /// <summary>Answers every proposal with a refusal: the descriptive set is never meant to act.</summary>
    private sealed class NoApproverGate : IAgentActionGate
    {
        public static readonly NoApproverGate Instance = new();

        public Task<GateOutcome> RequestAsync(ProposedAction proposal, CancellationToken cancellationToken) =>
            Task.FromResult<GateOutcome>(new GateRefused("no one can approve actions from here"));
    }
}
