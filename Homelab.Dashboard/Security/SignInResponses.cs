namespace Homelab.Dashboard.Security;

/// <summary>What an unauthenticated request is told: browsers get a page, scripts and SignalR a bare status code.</summary>
internal static class SignInResponses
{
    /// <summary>The ForwardAuth answer to a browser that did not come through the proxy.</summary>
    public const string ProxyPage = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Sign in through your proxy</title></head>
        <body style="font-family:sans-serif;max-width:40rem;margin:3rem auto">
        <h1>Sign in through your proxy</h1>
        <p>This dashboard signs people in through a reverse proxy (for example Authelia). Open it through the proxy's
        address rather than directly.</p>
        </body></html>
        """;

    /// <summary>What a browser is shown when it is signed in but its role does not include the page.</summary>
    public const string ForbiddenPage = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Not allowed</title></head>
        <body style="font-family:sans-serif;max-width:40rem;margin:3rem auto">
        <h1>Not allowed</h1>
        <p>Your role does not include this page. <a href="/">Back to the overview</a>.</p>
        </body></html>
        """;

    /// <summary>403, with <see cref="ForbiddenPage"/> for a browser.</summary>
    public static async Task ForbidAsync(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status403Forbidden;
        if (WantsHtml(response.HttpContext.Request))
        {
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(ForbiddenPage);
        }
    }

    /// <summary>A page navigation (not fetch, SignalR or an API call), which can follow a redirect or show a page.</summary>
    public static bool WantsHtml(HttpRequest request)
    {
        if (request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }
}
