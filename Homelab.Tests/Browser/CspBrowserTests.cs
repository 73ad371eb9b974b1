using Microsoft.Playwright;

namespace Homelab.Tests.Browser;

/// <summary>The main pages under the real Content-Security-Policy: nothing they need is blocked.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CspBrowserTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/containers")]
    [InlineData("/chat")]
    [InlineData("/cluster")]
    public async Task Page_UnderCsp_NoViolations(string path)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.App.BaseAddress.ToString() });
        await context.AddInitScriptAsync("window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));");
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) => console.Add(message.Text);

        var response = await page.GotoAsync(path);
        await page.WaitForSelectorAsync("#ready[data-interactive=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 15_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Contains("script-src", (await response!.AllHeadersAsync())["content-security-policy"]);
        var violations = await page.EvaluateAsync<string[]>("window.__csp");
        Assert.Empty(violations);
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        await context.CloseAsync();
    }
}
