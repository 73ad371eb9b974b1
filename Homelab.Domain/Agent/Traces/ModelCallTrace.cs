using Homelab.Domain.Common;

namespace Homelab.Domain.Agent.Traces;

/// <summary>How a model call ended.</summary>
public enum TraceOutcome
{
    Ok,
    Error,

    /// <summary>The caller stopped waiting (the user pressed stop, the request was aborted); not counted as an error.</summary>
    Cancelled,
}

/// <summary>One call to a language model, as the trace store keeps it.</summary>
/// <remarks>
/// The id is chosen by the caller (time-ordered by default) so that actions can be linked to the trace before the
/// store has written it. Previews and the exchange are capped by the store (<see cref="TraceText"/>).
/// </remarks>
public sealed record ModelCallTrace
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required DateTimeOffset At { get; init; }

    /// <summary>Who called, dotted, e.g. <c>chat.agent.r0</c> (round 0 of the chat agent's tool loop).</summary>
    public required string Caller { get; init; }

    public required string Model { get; init; }

    /// <summary>From sending the request to the last token.</summary>
    public required TimeSpan Latency { get; init; }

    public TimeSpan? TimeToFirstToken { get; init; }

    public int? PromptTokens { get; init; }

    public int? CompletionTokens { get; init; }

    public int ToolCallCount { get; init; }

    public EquatableArray<string> ToolNames { get; init; } = EquatableArray<string>.Empty;

    public int ToolCallsSucceeded { get; init; }

    public int ToolCallsFailed { get; init; }

    public required TraceOutcome Outcome { get; init; }

    public string? Error { get; init; }

    public string PromptPreview { get; init; } = "";

    public string ResponsePreview { get; init; } = "";

    public Guid? ConversationId { get; init; }

    /// <summary>Audit record ids of the actions this call caused; filled in when read back.</summary>
    public EquatableArray<long> CausedActionIds { get; init; } = EquatableArray<long>.Empty;

    /// <summary>The request messages and the response as JSON; null in lists, where only the detail view needs it.</summary>
    public string? Exchange { get; init; }

    /// <summary>The time spent producing tokens: the latency after the first token, or all of it if that is unknown.</summary>
    public TimeSpan GenerationTime => TimeToFirstToken is { } first && first <= Latency ? Latency - first : Latency;
}
