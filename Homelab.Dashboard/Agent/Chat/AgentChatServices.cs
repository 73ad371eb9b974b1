using Homelab.Dashboard.Agent.Model;
using Homelab.Dashboard.Agent.Tools;
using Homelab.Dashboard.Configuration;
using Homelab.Domain.Ports;
using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Agent.Chat;

/// <summary>What <see cref="AgentChat"/> and its turns work with, in one bundle.</summary>
internal sealed class AgentChatServices(
    IConversationStore store,
    ITraceStore traces,
    ToolCatalog catalog,
    ApprovalBroker approvals,
    IAgentActionRunner actions,
    AgentModelProvider models,
    IOptions<HomelabOptions> options,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<AgentChat> logger)
{
    public IConversationStore Store => store;

    public ITraceStore Traces => traces;

    public ToolCatalog Catalog => catalog;

    public ApprovalBroker Approvals => approvals;

    public IAgentActionRunner Actions => actions;

    public AgentModelProvider Models => models;

    public HomelabOptions Options => options.Value;

    public TimeProvider Time => timeProvider;

    public CancellationToken Stopping => lifetime.ApplicationStopping;

    public ILogger Logger => logger;
}
