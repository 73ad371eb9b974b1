using System.Text;
using Homelab.Dashboard.Agent.Model;
using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Conversations;
using Homelab.Domain.Agent.Tools;
using Microsoft.Extensions.AI;

namespace Homelab.Dashboard.Agent.Chat;

/// <summary>
/// One turn, from the stored user message to the model's last word: streams the answer into assistant messages,
/// shows tool calls and approval cards as they happen, and always ends with a stored, complete thread and a
/// <see cref="TurnEnded"/> event, whatever went wrong.
/// </summary>
/// <remarks>Runs on its own task, independent of any page or request; everything it writes is stored as it goes.</remarks>
internal sealed partial class AgentTurn : IToolProgress, IApprovalCards
{
    /// <summary>How much of a tool result the chat's card shows; the whole result is in the trace.</summary>
    private const int CardPreviewLength = 600;

    private readonly AgentChatServices _services;
    private readonly ConversationLive _live;
    private readonly Conversation _conversation;
    private readonly Actor _actor;
    private readonly RunningTurn _running;
    private readonly AgentModel _model;
    private readonly ModelCallScope _scope;
    private readonly List<ConversationMessage> _segments = [];
    private readonly List<ConversationMessage> _toolMessages = [];
    private readonly List<Guid> _approvals = [];
    private readonly StringBuilder _text = new();
    private ConversationMessage? _segment;
    private string _currentArguments = "{}";

    public AgentTurn(AgentChatServices services, ConversationLive live, Conversation conversation, Actor actor, RunningTurn running, AgentModel model)
    {
        _services = services;
        _live = live;
        _conversation = conversation;
        _actor = actor;
        _running = running;
        _model = model;
        var prefix = conversation.Surface == ConversationSurface.Api ? "api.agent" : "chat.agent";
        _scope = new ModelCallScope(prefix, conversation.Id, this);
    }

    private Guid ConversationId => _conversation.Id;

