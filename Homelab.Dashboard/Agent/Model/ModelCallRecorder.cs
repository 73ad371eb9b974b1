using System.Runtime.CompilerServices;
using Homelab.Domain.Agent.Traces;
using Homelab.Domain.Ports;
using Microsoft.Extensions.AI;

namespace Homelab.Dashboard.Agent.Model;

/// <summary>
/// Records every call to the model as a <see cref="ModelCallTrace"/>: caller and round, latency, time to first token,
/// tokens, the tool calls it asked for, how it ended, previews and the whole exchange.
/// </summary>
/// <remarks>
/// Sits directly above the Ollama client, so each round of the tool loop is one trace. Recording never fails or
/// delays the call: the trace is built after the call and queued (<see cref="ITraceStore.Record"/>), and anything
/// that goes wrong while building it is logged and dropped.
/// </remarks>
internal sealed partial class ModelCallRecorder(IChatClient inner, string model, ITraceStore store, TimeProvider timeProvider, ILogger<ModelCallRecorder> logger)
    : DelegatingChatClient(inner)
{
    /// <summary>The caller name of a call made outside any agent turn.</summary>
    public const string DefaultCaller = "agent.call";

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var call = Begin();
        try
        {
            var response = await base.GetResponseAsync(request, options, cancellationToken);
            Finish(call, request, options, response, firstToken: null, failure: null);
            return response;
        }
        catch (Exception ex)
        {
            Finish(call, request, options, response: null, firstToken: null, ex);
            throw;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var call = Begin();
        var updates = new List<ChatResponseUpdate>();
        TimeSpan? firstToken = null;
        var finished = false;
        var enumerator = base.GetStreamingResponseAsync(request, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await enumerator.MoveNextAsync();
                }
                catch (Exception ex)
                {
                    finished = true;
                    Finish(call, request, options, Combine(updates), firstToken, ex);
                    throw;
                }

                if (!more)
                {
                    break;
                }

                var update = enumerator.Current;
                if (firstToken is null && update.Contents.Any(c => c is TextContent { Text.Length: > 0 } or FunctionCallContent))
                {
                    firstToken = timeProvider.GetElapsedTime(call.Started);
                }

                updates.Add(update);
                yield return update;
            }

            finished = true;
            Finish(call, request, options, Combine(updates), firstToken, failure: null);
        }
        finally
        {
            await enumerator.DisposeAsync();
            if (!finished)
            {
                // The consumer stopped reading (a cancelled turn): what arrived so far is the call's record.
                Finish(call, request, options, Combine(updates), firstToken, new OperationCanceledException("the caller stopped reading"));
            }
        }
    }

    private static ChatResponse? Combine(List<ChatResponseUpdate> updates) => updates.Count == 0 ? null : updates.ToChatResponse();

    private Call Begin()
    {
        var scope = ModelCallScope.Current;
        var (round, caller) = scope?.NextCall() ?? (0, DefaultCaller);
        try
        {
            // The previous round's trace waited for its tools; they have run by the time the next call starts.
            if (scope?.Release() is { } previous)
            {
                store.Record(previous);
            }
        }
        catch (Exception ex)
        {
            LogRecordingFailed(logger, ex, caller);
        }

        return new Call(Guid.CreateVersion7(), timeProvider.GetUtcNow(), timeProvider.GetTimestamp(), caller, round, scope);
    }

    private void Finish(Call call, IReadOnlyList<ChatMessage> request, ChatOptions? options, ChatResponse? response, TimeSpan? firstToken, Exception? failure)
    {
        try
        {
            var latency = timeProvider.GetElapsedTime(call.Started);
            var calls = response?.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList() ?? [];
            var outcome = failure switch
            {
                null => TraceOutcome.Ok,
                OperationCanceledException => TraceOutcome.Cancelled,
                _ => TraceOutcome.Error,
            };
            var trace = new ModelCallTrace
            {
                Id = call.Id,
                At = call.At,
                Caller = call.Caller,
                Model = response?.ModelId is { Length: > 0 } used ? used : model,
                Latency = latency,
                TimeToFirstToken = firstToken,
                PromptTokens = ToInt(response?.Usage?.InputTokenCount),
                CompletionTokens = ToInt(response?.Usage?.OutputTokenCount),
                ToolCallCount = calls.Count,
                ToolNames = [.. calls.Select(c => c.Name)],
                Outcome = outcome,
                Error = outcome == TraceOutcome.Ok ? null : TraceText.Error(failure!.Message),
                PromptPreview = TraceText.Preview(ModelExchange.PromptPreview(request)),
                ResponsePreview = TraceText.Preview(ModelExchange.ResponsePreview(response)),
                ConversationId = call.Scope?.ConversationId,
                Exchange = TraceText.Exchange(ModelExchange.ToJson(request, options, response)),
            };
            var ready = call.Scope?.Hold(trace, [.. calls.Select(c => c.CallId)]) ?? [trace];
            foreach (var item in ready)
            {
                store.Record(item);
            }
        }
        catch (Exception ex)
        {
            LogRecordingFailed(logger, ex, call.Caller);
        }
    }

    private static int? ToInt(long? value) => value is { } v ? (int)Math.Min(v, int.MaxValue) : null;

    [LoggerMessage(10001, LogLevel.Warning, "Recording the trace of a model call by {Caller} failed; the call itself is unaffected.")]
    private static partial void LogRecordingFailed(ILogger logger, Exception exception, string caller);

    private sealed record Call(Guid Id, DateTimeOffset At, long Started, string Caller, int Round, ModelCallScope? Scope);
}
