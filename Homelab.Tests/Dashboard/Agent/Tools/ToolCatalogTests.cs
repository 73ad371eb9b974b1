using System.Text.Json;
using Homelab.Dashboard.Agent.Tools;
using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Live;
using Homelab.Domain.Agent.Tools;
using Homelab.Domain.Live;
using Homelab.Domain.Ports;
using Homelab.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Homelab.Tests.Dashboard.Agent.Tools;

public sealed class ToolCatalogTests
{
    /// <summary>The contract the scripted model relies on: tool names, parameter names, which are required, and effect.</summary>
    public static TheoryData<string, string[], string[], ToolEffect> Contract => new()
    {
        { "get_homelab_summary", [], [], ToolEffect.ReadOnly },
        { "get_cluster_status", [], [], ToolEffect.ReadOnly },
        { "list_nodes", [], [], ToolEffect.ReadOnly },
        { "get_node", ["node"], ["node"], ToolEffect.ReadOnly },
        { "list_guests", ["node", "type", "status"], [], ToolEffect.ReadOnly },
        { "get_guest", ["guest"], ["guest"], ToolEffect.ReadOnly },
        { "list_storage", ["node"], [], ToolEffect.ReadOnly },
        { "list_containers", ["host", "state", "health"], [], ToolEffect.ReadOnly },
        { "get_container", ["name"], ["name"], ToolEffect.ReadOnly },
        { "get_container_logs", ["name", "lines"], ["name"], ToolEffect.ReadOnly },
        { "get_container_stats", ["name"], ["name"], ToolEffect.ReadOnly },
        { "list_problem_containers", [], [], ToolEffect.ReadOnly },
        { "list_torrents", ["filter", "category", "search", "limit"], [], ToolEffect.ReadOnly },
        { "get_torrent", ["torrent"], ["torrent"], ToolEffect.ReadOnly },
        { "get_transfer_info", [], [], ToolEffect.ReadOnly },
        { "get_vpn_status", [], [], ToolEffect.ReadOnly },
        { "list_sources", [], [], ToolEffect.ReadOnly },
        { "get_attention", [], [], ToolEffect.ReadOnly },
        { "list_recent_actions", ["limit", "target"], [], ToolEffect.ReadOnly },
        { "start_guest", ["guest"], ["guest"], ToolEffect.ChangesState },
        { "shutdown_guest", ["guest"], ["guest"], ToolEffect.ChangesState },
        { "stop_guest", ["guest"], ["guest"], ToolEffect.ChangesState },
        { "reboot_guest", ["guest"], ["guest"], ToolEffect.ChangesState },
        { "start_container", ["name"], ["name"], ToolEffect.ChangesState },
        { "stop_container", ["name"], ["name"], ToolEffect.ChangesState },
        { "restart_container", ["name"], ["name"], ToolEffect.ChangesState },
        { "pause_torrent", ["torrent"], ["torrent"], ToolEffect.ChangesState },
        { "resume_torrent", ["torrent"], ["torrent"], ToolEffect.ChangesState },
        { "recheck_torrent", ["torrent"], ["torrent"], ToolEffect.ChangesState },
        { "delete_torrent", ["torrent", "delete_files"], ["torrent"], ToolEffect.ChangesState },
        { "pause_all_torrents", [], [], ToolEffect.ChangesState },
        { "resume_all_torrents", [], [], ToolEffect.ChangesState },
    };

