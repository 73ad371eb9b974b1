using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Simulator;
using Homelab.Dashboard.Simulator.State;
using Homelab.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Homelab.Tests.Dashboard.Configuration;

public sealed class SourceCatalogOllamaTests
{
    [Fact]
    public async Task Resolve_DemoWithoutOllamaUrl_PointsAtTheSimulatorsOllama()
    {
        await using var simulator = await SimulatorFixture.StartAsync();

        var ollama = new SourceCatalog(Options.Create(simulator.Options), simulator.Host).Resolve().Ollama;

        Assert.Equal(new OllamaConnection(simulator.Endpoints.OllamaUrl!, "qwen3.5:35b-a3b", "qwen3.5:4b", Simulated: true), ollama);
    }

    [Fact]
    public void Resolve_OllamaUrlConfigured_IsTheRealServer()
    {
        var options = new HomelabOptions { Ollama = { Url = "http://aiserver:11434", ChatModel = "qwen3.6:35b-a3b", FastModel = " " } };

        var ollama = Catalog(options).Resolve().Ollama;

        Assert.Equal(new OllamaConnection(new Uri("http://aiserver:11434"), "qwen3.6:35b-a3b", null, Simulated: false), ollama);
    }

    [Fact]
    public void Resolve_NotConfiguredOutsideDemo_IsNull()
    {
        var options = new HomelabOptions { Demo = false };

        Assert.Null(Catalog(options).Resolve().Ollama);
    }

    /// <summary>A catalog over a simulator that was never started, as outside demo mode.</summary>
    private static SourceCatalog Catalog(HomelabOptions options)
    {
        var wrapped = Options.Create(options);
        var host = new SimulatorHost(wrapped, new SimulatedHomelab(wrapped, TimeProvider.System), TimeProvider.System, NullLogger<SimulatorHost>.Instance);
        return new SourceCatalog(wrapped, host);
    }
}
