using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Conversations;

namespace Homelab.Dashboard.Agent.Chat;

/// <summary>
/// The agent's conversations as pages and the HTTP API see them. A turn runs on the server from the user's message to
/// the model's last word whether or not anyone is still watching, so a browser that drops mid-answer finds the
/// finished turn when it reconnects; watchers get the stored thread and then live events (snapshot + stream).
/// </summary>
public interface IAgentChat
{
    /// <summary>Which model answers, and whether it is the simulator's scripted one (labelled "Simulated model").</summary>
    AgentModelInfo Model { get; }

    Task<Conversation> StartConversationAsync(ConversationSurface surface, CancellationToken cancellationToken);

    /// <summary>Most recently updated first.</summary>
    Task<IReadOnlyList<Conversation>> ListAsync(int skip, int take, CancellationToken cancellationToken);

    Task<ConversationThread?> GetAsync(Guid conversationId, CancellationToken cancellationToken);

    /// <summary>Deletes a conversation and its messages; a running turn in it is stopped first.</summary>
    Task<bool> DeleteAsync(Guid conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the user's message and starts the turn on the server. Returns at once; the turn's progress arrives
    /// through <see cref="WatchAsync"/>, and <see cref="TurnStart.Completion"/> ends with it.
    /// </summary>
    Task<TurnStart> SendAsync(Guid conversationId, string message, Actor actor, CancellationToken cancellationToken);

    /// <summary>The thread as stored now, then every change until <paramref name="cancellationToken"/> ends the watch.</summary>
    Task<ConversationWatch> WatchAsync(Guid conversationId, CancellationToken cancellationToken);

    /// <summary>Cancels the running turn, if any (the Stop button). The partial answer is kept and marked stopped.</summary>
    bool StopTurn(Guid conversationId);

    /// <summary>A human's answer to a pending approval card; only an approval card's own conversation can take it.</summary>
    Task<ApprovalDecisionResult> DecideAsync(Guid conversationId, Guid approvalMessageId, ApprovalDecision decision, Actor actor, CancellationToken cancellationToken);
}

/// <param name="Simulated">True for the simulator's scripted model.</param>
/// <param name="Available">False when no Ollama is configured or simulated; the chat says so instead of failing.</param>
public sealed record AgentModelInfo(string Model, bool Simulated, bool Available);

/// <summary>A started turn, or why none was started (empty or oversized message, a turn already running, no model).</summary>
public sealed record TurnStart(bool Started, string? Refusal, Task<TurnSummary> Completion);

/// <summary>How a turn ended: the answer, the tool calls it made, and how many model rounds it took.</summary>
public sealed record TurnSummary(
    Guid ConversationId,
    TurnOutcome Outcome,
    string Answer,
    IReadOnlyList<ToolCallCard> ToolCalls,
    int Rounds,
    string? Error,
    IReadOnlyList<Guid> PendingApprovals);

public enum TurnOutcome
{
    Completed,

    /// <summary>Stopped by the user; the partial answer is kept.</summary>
    Stopped,

    /// <summary>The model or the loop failed (unreachable, missing model, error mid-stream); <see cref="TurnSummary.Error"/> says why.</summary>
    Failed,

    /// <summary>A state-changing call waits for a human in the UI (API callers get the approval's id to link to).</summary>
    AwaitingApproval,
}

public enum ApprovalDecision
{
    Approve,
    Deny,

    /// <summary>Approve, and let this tool run unasked for the rest of the conversation.</summary>
    AllowToolForConversation,
}

public sealed record ApprovalDecisionResult(bool Accepted, string Message);

/// <summary>The stored thread plus whether a turn is running, and the live events after it.</summary>
public sealed record ConversationWatch(ConversationThread Thread, bool TurnRunning, IAsyncEnumerable<ChatEvent> Events);

/// <summary>One change in a watched conversation.</summary>
public abstract record ChatEvent(Guid ConversationId);

public sealed record TurnStarted(Guid ConversationId) : ChatEvent(ConversationId);

/// <summary>A message was stored: the user's, an assistant answer starting, a tool call card, an approval card.</summary>
public sealed record MessageAdded(Guid ConversationId, ConversationMessage Message) : ChatEvent(ConversationId);

/// <summary>A stored message changed: a tool card got its result, an approval was decided, an answer completed.</summary>
public sealed record MessageUpdated(Guid ConversationId, ConversationMessage Message) : ChatEvent(ConversationId);

/// <summary>Tokens appended to an assistant message as the model produces them.</summary>
public sealed record TextDelta(Guid ConversationId, Guid MessageId, string Delta) : ChatEvent(ConversationId);

public sealed record TurnEnded(Guid ConversationId, TurnSummary Summary) : ChatEvent(ConversationId);
