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
