using Homelab.Domain.Agent.Conversations;
using Homelab.Domain.Agent.Traces;

namespace Homelab.Dashboard.Agent.Model;

/// <summary>
/// What one agent turn shares with the layers of the model pipeline it calls through: who is calling (for trace
/// caller names), the round counter, the traces recorded so far, the loop guard's counts, and where tool progress goes.
/// </summary>
/// <remarks>
/// Flows as an ambient value (<see cref="Begin"/>), because <c>FunctionInvokingChatClient</c> calls the inner client
/// and the tools without a way to pass per-turn state. A pipeline call outside any scope still works; its trace just
/// has no conversation and a plain caller name.
/// </remarks>
internal sealed class ModelCallScope
{
    private static readonly AsyncLocal<ModelCallScope?> s_current = new();

    private readonly Lock _lock = new();
    private readonly List<Guid> _traceIds = [];
    private readonly Dictionary<string, int> _callCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ToolCallOutcome> _toolOutcomes = new(StringComparer.Ordinal);
    private PendingTrace? _pending;
    private int _round;

    public ModelCallScope(string callerPrefix, Guid? conversationId, IToolProgress? progress = null)
    {
        CallerPrefix = callerPrefix;
        ConversationId = conversationId;
        Progress = progress;
    }

    public static ModelCallScope? Current => s_current.Value;

    /// <summary>E.g. <c>chat.agent</c>; each model call is recorded as <c>chat.agent.r{round}</c>.</summary>
    public string CallerPrefix { get; }

    public Guid? ConversationId { get; }

    public IToolProgress? Progress { get; }

    /// <summary>How many model calls the turn has made.</summary>
    public int Rounds => Volatile.Read(ref _round);

    /// <summary>The latest model call's trace: the one whose tool calls are running now, so actions link to it.</summary>
    public Guid? LastTraceId { get; private set; }

    /// <summary>Whether the latest model call asked for tools (if the loop then ended, the model never answered them).</summary>
    public bool LastCallRequestedTools { get; private set; }

    /// <summary>Set when a loop guard ended the tool loop; says why.</summary>
    public string? LoopStopReason { get; set; }

    public IReadOnlyList<Guid> TraceIds
    {
        get
        {
            lock (_lock)
            {
                return [.. _traceIds];
            }
        }
    }

    /// <summary>Makes <paramref name="scope"/> current for the calling flow until the result is disposed.</summary>
    public static IDisposable Begin(ModelCallScope scope)
    {
        var previous = s_current.Value;
        s_current.Value = scope;
        return new Restore(previous);
    }

    /// <summary>Starts a model call: its round number and the caller name it is recorded under.</summary>
    public (int Round, string Caller) NextCall()
    {
        var round = Interlocked.Increment(ref _round) - 1;
        return (round, $"{CallerPrefix}.r{round}");
    }

    /// <summary>How many times this exact call (tool and canonical arguments) has been asked for in the turn, this one included.</summary>
    public int CountCall(string key)
    {
        lock (_lock)
        {
            var count = _callCounts.GetValueOrDefault(key) + 1;
            _callCounts[key] = count;
            return count;
        }
    }

    /// <summary>Notes how a tool call ended, for the trace of the model call that asked for it.</summary>
    public void ReportTool(string? callId, ToolCallOutcome outcome)
    {
        if (callId is null)
        {
            return;
        }

        lock (_lock)
        {
            _toolOutcomes[callId] = outcome;
        }
    }

    /// <summary>
    /// Takes a finished call's trace. One that asked for tools is held until they have run, so it can say how they
    /// went; the traces ready to record now are returned.
    /// </summary>
    public IReadOnlyList<ModelCallTrace> Hold(ModelCallTrace trace, IReadOnlyList<string> callIds)
    {
        lock (_lock)
        {
            _traceIds.Add(trace.Id);
            LastTraceId = trace.Id;
            LastCallRequestedTools = callIds.Count > 0;
            var ready = new List<ModelCallTrace>(2);
            if (ReleaseLocked() is { } previous)
            {
                ready.Add(previous);
            }

            if (callIds.Count > 0)
            {
                _pending = new PendingTrace(trace, callIds);
            }
            else
            {
                ready.Add(trace);
            }

            return ready;
        }
    }

    /// <summary>The held trace with its tool outcomes filled in, or null; called before the next model call and at the end of the turn.</summary>
    public ModelCallTrace? Release()
    {
        lock (_lock)
        {
            return ReleaseLocked();
        }
    }

    private ModelCallTrace? ReleaseLocked()
    {
        if (_pending is not { } pending)
        {
            return null;
        }

        _pending = null;
        var succeeded = 0;
        var failed = 0;
        foreach (var id in pending.CallIds)
        {
            switch (_toolOutcomes.GetValueOrDefault(id, ToolCallOutcome.Running))
            {
                case ToolCallOutcome.Succeeded:
                    succeeded++;
                    break;
                case ToolCallOutcome.Failed or ToolCallOutcome.Denied:
                    failed++;
                    break;
            }
        }

        return pending.Trace with { ToolCallsSucceeded = succeeded, ToolCallsFailed = failed };
    }

    private sealed record PendingTrace(ModelCallTrace Trace, IReadOnlyList<string> CallIds);

    private sealed class Restore(ModelCallScope? previous) : IDisposable
    {
        public void Dispose() => s_current.Value = previous;
    }
}

/// <summary>Where the tool loop reports its calls as they start and end (the chat's tool cards).</summary>
internal interface IToolProgress
{
    Task ToolStartedAsync(string? callId, string tool, string argumentsJson, CancellationToken cancellationToken);

    Task ToolFinishedAsync(string? callId, string tool, string result, TimeSpan duration, ToolCallOutcome outcome, CancellationToken cancellationToken);
}