    [Fact]
    public void Tools_Catalogue_HasAtLeastThirtyUniquelyNamedTools()
    {
        var host = new ToolTestHost();

        Assert.True(host.Catalog.Tools.Count >= 30, $"{host.Catalog.Tools.Count} tools");
        Assert.Equal(host.Catalog.Tools.Count, host.Catalog.Tools.Select(t => t.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Contract.Count, host.Catalog.Tools.Count);
    }

    [Theory]
    [MemberData(nameof(Contract))]
    public void Tool_Contract_HasTheAgreedNameParametersAndEffect(string name, string[] parameters, string[] required, ToolEffect effect)
    {
        var host = new ToolTestHost();

        var tool = host.Catalog.Find(name);

        Assert.NotNull(tool);
        Assert.Equal(effect, tool.Effect);
        Assert.Equal(name, tool.Function.Name);
        var schema = tool.Function.JsonSchema;
        var properties = schema.TryGetProperty("properties", out var p) ? p.EnumerateObject().Select(x => x.Name).ToArray() : [];
        Assert.Equal(parameters, properties);
        var requiredNames = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
        Assert.Equal(required.Order(StringComparer.Ordinal), requiredNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Tools_EveryToolAndParameter_HasADescription()
    {
        var host = new ToolTestHost();

        Assert.All(host.Catalog.Tools, tool =>
        {
            Assert.False(string.IsNullOrWhiteSpace(tool.Description), $"{tool.Name} has no description");
            Assert.Equal(tool.Description, tool.Function.Description);
            if (tool.Function.JsonSchema.TryGetProperty("properties", out var properties))
            {
                foreach (var parameter in properties.EnumerateObject())
                {
                    Assert.True(parameter.Value.TryGetProperty("description", out var description) && description.GetString()!.Length > 0,
                        $"{tool.Name}.{parameter.Name} has no description");
                }
            }
        });
    }

    [Fact]
    public void Tools_StateChangingDescriptions_SayTheyNeedApproval()
    {
        var host = new ToolTestHost();

        Assert.All(host.Catalog.Tools.Where(t => t.ChangesState), tool => Assert.Contains("approve", tool.Description, StringComparison.Ordinal));
    }

    [Fact]
    public void EffectSets_Catalogue_SplitEveryToolOnce()
    {
        var host = new ToolTestHost();

        Assert.Equal(19, host.Catalog.ReadOnly.Count);
        Assert.Equal(13, host.Catalog.ChangesState.Count);
        Assert.Empty(host.Catalog.ReadOnly.Intersect(host.Catalog.ChangesState));
        Assert.Contains("stop_container", host.Catalog.ChangesState);
        Assert.Equal(ToolEffect.ReadOnly, host.Catalog.EffectOf("get_container_logs"));
        Assert.Null(host.Catalog.EffectOf("rm_rf"));
    }

    [Fact]
    public void CreateTools_TwoGates_GivesEachConversationItsOwnSet()
    {
        var host = new ToolTestHost();
        var other = new TestAgentActionGate();

        var set = host.Catalog.CreateTools(other);

        Assert.NotSame(host.Tools.Find("stop_container")!.Function, set.Find("stop_container")!.Function);
        Assert.Equal(host.Catalog.Tools.Select(t => t.Name), set.Functions.Select(f => f.Name));
        Assert.Equal(host.Catalog.Tools.Select(t => t.Name), host.Catalog.CreateFunctions(other).Select(f => f.Name));
    }

    [Fact]
    public async Task Tools_DescriptiveSet_RefusesToAct()
    {
        var host = new ToolTestHost();

        var result = await host.Catalog.Find("stop_container")!.Function.InvokeAsync(new() { ["name"] = "jellyfin" }, TestContext.Current.CancellationToken);

        using var document = JsonDocument.Parse(Assert.IsType<string>(result));
        Assert.Contains("did not run", document.RootElement.GetProperty("refused").GetString(), StringComparison.Ordinal);
        Assert.Empty(host.Gate.Proposals);
    }

    [Fact]
    public async Task InvokeAsync_UnknownTool_ReturnsTheSeedsError()
    {
        var host = new ToolTestHost();

        var result = await host.Tools.InvokeAsync("rm_rf", null, TestContext.Current.CancellationToken);

        Assert.Equal("{\"error\":\"unknown tool 'rm_rf'\"}", result);
    }

    [Fact]
    public async Task InvokeJsonAsync_ArgumentsNotJson_ReturnsBadArguments()
    {
        var host = new ToolTestHost();

        var result = await host.Tools.InvokeJsonAsync("get_container", "{name: jellyfin", TestContext.Current.CancellationToken);

        Assert.StartsWith("{\"error\":\"bad arguments: ", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeJsonAsync_MissingRequiredArgument_ReturnsBadArguments()
    {
        var host = new ToolTestHost();

        var result = await host.Tools.InvokeJsonAsync("get_container", "{\"container\":\"jellyfin\"}", TestContext.Current.CancellationToken);

        Assert.StartsWith("{\"error\":\"bad arguments: ", result, StringComparison.Ordinal);
        Assert.Contains("name", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeJsonAsync_WrongArgumentType_ReturnsBadArguments()
    {
        var host = new ToolTestHost();

        var result = await host.Tools.InvokeJsonAsync("get_container_logs", "{\"name\":\"jellyfin\",\"lines\":\"many\"}", TestContext.Current.CancellationToken);

        Assert.StartsWith("{\"error\":\"bad arguments: ", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeJsonAsync_JsonArguments_BindAsTheModelSendsThem()
    {
        var host = new ToolTestHost();

        var result = await host.Tools.InvokeJsonAsync("list_guests", "{\"node\":\"pve\",\"type\":\"vm\"}", TestContext.Current.CancellationToken);

        using var document = JsonDocument.Parse(result);
        Assert.Equal(1, document.RootElement.GetProperty("count").GetInt32());
    }

    [Fact]
    public void AddAgentTools_Services_ResolveOneCatalogue()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILiveHomelab>(new TestLiveHomelab());
        services.AddSingleton(new SourceRegistry());
        services.AddSingleton<IAuditLog>(new TestAuditLog());
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<HomelabOptions>();

        services.AddAgentTools();
        using var provider = services.BuildServiceProvider();

        var catalog = provider.GetRequiredService<ToolCatalog>();
        Assert.Same(catalog, provider.GetRequiredService<ToolCatalog>());
        Assert.NotEmpty(catalog.Tools);
    }
}
