using System.Globalization;
using Homelab.Dashboard.Configuration;
using Homelab.Domain.Actions;
using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Api.Agent;

/// <summary>
/// Lets a request through only with a configured API key; the key's name becomes the caller
/// (<see cref="ActionVia.Api"/>) that the audit log and the approval gate see.
/// </summary>
internal sealed class AgentApiKeyFilter(IOptionsMonitor<HomelabOptions> options, FailedAttemptThrottle throttle, ILogger logger) : IEndpointFilter
{
    private static readonly object s_actorKey = new();

    /// <summary>The caller a request was authenticated as; only valid behind this filter.</summary>
    public static Actor Caller(HttpContext http) => (Actor)http.Items[s_actorKey]!;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var keys = options.CurrentValue.Agent.ApiKeys;
        if (keys.Count == 0)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "The agent API is off",
                detail: "the agent API is off: no API keys are configured (Homelab:Agent:ApiKeys)");
        }

        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.IsBlocked(client, out var retryAfter))
        {
            AgentApiLog.Throttled(logger, client, retryAfter);
            http.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many wrong API keys",
                detail: "Too many wrong API keys from this address; try again later.");
        }

        var presented = AgentApiKeys.Presented(http.Request);
        var name = presented is null ? null : AgentApiKeys.Match(presented, keys);
        if (name is null)
        {
            if (presented is not null)
            {
                throttle.RecordFailure(client);
                AgentApiLog.KeyRejected(logger, client);
            }

            // The same answer for a missing and a wrong key: nothing about which keys exist.
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "API key required",
                detail: "Send a valid API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.");
        }

        http.Items[s_actorKey] = AgentApiKeys.Caller(name, keys);
        return await next(context);
    }
}
