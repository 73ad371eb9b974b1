namespace Homelab.Dashboard.Agent.Tools;

/// <summary>Registers the agent's tool catalogue.</summary>
internal static class AgentToolsExtensions
{
    /// <summary>
    /// Adds <see cref="ToolCatalog"/> as a singleton: it holds no per-conversation state. A conversation calls
    /// <see cref="ToolCatalog.CreateTools"/> with its own <see cref="IAgentActionGate"/>.
    /// </summary>
    /// <remarks>Needs <c>ILiveHomelab</c>, <c>SourceRegistry</c>, <c>IAuditLog</c>, <c>TimeProvider</c> and the Homelab options.</remarks>
    public static IServiceCollection AddAgentTools(this IServiceCollection services)
    {
        services.AddSingleton<ToolCatalog>();
        return services;
    }
}
