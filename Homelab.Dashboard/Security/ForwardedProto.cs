using Homelab.Dashboard.Configuration;
using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Security;

/// <summary>
/// Behind a TLS-terminating proxy the dashboard sees plain HTTP; the scheme the browser used arrives as
/// <c>X-Forwarded-Proto</c>. Believed only from <c>Homelab:Auth:TrustedProxies</c>, it makes OIDC redirect URIs,
/// secure cookies and HSTS follow the browser's scheme.
/// </summary>
/// <remarks>
/// Only the scheme: the peer address stays the proxy's (forward-auth trusts the TCP peer, never
/// <c>X-Forwarded-For</c>), and the proxy is expected to pass the original <c>Host</c>.
/// </remarks>
internal static class ForwardedProto
{
    public const string Header = "X-Forwarded-Proto";

    public static WebApplication UseHomelabForwardedProto(this WebApplication app)
    {
        // Read on the first request, not while the pipeline is built: invalid configuration must reach the start-up
        // report that lists every problem, not crash here.
        var options = app.Services.GetRequiredService<IOptions<HomelabOptions>>();
        var proxies = new Lazy<ProxyNetworks>(() => ProxyNetworks.From(options.Value.Auth.TrustedProxies));
        app.Use((context, next) =>
        {
            Apply(context, proxies.Value);
            return next(context);
        });
        return app;
    }

    /// <summary>Takes the forwarded scheme when the peer is a trusted proxy and the value is http or https.</summary>
    public static void Apply(HttpContext context, ProxyNetworks proxies)
    {
        var forwarded = context.Request.Headers[Header].ToString();
        if (forwarded.Length == 0 || !proxies.Contains(context.Connection.RemoteIpAddress))
        {
            return;
        }

        // A chain of proxies appends; the first entry is what the browser used.
        var scheme = forwarded.Split(',')[0].Trim();
        if (scheme.Equals("https", StringComparison.OrdinalIgnoreCase) || scheme.Equals("http", StringComparison.OrdinalIgnoreCase))
        {
            context.Request.Scheme = scheme.ToLowerInvariant();
        }
    }
}
