using Homelab.Dashboard.Configuration;
using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Agent.Model;

/// <summary>The agent's model, built on first use: in demo mode its address is the simulator's, known only once it has started.</summary>
internal sealed partial class AgentModelProvider : IDisposable
{
    private readonly Lazy<AgentModel?> _model;

    public AgentModelProvider(SourceCatalog catalog, IOptions<HomelabOptions> options, IOllamaHandlerFactory handlers, IServiceProvider services, ILogger<AgentModelProvider> logger)
    {
        _model = new Lazy<AgentModel?>(() =>
        {
            try
            {
                return catalog.Resolve().Ollama is { } connection
                    ? new AgentModel(connection, handlers.Create(), options.Value.Ollama, options.Value.Agent, services)
                    : null;
            }
            catch (Exception ex)
            {
                LogModelUnavailable(logger, ex);
                return null;
            }
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>A fixed model (or none), for tests.</summary>
    internal AgentModelProvider(AgentModel? model) => _model = new Lazy<AgentModel?>(model);

    /// <summary>Null when no Ollama is configured or simulated.</summary>
    public AgentModel? Model => _model.Value;

    public void Dispose()
    {
        if (_model.IsValueCreated)
        {
            _model.Value?.Dispose();
        }
    }

    [LoggerMessage(10002, LogLevel.Error, "The agent's model could not be set up; the chat will say it is unavailable.")]
    private static partial void LogModelUnavailable(ILogger logger, Exception exception);
}
