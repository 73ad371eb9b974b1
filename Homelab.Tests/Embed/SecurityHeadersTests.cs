using System.Net;
using System.Text.RegularExpressions;
using Homelab.Dashboard.Security.Headers;
using Homelab.Tests.Integration;

namespace Homelab.Tests.Embed;

/// <summary>The app's own pages in demo mode: CSP that allows exactly their inline import map, and no X-Frame-Options.</summary>
public sealed partial class SecurityHeadersTests(HomelabAppFactory app) : IClassFixture<HomelabAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Overview_Headers_CspSameOriginFramingAndNoXFrameOptions()
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await client.GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'self';", csp);
        Assert.Equal("nosniff", string.Join(' ', response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", string.Join(' ', response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("camera=()", string.Join(' ', response.Headers.GetValues("Permissions-Policy")));
    }

    [Fact]
    public async Task Overview_InlineImportMap_HashIsInScriptSrc()
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await client.GetAsync("/", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        var importMap = ImportMap().Match(html);
        Assert.True(importMap.Success, "no inline import map on /");
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains($"'sha256-{ContentSecurityPolicy.Hash(importMap.Groups[1].Value)}'", csp);
    }

    [Fact]
    public async Task HealthEndpoint_Headers_StillSet()
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await client.GetAsync("/healthz", Ct);

        Assert.True(response.Headers.Contains("Content-Security-Policy"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security")); // plain HTTP never gets HSTS
    }

    [GeneratedRegex("<script type=\"importmap\"[^>]*>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ImportMap();
}
