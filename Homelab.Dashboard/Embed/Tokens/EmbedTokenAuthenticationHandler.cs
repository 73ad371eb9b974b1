using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Homelab.Dashboard.Api.Agent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Embed.Tokens;

/// <summary>Options of the two token schemes: embeds (which also accept the signed-in person) and the Homepage API (token only).</summary>
internal sealed class EmbedTokenAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>When no token is presented, whether the request is whoever the app's own sign-in says it is.</summary>
    public bool FallBackToSignIn { get; set; }
}

/// <summary>
/// Reads an embed token from <c>?token=</c>, <c>X-API-Key</c> or <c>Authorization: Bearer</c>. A valid token yields a
/// principal with one <see cref="EmbedScopes.ClaimType"/> claim per scope and no role, so it satisfies the embed and
/// Homepage policies and nothing else. Only those endpoints name this scheme; everywhere else the token is not even read.
/// </summary>
internal sealed partial class EmbedTokenAuthenticationHandler(
    IOptionsMonitor<EmbedTokenAuthenticationOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    EmbedTokenStore store,
    EmbedTokenThrottle throttle) : AuthenticationHandler<EmbedTokenAuthenticationOptions>(options, loggerFactory, encoder)
{
    public const string EmbedScheme = "EmbedToken";
    public const string ApiScheme = "HomepageApiKey";
    public const string QueryParameter = "token";

    private static readonly object s_throttledKey = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Presented(Request);
        if (presented is null)
        {
            if (!Options.FallBackToSignIn)
            {
                return AuthenticateResult.NoResult();
            }

            var signedIn = await Context.AuthenticateAsync();
            return signedIn.Succeeded ? AuthenticateResult.Success(new AuthenticationTicket(signedIn.Principal, Scheme.Name)) : AuthenticateResult.NoResult();
        }

        var client = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.Attempts.IsBlocked(client, out var retryAfter))
        {
            Context.Items[s_throttledKey] = retryAfter;
            Log.Throttled(Logger, client, retryAfter);
            return AuthenticateResult.Fail("Too many wrong tokens.");
        }

        var token = await store.ValidateAsync(presented, Context.RequestAborted);
        if (token is null)
        {
            throttle.Attempts.RecordFailure(client);
            Log.Rejected(Logger, client);
            return AuthenticateResult.Fail("Unknown, expired or revoked token.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, $"token:{token.Name}"),
            new(ClaimTypes.NameIdentifier, token.Id.ToString()),
        };
        claims.AddRange(token.Scopes.Select(s => new Claim(EmbedScopes.ClaimType, s.Name())));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[s_throttledKey] is TimeSpan retryAfter)
        {
            Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            await WriteProblemAsync(StatusCodes.Status429TooManyRequests, "Too many wrong tokens", "Too many wrong tokens from this address; try again later.");
            return;
        }

        // The same answer for a missing and a wrong token: nothing about which tokens exist. Never a redirect to a
        // sign-in page, which an iframe or Homepage's proxy could not follow anyway.
        Response.Headers.WWWAuthenticate = "Bearer";
        await WriteProblemAsync(
            StatusCodes.Status401Unauthorized,
            "Embed token required",
            "Send a valid embed token as 'X-API-Key: <token>', 'Authorization: Bearer <token>' or '?token=<token>'. Admins create them on /settings/tokens.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Not in this token's scope", "This token does not cover this view or API.");

    /// <summary>The token a request presents, or null; the query string first, as embeds and their event streams use it.</summary>
    public static string? Presented(HttpRequest request)
    {
        if (request.Query.TryGetValue(QueryParameter, out var query) && !string.IsNullOrEmpty(query.ToString()))
        {
            return query.ToString();
        }

        if (request.Headers.TryGetValue("X-API-Key", out var header) && !string.IsNullOrWhiteSpace(header.ToString()))
        {
            return header.ToString().Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    private Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        return Response.WriteAsJsonAsync(new ProblemDetails { Status = status, Title = title, Detail = detail }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }

    private static partial class Log
    {
        [LoggerMessage(12101, LogLevel.Warning, "Embed token: a wrong, expired or revoked token was presented from {Client}.")]
        public static partial void Rejected(ILogger logger, string client);

        [LoggerMessage(12102, LogLevel.Warning, "Embed token: {Client} is throttled after too many wrong tokens; retry in {RetryAfter}.")]
        public static partial void Throttled(ILogger logger, string client, TimeSpan retryAfter);
    }
}

/// <summary>The app-wide count of wrong tokens per address (one instance, shared by both token schemes).</summary>
internal sealed class EmbedTokenThrottle(TimeProvider timeProvider)
{
    public const int MaxFailures = 10;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public FailedAttemptThrottle Attempts { get; } = new(timeProvider, MaxFailures, Window);
}
