using Homelab.Dashboard.Security.Headers;
using Microsoft.AspNetCore.Antiforgery;

// In the root namespace so the composition root calls it without another using, as it does the other AddHomelabX.
namespace Homelab.Dashboard;

/// <summary>Security headers for every response; framing is governed by CSP alone.</summary>
internal static class SecurityHeadersExtensions
{
    public static IHostApplicationBuilder AddHomelabSecurityHeaders(this IHostApplicationBuilder builder)
    {
        // Antiforgery would add X-Frame-Options: SAMEORIGIN, which contradicts the embeds' frame-ancestors; CSP
        // frame-ancestors 'self' gives the rest of the app the same protection.
        builder.Services.Configure<AntiforgeryOptions>(o => o.SuppressXFrameOptionsHeader = true);
        return builder;
    }

    /// <summary>First in the pipeline after routing, so even error pages and static files carry the headers.</summary>
    public static WebApplication UseHomelabSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // Only sent on HTTPS requests; a plain-HTTP LAN install is unaffected.
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
    }
}
