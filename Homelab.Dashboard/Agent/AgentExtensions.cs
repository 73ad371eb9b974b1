using Homelab.Dashboard.Agent;
using Homelab.Dashboard.Agent.Chat;
using Homelab.Dashboard.Agent.Model;
using Homelab.Dashboard.Agent.Tools;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the root namespace so the composition root calls it without another using, as it does the other AddHomelabX.
namespace Homelab.Dashboard;

/// <summary>Registers the agent: the model pipeline, the tools, the approval gate and the chat service.</summary>
internal static class AgentExtensions
{
    /// <remarks>Needs the options, persistence, live state and the action path registered by <c>AddHomelab</c>.</remarks>
    public static IHostApplicationBuilder AddHomelabAgent(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAgentTools();
        builder.Services.TryAddSingleton<IOllamaHandlerFactory, SocketsOllamaHandlerFactory>();
        builder.Services.AddSingleton<AgentModelProvider>();
        builder.Services.AddSingleton<ApprovalBroker>();
        builder.Services.TryAddSingleton<IAgentActionRunner, ActionServiceRunner>();
        builder.Services.AddSingleton<AgentChatServices>();
        builder.Services.TryAddSingleton<IAgentChat, AgentChat>();
        return builder;
    }
}
