using System.Net;
using System.Text.RegularExpressions;

namespace Homelab.Tests.Security;

/// <summary>Local mode over plain HTTP: the redirect to /signin, antiforgery on the sign-in and sign-out forms.</summary>
public sealed partial class LocalAuthHostTests(LocalAuthAppFactory app) : IClassFixture<LocalAuthAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer(), UseCookies = true }) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    private static FormUrlEncodedContent SignInForm(string user, string password, string? token) => new(new Dictionary<string, string>
    {
        ["_handler"] = "signin",
        ["Input.UserName"] = user,
        ["Input.Password"] = password,
        ["Input.Code"] = "",
        ["__RequestVerificationToken"] = token ?? "",
    }.Where(p => p.Key != "__RequestVerificationToken" || token is not null));

    private static async Task<string> TokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path, Ct);
        return TokenPattern().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("no antiforgery token on " + path);
    }

    [Fact]
    public async Task GetPage_NotSignedIn_RedirectsToSignInWithTheReturnUrl()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/containers");
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin?ReturnUrl=%2Fcontainers", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HubNegotiate_NotSignedIn_Is401NotARedirect()
    {
        using var client = Client();

        using var response = await client.PostAsync("/hubs/homelab/negotiate?negotiateVersion=1", null, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PostSignIn_WithoutTheAntiforgeryToken_Is400()
    {
        using var client = Client();

        using var response = await client.PostAsync("/signin", SignInForm(LocalAuthAppFactory.Admin, LocalAuthAppFactory.AdminPassword, token: null), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith("homelab.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task PostSignOut_WithoutTheAntiforgeryToken_Is400()
    {
        using var client = Client();

        using var response = await client.PostAsync("/signout", new FormUrlEncodedContent([]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PostSignIn_WithTheToken_SetsAnHttpOnlyLaxCookieAndRedirects()
    {
        var cookies = new CookieContainer();
        using var client = Client(cookies);
        var token = await TokenAsync(client, "/signin?ReturnUrl=%2Fsources");

        using var response = await client.PostAsync("/signin?ReturnUrl=%2Fsources", SignInForm(LocalAuthAppFactory.Admin, LocalAuthAppFactory.AdminPassword, token), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sources", response.Headers.Location!.OriginalString.Replace(app.BaseAddress.ToString().TrimEnd('/'), "", StringComparison.Ordinal));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("homelab.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        using var page = new HttpRequestMessage(HttpMethod.Get, "/sources");
        page.Headers.Accept.ParseAdd("text/html");
        using var signedIn = await client.SendAsync(page, Ct);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task PostSignIn_OffSiteReturnUrl_GoesHomeInstead()
    {
        using var client = Client();
        var token = await TokenAsync(client, "/signin");

        using var response = await client.PostAsync("/signin?ReturnUrl=%2F%2Fevil.example", SignInForm(LocalAuthAppFactory.Admin, LocalAuthAppFactory.AdminPassword, token), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("evil.example", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
