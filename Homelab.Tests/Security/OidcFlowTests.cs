using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace Homelab.Tests.Security;

/// <summary>
/// The real Oidc sign-in, end to end: the dashboard's OpenIdConnectHandler against <see cref="FakeOidcProvider"/>,
/// driven by a cookie-keeping client that follows redirects and submits the provider's form_post page by hand.
/// </summary>
public sealed partial class OidcFlowTests(OidcAppFactory app) : IClassFixture<OidcAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetPage_NotSignedIn_RedirectsToTheProviderWithPkce()
    {
        using var browser = app.Browser(new CookieContainer());

        using var response = await GetHtmlAsync(browser, new Uri(app.BaseAddress, "/"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(app.Provider.Issuer + "/authorize", location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(query["code_challenge"]));
        Assert.False(string.IsNullOrEmpty(query["nonce"]));
        Assert.Equal("code", query["response_type"]);
        Assert.Equal(FakeOidcProvider.ClientId, query["client_id"]);
    }

    [Fact]
    public async Task SignIn_MappedAdminGroup_SetsTheCookieShowsTheUserAndAllowsSettings()
    {
        var cookies = new CookieContainer();
        using var browser = app.Browser(cookies);

        using var callback = await SignInAsync(browser, cookies, OidcAppFactory.Admin);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.NotNull(cookies.GetCookies(app.BaseAddress)["homelab.auth"]);
        using var home = await GetHtmlAsync(browser, new Uri(app.BaseAddress, callback.Headers.Location!.OriginalString));
        using var settings = await GetHtmlAsync(browser, new Uri(app.BaseAddress, "/settings"));

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync(Ct);
        Assert.Contains(OidcAppFactory.Admin.Name, html, StringComparison.Ordinal);
        Assert.Contains(">admin<", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
    }

    [Fact]
    public async Task SignIn_UnmappedGroup_GetsTheDefaultViewerRoleAndIsForbiddenSettings()
    {
        var cookies = new CookieContainer();
        using var browser = app.Browser(cookies);

        using var callback = await SignInAsync(browser, cookies, OidcAppFactory.Guest);
        using var home = await GetHtmlAsync(browser, new Uri(app.BaseAddress, "/"));
        using var settings = await GetHtmlAsync(browser, new Uri(app.BaseAddress, "/settings"));

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync(Ct);
        Assert.Contains(OidcAppFactory.Guest.Name, html, StringComparison.Ordinal);
        Assert.Contains(">viewer<", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, settings.StatusCode);
    }

    [Fact]
    public async Task SignIn_IdTokenSignedByAnotherKey_IsRefusedWithoutACookie() =>
        await AssertRefusedAsync(OidcAppFactory.Forger);

    [Fact]
    public async Task SignIn_IdTokenWithAnotherNonce_IsRefusedWithoutACookie() =>
        await AssertRefusedAsync(OidcAppFactory.Replayer);

    [Fact]
    public async Task HubNegotiate_NotSignedIn_Is401NotARedirect()
    {
        using var browser = app.Browser(new CookieContainer());

        using var response = await browser.PostAsync(new Uri(app.BaseAddress, "/hubs/homelab/negotiate?negotiateVersion=1"), null, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    private async Task AssertRefusedAsync(FakeOidcUser user)
    {
        var cookies = new CookieContainer();
        using var browser = app.Browser(cookies);
        var tokensBefore = app.Provider.TokensIssued;

        using var callback = await SignInAsync(browser, cookies, user);

        // The code was redeemed, so it is the ID token itself the dashboard turned down, not an earlier step.
        Assert.True(app.Provider.TokensIssued > tokensBefore, "the dashboard never redeemed the code");
        Assert.True((int)callback.StatusCode >= 400, $"expected an error status, got {(int)callback.StatusCode}");
        Assert.Null(cookies.GetCookies(app.BaseAddress)["homelab.auth"]);
    }

    /// <summary>Starts at /, as a browser would, and returns the dashboard's answer to the provider's form_post.</summary>
    private async Task<HttpResponseMessage> SignInAsync(HttpClient browser, CookieContainer cookies, FakeOidcUser user)
    {
        // Being signed in at the provider already, so its /authorize answers at once.
        cookies.Add(new Uri(app.Provider.Issuer), new Cookie(FakeOidcProvider.UserCookie, user.Subject));
        using var challenge = await GetHtmlAsync(browser, new Uri(app.BaseAddress, "/"));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        using var authorize = await GetHtmlAsync(browser, challenge.Headers.Location!);
        Assert.Equal(HttpStatusCode.OK, authorize.StatusCode);
        var page = await authorize.Content.ReadAsStringAsync(Ct);

        // No script runs here: submit the self-posting form the way the browser's onload would.
        var action = FormAction().Match(page);
        Assert.True(action.Success, "the provider's answer has no form_post form: " + page);
        var fields = HiddenInput().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        using var form = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(new Uri(WebUtility.HtmlDecode(action.Groups[1].Value)), form, Ct);
    }

    private static async Task<HttpResponseMessage> GetHtmlAsync(HttpClient browser, Uri uri)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.ParseAdd("text/html");
        return await browser.SendAsync(request, Ct);
    }

    [GeneratedRegex("""<form method="post" action="([^"]+)">""")]
    private static partial Regex FormAction();

    [GeneratedRegex("""<input type="hidden" name="([^"]+)" value="([^"]*)" />""")]
    private static partial Regex HiddenInput();
}
