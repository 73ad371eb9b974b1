using Homelab.Dashboard.Agent.Chat;
using Homelab.Dashboard.Agent.Model;
using Homelab.Dashboard.Agent.Tools;
using Homelab.Dashboard.Configuration;
using Homelab.Domain.Ports;
using Homelab.Tests.Dashboard.Agent.Tools;
using Homelab.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Homelab.Tests.Dashboard.Agent;

/// <summary>
/// <see cref="AgentChat"/> over the real pipeline and tools (seed homelab snapshot), with a scripted model, in-memory
/// stores and a recording action runner.
/// </summary>
internal sealed class AgentTestHost : IDisposable
{
    private readonly ServiceProvider _services;

    public AgentTestHost(Action<HomelabOptions>? configure = null)
    {
        var options = new HomelabOptions();
        configure?.Invoke(options);
        Options = options;
        var tools = new ToolTestHost();
        Catalog = new ToolCatalog(tools.Live, tools.Registry, tools.Audit, TimeProvider.System, Microsoft.Extensions.Options.Options.Create(options));
        _services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<ITraceStore>(Traces)
            .BuildServiceProvider();
        var connection = new OllamaConnection(new Uri("http://model.test/"), "test-model", null, Simulated: true);
        Model = new AgentModel(connection, Client, options.Ollama, options.Agent, _services);
        Chat = new AgentChat(new AgentChatServices(
            Store, Traces, Catalog, Approvals, Runner, new AgentModelProvider(Model), Microsoft.Extensions.Options.Options.Create(options),
            TimeProvider.System, Lifetime, NullLogger<AgentChat>.Instance));
    }

    public HomelabOptions Options { get; }

    public TestChatClient Client { get; } = new();

    public TestConversationStore Store { get; } = new();

    public TestTraceStore Traces { get; } = new();

    public TestActionRunner Runner { get; } = new();

    public ApprovalBroker Approvals { get; } = new();

    public TestHostLifetime Lifetime { get; } = new();

    public ToolCatalog Catalog { get; }

    public AgentModel Model { get; }

    public AgentChat Chat { get; }

    public void Dispose()
    {
        Model.Dispose();
        _services.Dispose();
        Lifetime.Dispose();
    }
}
