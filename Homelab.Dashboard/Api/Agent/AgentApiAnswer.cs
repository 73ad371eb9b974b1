using System.Text.Json;
using System.Text.Json.Serialization;
using Homelab.Dashboard.Agent.Chat;
using Homelab.Domain.Agent.Conversations;
using Microsoft.AspNetCore.Http.Extensions;

namespace Homelab.Dashboard.Api.Agent;

/// <summary>A turn as the API answers it (snake_case on the wire): the seed's shape plus outcome and approval links.</summary>
/// <param name="Outcome"><c>completed</c>, <c>stopped</c>, <c>failed</c>, <c>awaiting_approval</c>, or <c>running</c> when <paramref name="TimedOut"/>.</param>
/// <param name="TimedOut">The wait ended before the turn did; this is what was there then, and the turn keeps running.</param>
internal sealed record AgentApiAnswer(
    Guid ConversationId,
    string Model,
    bool Simulated,
    string Answer,
    IReadOnlyList<AgentApiToolCall> ToolCalls,
    int Rounds,
    string Outcome,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error,
    IReadOnlyList<AgentApiApproval> Approvals,
    bool TimedOut);

/// <param name="Arguments">The call's arguments as a JSON object (a string if the model sent something that isn't JSON).</param>
/// <param name="Result">A short preview of the result; the full result is in the trace.</param>
internal sealed record AgentApiToolCall(string? CallId, string Name, JsonElement Arguments, string? Result, string Outcome, long? DurationMs)
{
    public static AgentApiToolCall From(ToolCallCard card) =>
        new(card.CallId, card.Tool, AgentApiJson.Arguments(card.ArgumentsJson), card.ResultPreview, AgentApiJson.Name(card.Outcome), (long?)card.Duration?.TotalMilliseconds);
}

/// <param name="Link">Where a person approves it: the conversation in the dashboard, scrolled to the approval card.</param>
/// <param name="What">The approval card's text: what would run.</param>
internal sealed record AgentApiApproval(Guid Id, string Link, string? What);

/// <summary>Builds <see cref="AgentApiAnswer"/>s from a finished turn or from the stored thread of one still running.</summary>
internal static class AgentApiAnswers
{
    public static async Task<AgentApiAnswer> FromSummaryAsync(IAgentChat chat, TurnSummary summary, HttpRequest request, CancellationToken cancellationToken)
    {
        var approvals = summary.PendingApprovals.Count == 0
            ? []
            : Approvals(summary.ConversationId, summary.PendingApprovals, await chat.GetAsync(summary.ConversationId, cancellationToken), request);
        return new AgentApiAnswer(
            summary.ConversationId,
            chat.Model.Model,
            chat.Model.Simulated,
            WithApprovals(summary.Answer, approvals),
            [.. summary.ToolCalls.Select(AgentApiToolCall.From)],
            summary.Rounds,
            AgentApiJson.Name(summary.Outcome),
            summary.Error,
            approvals,
            TimedOut: false);
    }

    /// <summary>What the stored thread holds of the running turn: everything after its user message.</summary>
    public static async Task<AgentApiAnswer> SoFarAsync(IAgentChat chat, Guid conversationId, HttpRequest request, CancellationToken cancellationToken)
    {
        var thread = await chat.GetAsync(conversationId, cancellationToken);
        IEnumerable<ConversationMessage> messages = thread is null ? [] : thread.Messages;
        var lastUser = messages.LastOrDefault(m => m.Role == MessageRole.User)?.Ordinal ?? -1;
        var turn = messages.Where(m => m.Ordinal > lastUser).ToList();
        var pending = turn.Where(m => m is { Role: MessageRole.Approval, Approval: ApprovalState.Pending }).Select(m => m.Id).ToList();
        var approvals = Approvals(conversationId, pending, thread, request);
        var answer = turn.LastOrDefault(m => m.Role == MessageRole.Assistant)?.Text ?? "";
        return new AgentApiAnswer(
            conversationId,
            chat.Model.Model,
            chat.Model.Simulated,
            WithApprovals(answer, approvals),
            [.. turn.SelectMany(m => m.ToolCalls).Select(AgentApiToolCall.From)],
            turn.Count(m => m.Role == MessageRole.Assistant),
            "running",
            Error: null,
            approvals,
            TimedOut: true);
    }

    /// <summary>The dashboard page where a person decides <paramref name="approvalId"/>: <c>/chat/{id}#approval-{id}</c>.</summary>
    public static string ApprovalLink(HttpRequest request, Guid conversationId, Guid approvalId) =>
        UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, $"/chat/{conversationId}", fragment: new FragmentString($"#approval-{approvalId}"));

    private static List<AgentApiApproval> Approvals(Guid conversationId, IEnumerable<Guid> ids, ConversationThread? thread, HttpRequest request) =>
        [.. ids.Select(id => new AgentApiApproval(
            id,
            ApprovalLink(request, conversationId, id),
            thread?.Messages.FirstOrDefault(m => m.Id == id)?.Text))];

    /// <summary>An API caller cannot click an approval card, so the answer itself says where to go.</summary>
    private static string WithApprovals(string answer, List<AgentApiApproval> approvals)
    {
        if (approvals.Count == 0)
        {
            return answer;
        }

        var lines = approvals.Select(a => string.IsNullOrWhiteSpace(a.What) ? $"- {a.Link}" : $"- {a.What}: {a.Link}");
        var note = "Approval is needed in the dashboard before this can run:\n" + string.Join('\n', lines);
        return string.IsNullOrWhiteSpace(answer) ? note : $"{answer.TrimEnd()}\n\n{note}";
    }
}
