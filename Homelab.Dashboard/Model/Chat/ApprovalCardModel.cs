using Homelab.Dashboard.Agent.Chat;
using Homelab.Domain.Agent.Conversations;

namespace Homelab.Dashboard.Model.Chat;

/// <summary>
/// What an approval card says: what is asked, on which target, what it will do, and the call behind it.
/// </summary>
/// <remarks>
/// Built from the approval message's text and its tool call card. The text's first line is the question
/// ("Stop jellyfin?"); lines starting <c>Target:</c> and <c>Effect:</c> (or <c>What it will do:</c>) fill those
/// fields; any other lines are the effect. When the text names no target, the call's main argument stands in.
/// </remarks>
public sealed record ApprovalCardModel(
    Guid MessageId,
    string What,
    string Target,
    string Effect,
    string Tool,
    string Arguments,
    ApprovalState State)
{
    private static readonly string[] s_targetKeys = ["name", "target", "container", "guest", "torrent", "vmid", "node", "host", "id", "hash"];

    public bool IsPending => State == ApprovalState.Pending;

    /// <summary>The anchor a link such as <c>/chat/{id}#approval-{messageId}</c> lands on.</summary>
    public string Anchor => AnchorFor(MessageId);

    public static string AnchorFor(Guid messageId) => $"approval-{messageId}";

    public static ApprovalCardModel From(ConversationMessage message)
    {
        var call = message.ToolCalls.Count > 0 ? message.ToolCalls[0] : null;
        var tool = call?.Tool ?? "a tool";
        string? what = null;
        string? target = null;
        var effect = new List<string>();
        foreach (var raw in message.Text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (TryField(line, "Target:", out var value))
            {
                target = value;
            }
            else if (TryField(line, "Effect:", out value) || TryField(line, "What it will do:", out value))
            {
                effect.Insert(0, value);
            }
            else if (what is null)
            {
                what = line;
            }
            else
            {
                effect.Add(line);
            }
        }

        var arguments = call is null ? "" : ToolCallText.CompactArguments(call.ArgumentsJson);
        return new ApprovalCardModel(
            message.Id,
            What: what ?? $"Run {tool}?",
            Target: target ?? MainArgument(call?.ArgumentsJson) ?? "not named",
            Effect: effect.Count > 0 ? string.Join(' ', effect) : $"Calls {tool}, which changes state.",
            Tool: tool,
            Arguments: arguments,
            State: message.Approval ?? ApprovalState.Pending);
    }

    /// <summary>"Approved", "Denied", "Allowed for this conversation"; null while pending.</summary>
    public string? DecisionText => State switch
    {
        ApprovalState.Approved => "Approved",
        ApprovalState.Denied => "Denied",
        ApprovalState.AllowedForConversation => $"Approved; {Tool} is allowed for the rest of this conversation",
        _ => null,
    };

    /// <summary>What the card says between a click and the stored decision arriving.</summary>
    public static string SentText(ApprovalDecision decision, string tool) => decision switch
    {
        ApprovalDecision.Approve => "Approved",
        ApprovalDecision.Deny => "Denied",
        ApprovalDecision.AllowToolForConversation => $"Approved; {tool} is allowed for the rest of this conversation",
        _ => "Answered",
    };

    private static bool TryField(string line, string prefix, out string value)
    {
        if (line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && line.Length > prefix.Length)
        {
            value = line[prefix.Length..].Trim();
            return value.Length > 0;
        }

        value = "";
        return false;
    }

    private static string? MainArgument(string? argumentsJson)
    {
        var arguments = ToolCallText.ArgumentValues(argumentsJson);
        foreach (var key in s_targetKeys)
        {
            if (arguments.FirstOrDefault(a => string.Equals(a.Key, key, StringComparison.OrdinalIgnoreCase)) is { Key: not null } hit)
            {
                return hit.Value;
            }
        }

        return arguments.Count > 0 ? arguments[0].Value : null;
    }
}
