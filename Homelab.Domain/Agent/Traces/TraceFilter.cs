using Homelab.Domain.Common;

namespace Homelab.Domain.Agent.Traces;

/// <summary>Which traces to list, newest first.</summary>
public sealed record TraceFilter
{
    public const int MaxTake = 500;

    /// <summary>An exact caller, or a dotted prefix: <c>chat.agent</c> also matches <c>chat.agent.r0</c>.</summary>
    public string? Caller { get; init; }

    public string? Model { get; init; }

    public TraceOutcome? Outcome { get; init; }

    /// <summary>Inclusive.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive.</summary>
    public DateTimeOffset? To { get; init; }

    public Guid? ConversationId { get; init; }

    /// <summary>Continue after this trace (the <see cref="TracePage.Next"/> of the previous page).</summary>
    public TraceCursor? After { get; init; }

    public int Take { get; init; } = 50;
}

/// <summary>Where a page of traces ended: keyset paging stays fast however deep the page.</summary>
public sealed record TraceCursor(DateTimeOffset At, Guid Id);

/// <summary>A page of traces without their exchanges; <paramref name="Next"/> is null on the last page.</summary>
public sealed record TracePage(EquatableArray<ModelCallTrace> Items, TraceCursor? Next);

/// <summary>The callers and models seen, for filter choices.</summary>
public sealed record TraceNames(EquatableArray<string> Callers, EquatableArray<string> Models);