    public async Task<TurnSummary> RunAsync(IReadOnlyList<ConversationMessage> earlier, string message)
    {
        var outcome = TurnOutcome.Completed;
        string? error = null;
        var token = _running.Token;
        try
        {
            using var scope = ModelCallScope.Begin(_scope);
            var request = AgentPrompt.Build(earlier, message);
            var gate = new ConversationGate(ConversationId, _conversation.Surface, _actor, _services.Options.Agent.ApiAllowedTools.ToHashSet(StringComparer.Ordinal), _live, this, _services.Approvals, _services.Actions);
            var tools = _services.Catalog.CreateTools(gate);
            var updates = new List<ChatResponseUpdate>();
            await StreamAsync(_model.Client.GetStreamingResponseAsync(request, _model.CreateOptions(tools.Functions), token), updates, token);
            if (_scope.LastCallRequestedTools)
            {
                // The loop guard ended the loop before the model answered: ask it for a short summary of what it has,
                // with no tools on offer, so the user still gets an answer. (At the round cap the function-invoking
                // client already makes its last call without tools, so the model answers there.)
                await CloseSegmentAsync();
                var summary = AgentPrompt.Summary(request, updates.ToChatResponse().Messages);
                await StreamAsync(_model.Client.GetStreamingResponseAsync(summary, _model.CreateOptions(), token), null, token);
            }

            if (_approvals.Any(_services.Approvals.IsPending))
            {
                outcome = TurnOutcome.AwaitingApproval;
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            outcome = TurnOutcome.Stopped;
            if (!_running.StopRequested)
            {
                error = "The dashboard is shutting down; the answer was cut short.";
            }
        }
        catch (Exception ex)
        {
            outcome = TurnOutcome.Failed;
            error = AgentErrors.Describe(ex, _model.ModelName);
            LogTurnFailed(_services.Logger, ex, ConversationId, ex.GetType().Name);
        }

        return await FinishAsync(outcome, error);
    }

    public async Task ToolStartedAsync(string? callId, string tool, string argumentsJson, CancellationToken cancellationToken)
    {
        await CloseSegmentAsync();
        _currentArguments = argumentsJson;
        var card = new ToolCallCard(callId, tool, argumentsJson, ResultPreview: null, Duration: null, ToolCallOutcome.Running);
        var stored = await AppendAsync(new ConversationMessage
        {
            ConversationId = ConversationId,
            Role = MessageRole.Tool,
            Text = tool,
            ToolCalls = [card],
            TraceIds = _scope.LastTraceId is { } trace ? [trace] : [],
            CreatedAt = _services.Time.GetUtcNow(),
            IsComplete = false,
        });
        _toolMessages.Add(stored);
    }

    public async Task ToolFinishedAsync(string? callId, string tool, string result, TimeSpan duration, ToolCallOutcome outcome, CancellationToken cancellationToken)
    {
        var index = _toolMessages.FindLastIndex(m => m.ToolCalls[0].CallId == callId && m.ToolCalls[0].Tool == tool);
        if (index < 0)
        {
            return;
        }

        var message = _toolMessages[index];
        var card = message.ToolCalls[0] with { ResultPreview = ToolResultText.Cap(result, CardPreviewLength), Duration = duration, Outcome = outcome };
        _toolMessages[index] = await UpdateAsync(message with { ToolCalls = [card], IsComplete = true });
    }

    public async Task<ConversationMessage> AddApprovalAsync(ProposedAction proposal, ApprovalState state, CancellationToken cancellationToken)
    {
        var card = new ToolCallCard(null, proposal.ToolName, _currentArguments, ResultPreview: null, Duration: null, ToolCallOutcome.Running);
        var stored = await AppendAsync(new ConversationMessage
        {
            ConversationId = ConversationId,
            Role = MessageRole.Approval,
            Text = ApprovalText.Of(proposal),
            ToolCalls = [card],
            Approval = state,
            TraceIds = _scope.LastTraceId is { } trace ? [trace] : [],
            CreatedAt = _services.Time.GetUtcNow(),
        });
        _approvals.Add(stored.Id);
        return stored;
    }

    public async Task UpdateApprovalAsync(ConversationMessage card, ApprovalState state, CancellationToken cancellationToken) =>
        await UpdateAsync(card with { Approval = state });

    private async Task StreamAsync(IAsyncEnumerable<ChatResponseUpdate> stream, List<ChatResponseUpdate>? collected, CancellationToken cancellationToken)
    {
        await foreach (var update in stream.WithCancellation(cancellationToken))
        {
            collected?.Add(update);
            if (update.Role == ChatRole.Tool)
            {
                continue;
            }

            var text = update.Text;
            if (text.Length > 0)
            {
                await AppendTextAsync(text);
            }

            if (update.Contents.Any(c => c is FunctionCallContent))
            {
                await CloseSegmentAsync();
            }
        }

        // OllamaSharp ends a cancelled stream quietly instead of throwing; a stopped turn must not read as complete.
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task AppendTextAsync(string text)
    {
        if (_segment is null)
        {
            _text.Clear();
            _segment = await AppendAsync(new ConversationMessage
            {
                ConversationId = ConversationId,
                Role = MessageRole.Assistant,
                CreatedAt = _services.Time.GetUtcNow(),
                IsComplete = false,
            });
        }

        _text.Append(text);
        _live.Publish(new TextDelta(ConversationId, _segment.Id, text));
    }

    /// <summary>Stores the answer so far as complete (tools are about to run, or the turn ends).</summary>
    private async Task CloseSegmentAsync(string? suffix = null)
    {
        if (_segment is null)
        {
            return;
        }

        var segment = _segment;
        _segment = null;
        var text = _text.ToString() + suffix;
        _segments.Add(await UpdateAsync(segment with { Text = text, IsComplete = true, TraceIds = [.. _scope.TraceIds] }));
    }

    private async Task<TurnSummary> FinishAsync(TurnOutcome outcome, string? error)
    {
        try
        {
            if (_scope.Release() is { } held)
            {
                _services.Traces.Record(held);
            }

            var note = outcome switch
            {
                TurnOutcome.Failed => error,
                TurnOutcome.Stopped => error ?? "*(stopped)*",
                _ => null,
            };
            if (note is not null && _segment is null)
            {
                await AppendTextAsync(note);
                note = null;
            }
            else if (note is not null)
            {
                note = (_text.Length > 0 ? "\n\n" : "") + note;
            }

            if (_segment is null && _segments.Count == 0 && outcome is TurnOutcome.Completed)
            {
                await AppendTextAsync("The model gave no answer.");
            }

            await CloseSegmentAsync(note);
            foreach (var message in _toolMessages.Where(m => m.ToolCalls[0].Outcome == ToolCallOutcome.Running).ToList())
            {
                var card = message.ToolCalls[0] with { Outcome = ToolCallOutcome.Failed, ResultPreview = "stopped before it finished" };
                await UpdateAsync(message with { ToolCalls = [card], IsComplete = true });
            }
        }
        catch (Exception ex)
        {
            // Storing the end failed; the watchers still hear that the turn ended.
            LogFinishFailed(_services.Logger, ex, ConversationId);
        }

        var summary = new TurnSummary(
            ConversationId,
            outcome,
            string.Join("\n\n", _segments.Select(s => s.Text).Where(t => t.Length > 0)),
            [.. _toolMessages.Select(m => m.ToolCalls[0])],
            _scope.Rounds,
            outcome == TurnOutcome.Failed ? error : null,
            [.. _approvals.Where(_services.Approvals.IsPending)]);
        _live.End(_running, new TurnEnded(ConversationId, summary));
        return summary;
    }

    private async Task<ConversationMessage> AppendAsync(ConversationMessage message)
    {
        // Not the turn's token: what happened must be stored even when the turn is being stopped.
        var stored = await _services.Store.AppendAsync(message, CancellationToken.None);
        _live.Publish(new MessageAdded(ConversationId, stored));
        return stored;
    }

    private async Task<ConversationMessage> UpdateAsync(ConversationMessage message)
    {
        await _services.Store.UpdateMessageAsync(message, CancellationToken.None);
        _live.Publish(new MessageUpdated(ConversationId, message));
        return message;
    }

    [LoggerMessage(10010, LogLevel.Warning, "An agent turn in conversation {ConversationId} failed ({ErrorType}); the chat shows the reason.")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, Guid conversationId, string errorType);

    [LoggerMessage(10011, LogLevel.Error, "Storing the end of an agent turn in conversation {ConversationId} failed.")]
    private static partial void LogFinishFailed(ILogger logger, Exception exception, Guid conversationId);
}

/// <summary>The text of an approval card: what, on which target, what it will do.</summary>
internal static class ApprovalText
{
    /// <summary>Three lines: the question ("Restart sonarr?"), "Target: …", and the effect (marked when it interrupts a service).</summary>
    public static string Of(ProposedAction proposal) =>
        $"{proposal.Title}\nTarget: {proposal.Target}\n{proposal.WhatItWillDo}{(proposal.Disruptive ? " (interrupts what it serves)" : "")}";
}
