using Homelab.Dashboard.Agent.Chat;
using Homelab.Dashboard.Api.Agent;
using Homelab.Dashboard.Configuration;
using Homelab.Domain.Agent.Conversations;
using Microsoft.Extensions.Options;

// In Api, beside MapHomelabHealth, so the composition root needs no extra using.
namespace Homelab.Dashboard.Api;

/// <summary>
/// The agent for other programs (a Discord bot, a Homepage chat bubble): <c>POST /api/ai/agent</c> answers when the
/// turn ends, <c>POST /api/ai/agent/stream</c> sends the turn as server-sent events while it runs. Both need an API key.
/// </summary>
/// <remarks>
/// A state-changing tool asked for over the API runs only if <c>Homelab:Agent:ApiAllowedTools</c> allows it; the
/// agent's approval gate enforces that. Here the summary's pending approvals become links into the dashboard.
/// </remarks>
internal static class AgentApiEndpoints
{
    public const string Path = "/api/ai/agent";

    public static IEndpointRouteBuilder MapHomelabAgentApi(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        var limits = services.GetService<AgentApiLimits>() ?? AgentApiLimits.Default;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AgentApiEndpoints).FullName!);
        var throttle = new FailedAttemptThrottle(services.GetRequiredService<TimeProvider>(), limits.MaxFailedAttempts, limits.FailedAttemptWindow);
        var keyFilter = new AgentApiKeyFilter(services.GetRequiredService<IOptionsMonitor<HomelabOptions>>(), throttle, logger);

        var group = endpoints.MapGroup(Path)
            .AddEndpointFilter(keyFilter)
            .DisableAntiforgery()
            .AllowAnonymous() // The API key filter is this group's authentication: programs have no sign-in cookie.
            .WithTags("Agent");
        group.MapPost("", (HttpContext http, TimeProvider timeProvider) => AskAsync(http, AgentOf(http), limits, timeProvider, logger))
            .WithName("AskAgent")
            .WithSummary("Sends a message to the agent and answers when the turn ends.");
        group.MapPost("/stream", (HttpContext http, TimeProvider timeProvider) => StreamAsync(http, AgentOf(http), limits, timeProvider, logger))
            .WithName("StreamAgent")
            .WithSummary("Sends a message to the agent and streams the turn as server-sent events.");
        return endpoints;
    }

    // Null only in a host built without the agent (StartTurnAsync then answers 503). Resolved here rather than with
    // [FromServices], whose attribute lives in MVC's assembly: reading it at start-up loaded that assembly for nothing else.
    private static IAgentChat? AgentOf(HttpContext http) => http.RequestServices.GetService<IAgentChat>();

    private static async Task<IResult> AskAsync(HttpContext http, IAgentChat? chat, AgentApiLimits limits, TimeProvider timeProvider, ILogger logger)
    {
        var (started, problem) = await StartTurnAsync(http, chat, limits, watch: false, logger);
        if (started is null)
        {
            return problem!;
        }

        var (agent, conversationId, start, _, _) = started;
        try
        {
            var summary = await start.Completion.WaitAsync(limits.TurnWait, timeProvider, http.RequestAborted);
            return Json(await AgentApiAnswers.FromSummaryAsync(agent, summary, http.Request, http.RequestAborted));
        }
        catch (TimeoutException)
        {
            AgentApiLog.TurnWaitCapped(logger, conversationId, limits.TurnWait);
            return Json(await AgentApiAnswers.SoFarAsync(agent, conversationId, http.Request, http.RequestAborted));
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            AgentApiLog.ClientLeft(logger, conversationId);
            return Results.Empty;
        }
        catch (Exception ex)
        {
            // Whatever broke, the caller gets an answer it can show rather than a 500.
            AgentApiLog.TurnCrashed(logger, ex, conversationId);
            return Json(new AgentApiAnswer(
                conversationId, agent.Model.Model, agent.Model.Simulated, "", [], 0, AgentApiJson.Name(TurnOutcome.Failed),
                "The agent failed unexpectedly; the dashboard's log has the details.", [], TimedOut: false));
        }
    }

    private static async Task<IResult> StreamAsync(HttpContext http, IAgentChat? chat, AgentApiLimits limits, TimeProvider timeProvider, ILogger logger)
    {
        var (started, problem) = await StartTurnAsync(http, chat, limits, watch: true, logger);
        return started is null
            ? problem!
            : new AgentTurnStreamResult(started.Chat, started.Watch!, started.WatchCancellation!, started.Start, started.ConversationId, limits, timeProvider, logger);
    }

    /// <summary>
    /// Everything that can still answer with a plain status code: the body, the agent, the conversation, and starting
    /// the turn. With <paramref name="watch"/>, the watch opens before the turn starts so the stream misses nothing.
    /// </summary>
    private static async Task<(StartedTurn? Started, IResult? Problem)> StartTurnAsync(HttpContext http, IAgentChat? chat, AgentApiLimits limits, bool watch, ILogger logger)
    {
        var cancellationToken = http.RequestAborted;
        var (request, invalid) = await AgentApiRequest.ReadAsync(http.Request, limits, cancellationToken);
        if (request is null)
        {
            return (null, invalid);
        }

        if (chat is null)
        {
            return (null, Unavailable("The agent is not part of this dashboard build."));
        }

        Guid conversationId;
        if (request.ConversationId is { } id)
        {
            if (await chat.GetAsync(id, cancellationToken) is null)
            {
                return (null, Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown conversation", detail: $"There is no conversation {id}."));
            }

            conversationId = id;
        }
        else
        {
            conversationId = (await chat.StartConversationAsync(ConversationSurface.Api, cancellationToken)).Id;
        }

        CancellationTokenSource? watchCancellation = null;
        ConversationWatch? conversationWatch = null;
        if (watch)
        {
            watchCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            conversationWatch = await chat.WatchAsync(conversationId, watchCancellation.Token);
        }

        // Not the request's token: the turn belongs to the server once started, whether or not the caller stays.
        var caller = AgentApiKeyFilter.Caller(http);
        var start = await chat.SendAsync(conversationId, request.Message, caller, CancellationToken.None);
        if (!start.Started)
        {
            if (watchCancellation is not null)
            {
                await watchCancellation.CancelAsync();
                watchCancellation.Dispose();
            }

            var refusal = start.Refusal ?? "The agent did not take the message.";
            return (null, chat.Model.Available
                ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The conversation is busy", detail: refusal)
                : Unavailable(refusal));
        }

        AgentApiLog.TurnStarted(logger, caller.Name, conversationId, watch ? "stream" : "wait");
        return (new StartedTurn(chat, conversationId, start, conversationWatch, watchCancellation), null);
    }

    private static IResult Json(AgentApiAnswer answer) => Results.Json(answer, AgentApiJson.Options);

    private static IResult Unavailable(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The agent is unavailable", detail: detail);

    private sealed record StartedTurn(IAgentChat Chat, Guid ConversationId, TurnStart Start, ConversationWatch? Watch, CancellationTokenSource? WatchCancellation);
}
