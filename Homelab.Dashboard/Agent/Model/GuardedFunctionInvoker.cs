using Homelab.Domain.Agent.Conversations;
using Homelab.Domain.Agent.Tools;
using Microsoft.Extensions.AI;

namespace Homelab.Dashboard.Agent.Model;

/// <summary>
/// The tool loop with the seed's guards: a call repeated with identical arguments more than
/// <c>MaxIdenticalCalls</c> times is not run but answered with an error and ends the loop; an unknown tool and a
/// failing one become <c>{"error":…}</c> results; every result is capped. Tool progress goes to the turn's scope.
/// </summary>
/// <remarks>The round cap is <see cref="FunctionInvokingChatClient.MaximumIterationsPerRequest"/>.</remarks>
internal sealed class GuardedFunctionInvoker : FunctionInvokingChatClient
{
    private readonly int _maxIdenticalCalls;
    private readonly int _resultLimit;
    private readonly TimeProvider _timeProvider;

    public GuardedFunctionInvoker(IChatClient innerClient, int maxToolRounds, int maxIdenticalCalls, int resultLimit, TimeProvider timeProvider, ILoggerFactory? loggerFactory)
        : base(innerClient, loggerFactory)
    {
        _maxIdenticalCalls = maxIdenticalCalls;
        _resultLimit = resultLimit;
        _timeProvider = timeProvider;
        MaximumIterationsPerRequest = maxToolRounds;
        // Tools answer failures as results themselves; exceptions never end the loop.
        MaximumConsecutiveErrorsPerRequest = int.MaxValue;
        AllowConcurrentInvocation = false;
        TerminateOnUnknownCalls = false;
    }

    protected override async ValueTask<object?> InvokeFunctionAsync(FunctionInvocationContext context, CancellationToken cancellationToken)
    {
        var scope = ModelCallScope.Current;
        var call = context.CallContent;
        var name = context.Function.Name;
        var arguments = ModelExchange.Arguments(context.Arguments);
        var progress = scope?.Progress;
        if (scope is not null && scope.CountCall($"{name}\n{arguments}") > _maxIdenticalCalls)
        {
            // The seed's loop guard: the model keeps asking the same thing; stop and make it answer.
            context.Terminate = true;
            scope.LoopStopReason = $"{name} was asked for more than {_maxIdenticalCalls} times with the same arguments";
            var refusal = ToolResultText.Error($"{name} was already called {_maxIdenticalCalls} times with these arguments; do not call it again, answer with the data you already have", _resultLimit);
            await ReportAsync(scope, progress, call.CallId, name, arguments, refusal, TimeSpan.Zero, ToolCallOutcome.Failed, cancellationToken);
            return refusal;
        }

        if (progress is not null)
        {
            await progress.ToolStartedAsync(call.CallId, name, arguments, cancellationToken);
        }

        var started = _timeProvider.GetTimestamp();
        string text;
        try
        {
            var result = await base.InvokeFunctionAsync(context, cancellationToken);
            text = ToolResultText.Cap(result as string ?? ToolResultText.Json(result ?? new { }, _resultLimit), _resultLimit);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            scope?.ReportTool(call.CallId, ToolCallOutcome.Failed);
            if (progress is not null)
            {
                await progress.ToolFinishedAsync(call.CallId, name, ToolResultText.Error("stopped before it finished"), _timeProvider.GetElapsedTime(started), ToolCallOutcome.Failed, CancellationToken.None);
            }

            throw;
        }
        catch (Exception ex)
        {
            // Tools answer their own failures; this is the last line so that one bad tool never ends the turn.
            text = ToolResultText.Error($"{ex.GetType().Name}: {UntrustedText.Inline(ex.Message)}", _resultLimit);
        }

        var elapsed = _timeProvider.GetElapsedTime(started);
        await ReportAsync(scope, progress, call.CallId, name, arguments, text, elapsed, ToolOutcomes.Classify(text), cancellationToken, started: false);
        return text;
    }

    /// <summary>Words the results of calls that never reached a tool as the seed does: <c>{"error":"unknown tool 'x'"}</c>.</summary>
    protected override IList<ChatMessage> CreateResponseMessages(ReadOnlySpan<FunctionInvocationResult> results)
    {
        var contents = new List<AIContent>(results.Length);
        foreach (var result in results)
        {
            var value = result.Status switch
            {
                FunctionInvocationStatus.NotFound => ToolResultText.Error($"unknown tool '{UntrustedText.Inline(result.CallContent.Name, 60)}'; use only the tools you were given", _resultLimit),
                FunctionInvocationStatus.Exception => ToolResultText.Error($"{result.Exception?.GetType().Name}: {UntrustedText.Inline(result.Exception?.Message)}", _resultLimit),
                _ => result.Result,
            };
            if (result.Status != FunctionInvocationStatus.RanToCompletion)
            {
                ModelCallScope.Current?.ReportTool(result.CallContent.CallId, ToolCallOutcome.Failed);
            }

            contents.Add(new FunctionResultContent(result.CallContent.CallId, value) { Exception = result.Exception });
        }

        return [new ChatMessage(ChatRole.Tool, contents)];
    }

    private static async Task ReportAsync(ModelCallScope? scope, IToolProgress? progress, string callId, string name, string arguments, string result, TimeSpan elapsed, ToolCallOutcome outcome, CancellationToken cancellationToken, bool started = true)
    {
        scope?.ReportTool(callId, outcome);
        if (progress is null)
        {
            return;
        }

        if (started)
        {
            await progress.ToolStartedAsync(callId, name, arguments, cancellationToken);
        }

        await progress.ToolFinishedAsync(callId, name, result, elapsed, outcome, cancellationToken);
    }
}
