using Homelab.Domain.Agent.Tools;
using Microsoft.Extensions.AI;

namespace Homelab.Dashboard.Agent.Tools;

/// <summary>Makes an <see cref="AgentTool"/> from a tool method: its schema from the typed, described parameters.</summary>
internal static class ToolFactory
{
    public static AgentTool Create(Delegate method, string name, ToolEffect effect, int resultLimit)
    {
        var function = AIFunctionFactory.Create(method.Method, method.Target, new AIFunctionFactoryOptions
        {
            Name = name,
            // Tools return the JSON text the model reads; serialising it again would wrap it in quotes and escapes.
            MarshalResult = static (result, _, _) => new ValueTask<object?>(result),
            ExcludeResultSchema = true,
        });
        return new AgentTool(name, function.Description, effect, new GuardedFunction(function, resultLimit));
    }
}
