using Homelab.Dashboard.Simulator.Ollama;
using Homelab.Tests.Shared;
using Microsoft.Extensions.AI;
using OllamaSharp;

namespace Homelab.Tests.Dashboard.Simulator;

/// <summary>One running simulator per test class for the Ollama tests, generating without a per-token delay.</summary>
public sealed class OllamaSimulatorFixture : IAsyncLifetime
{
    private SimulatorFixture? _simulator;

    internal SimulatorFixture Simulator => _simulator ?? throw new InvalidOperationException("Not started.");

    public Uri OllamaUrl => Simulator.Endpoints.OllamaUrl!;

    public async ValueTask InitializeAsync() => _simulator = await SimulatorFixture.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }

    public HttpClient CreateHttpClient() => new() { BaseAddress = OllamaUrl, Timeout = TimeSpan.FromSeconds(15) };

    /// <summary>The real OllamaSharp client, as the agent uses it, seen through Microsoft.Extensions.AI.</summary>
    public IChatClient CreateChatClient(string model = OllamaSimCatalog.ChatModel) => new OllamaApiClient(OllamaUrl, model);
}
