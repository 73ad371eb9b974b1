using Homelab.Dashboard.Security.Headers;

namespace Homelab.Tests.Embed;

public sealed class ContentSecurityPolicyTests
{
    [Fact]
    public void ForApp_WithImportMapHash_AllowsOnlySelfAndThatHashForScripts()
    {
        var csp = ContentSecurityPolicy.ForApp(["abc="]);

        Assert.Contains("script-src 'self' 'sha256-abc='", csp);
        Assert.DoesNotContain("unsafe-inline' 'sha", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Matches("script-src [^;]*", csp);
        Assert.DoesNotContain("unsafe-inline", System.Text.RegularExpressions.Regex.Match(csp, "script-src [^;]*").Value);
    }

    [Fact]
    public void ForApp_Always_FramedOnlyBySelfWithTheBaselineDirectives()
    {
        var directives = Directives(ContentSecurityPolicy.ForApp([]));

        Assert.Equal("'self'", directives["frame-ancestors"]);
        Assert.Equal("'self'", directives["default-src"]);
        Assert.Equal("'self' 'unsafe-inline'", directives["style-src"]);
        Assert.Equal("'self' data:", directives["img-src"]);
        Assert.Equal("'self'", directives["connect-src"]);
        Assert.Equal("'self'", directives["base-uri"]);
        Assert.Equal("'self'", directives["form-action"]);
        Assert.Equal("'none'", directives["object-src"]);
    }

    [Fact]
    public void ForEmbed_WithOrigins_ListsThemAfterSelf()
    {
        var directives = Directives(ContentSecurityPolicy.ForEmbed("s=", "t=", ["https://home.example.com", "http://127.0.0.2:8080"]));

        Assert.Equal("'self' https://home.example.com http://127.0.0.2:8080", directives["frame-ancestors"]);
        Assert.Equal("'sha256-s='", directives["script-src"]);
        Assert.Equal("'sha256-t='", directives["style-src"]);
        Assert.Equal("'none'", directives["default-src"]);
    }

    [Fact]
    public void ForEmbed_NoOrigins_SameOriginOnly()
    {
        Assert.Equal("'self'", Directives(ContentSecurityPolicy.ForEmbed("s=", "t=", []))["frame-ancestors"]);
    }

    [Fact]
    public void Hash_KnownText_IsBase64Sha256()
    {
        // printf 'alert(1)' | openssl dgst -sha256 -binary | base64
        Assert.Equal("bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=", ContentSecurityPolicy.Hash("alert(1)"));
    }

    private static Dictionary<string, string> Directives(string csp) =>
        csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
}
