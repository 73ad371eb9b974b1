using Homelab.Dashboard.Agent.Chat;
using Microsoft.AspNetCore.Http.Features;

namespace Homelab.Dashboard.Api.Agent;

/// <summary>
/// The body of <c>POST /api/ai/agent/stream</c>: the turn's events as server-sent events while they happen, ending
/// with <c>answer</c> (or <c>error</c>). The watch was opened before the turn started, so nothing is missed.
/// </summary>
/// <remarks>
/// A client that leaves ends the stream, not the turn: the watch is cancelled, the turn runs on and is stored.
/// </remarks>
internal sealed class AgentTurnStreamResult(
    IAgentChat chat,
    ConversationWatch watch,
    CancellationTokenSource watchCancellation,
    TurnStart start,
    Guid conversationId,
    AgentApiLimits limits,
    TimeProvider timeProvider,
    ILogger logger) : IResult
{
    private static readonly object s_crashed = new { Message = "The agent failed unexpectedly; the dashboard's log has the details." };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using var _ = watchCancellation;
        var cancellationToken = watchCancellation.Token;
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";

        // nginx and some other proxies hold responses back unless told not to.
        response.Headers["X-Accel-Buffering"] = "no";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        using var writer = new ServerSentEventWriter(response.Body);
        using var heartbeatCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = HeartbeatAsync(writer, heartbeatCancellation.Token);
        try
        {
            await response.StartAsync(cancellationToken);
            await StreamAsync(writer, httpContext.Request, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            AgentApiLog.ClientLeft(logger, conversationId);
        }
        catch (IOException)
        {
            AgentApiLog.ClientLeft(logger, conversationId);
        }
        catch (Exception ex)
        {
            // The status line is long gone; the stream's own error event is the only way left to say something broke.
            AgentApiLog.TurnCrashed(logger, ex, conversationId);
            await TryWriteCrashAsync(writer, cancellationToken);
        }
        finally
        {
            await heartbeatCancellation.CancelAsync();
            await heartbeat;
        }
    }

    private async Task StreamAsync(ServerSentEventWriter writer, HttpRequest request, CancellationToken cancellationToken)
    {
        var events = new AgentStreamEvents(conversationId, chat.Model, request);
        TurnSummary? summary = null;
        await foreach (var chatEvent in watch.Events.WithCancellation(cancellationToken))
        {
            foreach (var streamEvent in events.Translate(chatEvent))
            {
                await writer.WriteEventAsync(streamEvent.Name, streamEvent.Data, cancellationToken);
            }

            if (chatEvent is TurnEnded ended && events.TurnStarted)
            {
                summary = ended.Summary;
                break;
            }
        }

        try
        {
            // The watch ends early only if the conversation went away; the turn's own completion still has the summary.
            summary ??= await start.Completion.WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            AgentApiLog.TurnCrashed(logger, ex, conversationId);
            await writer.WriteEventAsync("error", s_crashed, cancellationToken);
            return;
        }

        if (summary.Outcome == TurnOutcome.Failed)
        {
            await writer.WriteEventAsync("error", new { Message = summary.Error ?? "The turn failed." }, cancellationToken);
        }

        var answer = await AgentApiAnswers.FromSummaryAsync(chat, summary, request, cancellationToken);
        await writer.WriteEventAsync("answer", answer, cancellationToken);
    }

    private static async Task TryWriteCrashAsync(ServerSentEventWriter writer, CancellationToken cancellationToken)
    {
        try
        {
            await writer.WriteEventAsync("error", s_crashed, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
        }
    }

    private async Task HeartbeatAsync(ServerSentEventWriter writer, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(limits.Heartbeat, timeProvider);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await writer.WriteCommentAsync("keep-alive", cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
            // The client left; the event loop notices the same and ends the stream.
        }
    }
}
