using System.Text.Json;
using Homelab.Domain.Agent.Tools;
using Microsoft.Extensions.AI;

namespace Homelab.Dashboard.Agent.Tools;

/// <summary>The catalogue's tools bound to one conversation's gate.</summary>
public sealed class AgentToolSet
{
    private readonly Dictionary<string, AgentTool> _byName;
    private readonly int _resultLimit;

    internal AgentToolSet(IReadOnlyList<AgentTool> tools, int resultLimit)
    {
        Tools = tools;
        Functions = [.. tools.Select(t => t.Function)];
        _byName = tools.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _resultLimit = resultLimit;
    }

    public IReadOnlyList<AgentTool> Tools { get; }

    /// <summary>For <c>ChatOptions.Tools</c>.</summary>
    public IReadOnlyList<AIFunction> Functions { get; }

    public AgentTool? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// Runs a call the way the seed's loop does: an unknown tool is <c>{"error":"unknown tool 'x'"}</c>, arguments that
    /// are not a JSON object are <c>{"error":"bad arguments: …"}</c>, and the tool's own answer otherwise. Never throws
    /// except for cancellation.
    /// </summary>
    public async Task<string> InvokeAsync(string name, IDictionary<string, object?>? arguments, CancellationToken cancellationToken)
    {
        if (Find(name) is not { } tool)
        {
            return ToolResultText.Error($"unknown tool '{UntrustedText.Inline(name, 60)}'", _resultLimit);
        }

        var result = await tool.Function.InvokeAsync(new AIFunctionArguments(arguments ?? new Dictionary<string, object?>()), cancellationToken);
        return result as string ?? ToolResultText.Json(result ?? new { }, _resultLimit);
    }

    /// <summary>As <see cref="InvokeAsync(string, IDictionary{string, object?}?, CancellationToken)"/>, with the arguments as the model wrote them.</summary>
    public Task<string> InvokeJsonAsync(string name, string? argumentsJson, CancellationToken cancellationToken)
    {
        Dictionary<string, object?>? arguments;
        try
        {
            arguments = string.IsNullOrWhiteSpace(argumentsJson)
                ? []
                : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(argumentsJson)?.ToDictionary(p => p.Key, p => (object?)p.Value);
        }
        catch (JsonException ex)
        {
            return Task.FromResult(ToolResultText.Error($"bad arguments: {ex.Message}", _resultLimit));
        }

        return InvokeAsync(name, arguments, cancellationToken);
    }
}
