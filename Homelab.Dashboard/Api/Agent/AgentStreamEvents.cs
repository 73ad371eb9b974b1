using Homelab.Dashboard.Agent.Chat;
using Homelab.Domain.Agent.Conversations;

namespace Homelab.Dashboard.Api.Agent;

/// <summary>One server-sent event: its name and the object sent as its <c>data:</c> line.</summary>
internal sealed record StreamEvent(string Name, object Data);

/// <summary>
/// Turns a conversation's live <see cref="ChatEvent"/>s into the stream's events: <c>turn_started</c>, <c>token</c>,
/// <c>tool_call</c>, <c>tool_result</c> and <c>approval_needed</c>. Tool cards and approvals arrive as whole messages
/// that change over time, so it remembers what it already sent and sends only what is new.
/// </summary>
internal sealed class AgentStreamEvents(Guid conversationId, AgentModelInfo model, HttpRequest request)
{
    private readonly HashSet<string> _sentCalls = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sentResults = new(StringComparer.Ordinal);
    private readonly HashSet<Guid> _sentApprovals = [];

    /// <summary>Whether this request's turn has started; events before it belong to an earlier turn.</summary>
    public bool TurnStarted { get; private set; }

    public IEnumerable<StreamEvent> Translate(ChatEvent chatEvent)
    {
        if (chatEvent is TurnStarted)
        {
            TurnStarted = true;
            return [new StreamEvent("turn_started", new { ConversationId = conversationId, model.Model, model.Simulated })];
        }

        if (!TurnStarted)
        {
            return [];
        }

        return chatEvent switch
        {
            TextDelta delta => [new StreamEvent("token", new { Text = delta.Delta })],
            MessageAdded added => FromMessage(added.Message),
            MessageUpdated updated => FromMessage(updated.Message),
            _ => [],
        };
    }

    private List<StreamEvent> FromMessage(ConversationMessage message)
    {
        var events = new List<StreamEvent>();
        if (message is { Role: MessageRole.Approval, Approval: ApprovalState.Pending } && _sentApprovals.Add(message.Id))
        {
            var link = AgentApiAnswers.ApprovalLink(request, conversationId, message.Id);
            events.Add(new StreamEvent("approval_needed", new { message.Id, Link = link, What = message.Text }));
        }

        for (var i = 0; i < message.ToolCalls.Count; i++)
        {
            var card = message.ToolCalls[i];
            var key = $"{message.Id}/{card.CallId ?? i.ToString()}";
            if (_sentCalls.Add(key))
            {
                events.Add(new StreamEvent("tool_call", new { card.CallId, Name = card.Tool, Arguments = AgentApiJson.Arguments(card.ArgumentsJson) }));
            }

            if (card.Outcome != ToolCallOutcome.Running && _sentResults.Add(key))
            {
                var call = AgentApiToolCall.From(card);
                events.Add(new StreamEvent("tool_result", new { call.CallId, call.Name, call.Outcome, call.Result, call.DurationMs }));
            }
        }

        return events;
    }
}
