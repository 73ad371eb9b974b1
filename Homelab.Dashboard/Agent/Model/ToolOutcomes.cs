using System.Text.Json;
using Homelab.Domain.Agent.Conversations;

namespace Homelab.Dashboard.Agent.Model;

/// <summary>Reads how a tool call went from its result text, the compact JSON every tool answers with.</summary>
internal static class ToolOutcomes
{
    /// <summary>
    /// <c>{"error":…}</c> failed; a denial or refusal was <see cref="ToolCallOutcome.Denied"/>; an action that ran but
    /// did not reach its state failed; a call left for a person to approve awaits approval (it has not run, so it must
    /// not read as done); anything else succeeded.
    /// </summary>
    public static ToolCallOutcome Classify(string result)
    {
        if (result.Length == 0 || result[0] != '{')
        {
            return ToolCallOutcome.Succeeded;
        }

        try
        {
            using var document = JsonDocument.Parse(result);
            var root = document.RootElement;
            if (root.TryGetProperty("error", out _))
            {
                return ToolCallOutcome.Failed;
            }

            if (root.TryGetProperty("denied", out _) || root.TryGetProperty("refused", out _))
            {
                return ToolCallOutcome.Denied;
            }

            if (root.TryGetProperty("pending_approval", out _))
            {
                return ToolCallOutcome.AwaitingApproval;
            }

            return root.TryGetProperty("outcome", out var outcome) && outcome.ValueKind == JsonValueKind.String
                ? outcome.GetString() switch
                {
                    "succeeded" => ToolCallOutcome.Succeeded,
                    "denied" => ToolCallOutcome.Denied,
                    _ => ToolCallOutcome.Failed,
                }
                : ToolCallOutcome.Succeeded;
        }
        catch (JsonException)
        {
            // A capped result is no longer valid JSON; only its start can be read.
            return result.StartsWith("{\"error\"", StringComparison.Ordinal) ? ToolCallOutcome.Failed : ToolCallOutcome.Succeeded;
        }
    }
}
