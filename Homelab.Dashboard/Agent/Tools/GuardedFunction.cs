using System.Text.Json;
using Homelab.Domain.Agent.Tools;
using Microsoft.Extensions.AI;

namespace Homelab.Dashboard.Agent.Tools;

/// <summary>
/// Turns anything a tool throws into a <c>{"error":…}</c> result with the seed's wording, so one bad call never ends
/// the loop: arguments that do not bind are <c>bad arguments: …</c>, anything else <c>&lt;Type&gt;: message</c>.
/// </summary>
internal sealed class GuardedFunction(AIFunction inner, int resultLimit) : DelegatingAIFunction(inner)
{
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await base.InvokeCoreAsync(arguments, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is ArgumentException or JsonException or FormatException or InvalidCastException or NotSupportedException)
        {
            return ToolResultText.Error($"bad arguments: {ex.Message}", resultLimit);
        }
        catch (Exception ex)
        {
            return ToolResultText.Error($"{ex.GetType().Name}: {ex.Message}", resultLimit);
        }
    }
}
