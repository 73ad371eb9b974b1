using System.Text.Json;
using Homelab.Dashboard.Agent.Tools;
using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Live;
using Homelab.Domain.Live;
using Homelab.Domain.Ports;
using Homelab.Tests.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Homelab.Tests.Dashboard.Agent.Tools;

/// <summary>
/// The catalogue over the seed homelab (with downloads), a Docker host the test controls, an in-memory audit log and
/// a recording gate, at <see cref="TestSnapshots.Now"/>. Tools are called as the function-invoking client calls them.
/// </summary>
internal sealed class ToolTestHost
{
    public ToolTestHost(HomelabSnapshot? snapshot = null, int resultLimit = 4_000)
    {
        Live.Current = snapshot ?? TestSnapshots.SeedWithDownloads();
        Registry.Populate(null, new Dictionary<string, IContainerSource> { [TestSnapshots.DockerHost] = Docker }, []);
        var options = new HomelabOptions();
        options.Agent.ToolResultLimit = resultLimit;
        Catalog = new ToolCatalog(Live, Registry, Audit, Time, Options.Create(options));
        Tools = Catalog.CreateTools(Gate);
    }

    public TestLiveHomelab Live { get; } = new();

    public SourceRegistry Registry { get; } = new();

    public TestContainerSource Docker { get; } = new(TestSnapshots.DockerHost);

    public TestAuditLog Audit { get; } = new();

    public FakeTimeProvider Time { get; } = new(TestSnapshots.Now);

    public TestAgentActionGate Gate { get; } = new();

    public ToolCatalog Catalog { get; }

    public AgentToolSet Tools { get; }

    /// <summary>Invokes the tool's <see cref="AIFunction"/> with these arguments and returns the text the model would read.</summary>
    public async Task<string> CallAsync(string tool, params (string Name, object? Value)[] arguments)
    {
        var function = Tools.Find(tool)?.Function ?? throw new InvalidOperationException($"no tool {tool}");
        var args = new AIFunctionArguments(arguments.ToDictionary(a => a.Name, a => a.Value));
        var result = await function.InvokeAsync(args, TestContext.Current.CancellationToken);
        return Assert.IsType<string>(result);
    }

    /// <summary>As <see cref="CallAsync"/>, parsed.</summary>
    public async Task<JsonElement> CallJsonAsync(string tool, params (string Name, object? Value)[] arguments)
    {
        var text = await CallAsync(tool, arguments);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>The error message of an <c>{"error":…}</c> result; fails the test for any other result.</summary>
    public async Task<string> CallErrorAsync(string tool, params (string Name, object? Value)[] arguments)
    {
        var result = await CallJsonAsync(tool, arguments);
        Assert.True(result.TryGetProperty("error", out var error), $"expected an error, got {result}");
        return error.GetString()!;
    }
}
