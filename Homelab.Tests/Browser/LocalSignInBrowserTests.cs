using Homelab.Dashboard.Security.Local;
using Homelab.Domain.Actions;
using Homelab.Domain.Containers;
using Homelab.Domain.Live;
using Homelab.Tests.Integration;
using Homelab.Tests.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Homelab.Tests.Browser;

/// <summary>A Local-mode dashboard and a headless chromium, for signing in through the real /signin form.</summary>
public sealed class LocalSignInBrowserFixture : IAsyncLifetime
{
    private HeadlessChromium? _chromium;

    public LocalAuthAppFactory App { get; } = new();

    public IBrowser Browser => _chromium!.Browser;

    public async ValueTask InitializeAsync()
    {
        var chromium = HeadlessChromium.LaunchAsync();
        try
        {
            await App.InitializeAsync();
        }
        finally
        {
            _chromium = await chromium;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        await App.DisposeAsync();
    }
}

public sealed class LocalSignInBrowserTests(LocalSignInBrowserFixture fixture) : IClassFixture<LocalSignInBrowserFixture>
{
    private const string Password = "a long test password";
    private static readonly Actor s_admin = new(LocalAuthAppFactory.Admin, ActionVia.Ui, [HomelabRoles.Admin]);

    private LocalAccounts Accounts => fixture.App.Services.GetRequiredService<LocalAccounts>();

    private async Task<IPage> NewPageAsync()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.App.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        return await context.NewPageAsync();
    }

    private static async Task SubmitAsync(IPage page, string user, string password, string? code = null)
    {
        await page.Locator("#username").FillAsync(user);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#code").FillAsync(code ?? "");
        await ClickForNextDocumentAsync(page, page.GetByTestId("signin-submit"));
    }

    /// <summary>
    /// Clicks what posts a form for real and waits for the answer's document. It listens before the click, so a fast
    /// answer is not missed and the page that was already there is not taken for it (asking for a load state after
    /// the click timed out now and then on a busy machine).
    /// </summary>
    private static async Task ClickForNextDocumentAsync(IPage page, ILocator target)
    {
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoaded(object? sender, IPage loaded) => answered.TrySetResult();
        page.DOMContentLoaded += OnLoaded;
        try
        {
            await target.ClickAsync();
            await answered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            page.DOMContentLoaded -= OnLoaded;
        }
    }

    private static Task<IElementHandle?> WaitInteractiveAsync(IPage page) =>
        page.WaitForSelectorAsync("#ready[data-interactive=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 15_000 });

    [Fact]
    public async Task SignIn_ThroughTheForm_ReturnsToThePageAndShowsWhoIsSignedIn()
    {
        Assert.True((await Accounts.CreateAsync(s_admin, "olivia", Password, HomelabRoles.Operator, CancellationToken.None)).Succeeded);
        var page = await NewPageAsync();

        await page.GotoAsync("/sources");
        Assert.Contains("/signin?ReturnUrl=%2Fsources", page.Url, StringComparison.Ordinal);
        await SubmitAsync(page, "olivia", Password);
        await WaitInteractiveAsync(page);

        Assert.EndsWith("/sources", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync("olivia");
        await Assertions.Expect(page.GetByTestId("user-role")).ToContainTextAsync("operator");
        await ClickForNextDocumentAsync(page, page.GetByTestId("signout"));
        Assert.EndsWith("/signin", page.Url, StringComparison.Ordinal);
        await page.GotoAsync("/sources");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OpenPage_AdminDemotesTheAccount_PageSignsOutWithoutAReload()
    {
        Assert.True((await Accounts.CreateAsync(s_admin, "otto", Password, HomelabRoles.Operator, CancellationToken.None)).Succeeded);
        var page = await NewPageAsync();
        await page.GotoAsync("/sources");
        await SubmitAsync(page, "otto", Password);
        await WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("user-role")).ToContainTextAsync("operator");
        await Assertions.Expect(page.Locator("[data-testid^=source-row-]").First).ToBeVisibleAsync();

        Assert.True((await Accounts.SetRoleAsync(s_admin, "otto", HomelabRoles.Viewer, CancellationToken.None)).Succeeded);

        await Assertions.Expect(page.GetByTestId("signed-out")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("user-menu")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid^=source-row-]")).ToHaveCountAsync(0);
        Assert.EndsWith("/sources", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountWithTheSameMessage()
    {
        Assert.True((await Accounts.CreateAsync(s_admin, "larry", Password, HomelabRoles.Viewer, CancellationToken.None)).Succeeded);
        var page = await NewPageAsync();
        await page.GotoAsync("/signin");

        await SubmitAsync(page, "nobody-at-all", Password);
        var unknownUser = await page.GetByTestId("signin-error").TextContentAsync();
        for (var i = 0; i < 5; i++)
        {
            await SubmitAsync(page, "larry", $"wrong password {i}");
            await Assertions.Expect(page.GetByTestId("signin-error")).ToHaveTextAsync(unknownUser!);
        }

        await SubmitAsync(page, "larry", Password);

        await Assertions.Expect(page.GetByTestId("signin-error")).ToHaveTextAsync(unknownUser!);
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        Assert.NotNull((await Accounts.FindAsync("larry", CancellationToken.None))!.LockedUntil);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_TotpOn_NeedsTheCodeFromTheApp()
    {
        Assert.True((await Accounts.CreateAsync(s_admin, "tina", Password, HomelabRoles.Viewer, CancellationToken.None)).Succeeded);
        var secret = TotpCodes.NewSecret();

        // Enrolled with the previous step's code, so the current one is still fresh for signing in.
        var previous = new TotpCodes(new FakeTimeProvider(DateTimeOffset.UtcNow.AddSeconds(-30)));
        Assert.True((await Accounts.EnableTotpAsync("tina", secret, previous.CodeNow(secret), CancellationToken.None)).Succeeded);
        var page = await NewPageAsync();
        await page.GotoAsync("/signin");

        await SubmitAsync(page, "tina", Password);
        await Assertions.Expect(page.GetByTestId("signin-error")).ToBeVisibleAsync();
        await SubmitAsync(page, "tina", Password, new TotpCodes(TimeProvider.System).CodeNow(secret));
        await WaitInteractiveAsync(page);

        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync("tina");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Viewer_ContainersPage_ActionButtonsAreDisabled()
    {
        var live = fixture.App.Services.GetRequiredService<ILiveHomelab>();
        await HomelabAppFactory.WaitForAsync(() => live.Current.FindHost("docker-server")?.Containers.Any(c => c.Name == "sonarr" && c.State == ContainerState.Running) == true, TimeSpan.FromSeconds(15), "sonarr running");
        Assert.True((await Accounts.CreateAsync(s_admin, "vic", Password, HomelabRoles.Viewer, CancellationToken.None)).Succeeded);
        var page = await NewPageAsync();
        await page.GotoAsync("/containers");
        await SubmitAsync(page, "vic", Password);
        await WaitInteractiveAsync(page);

        var stop = page.GetByTestId("container-row-sonarr").GetByTestId("action-stop");

        await Assertions.Expect(stop).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByTestId("user-role")).ToContainTextAsync("viewer");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AccountPage_EnrolTotpWithTheShownSecret_TurnsItOnSignsOutAndTheNextSignInNeedsACode()
    {
        Assert.True((await Accounts.CreateAsync(s_admin, "erin", Password, HomelabRoles.Viewer, CancellationToken.None)).Succeeded);
        var page = await NewPageAsync();
        await page.GotoAsync("/account");
        await SubmitAsync(page, "erin", Password);
        await WaitInteractiveAsync(page);

        await page.GetByTestId("totp-start").ClickAsync();
        var secret = (await page.GetByTestId("totp-secret").TextContentAsync())!.Trim();
        await Assertions.Expect(page.GetByTestId("totp-uri")).ToContainTextAsync("otpauth://totp/");
        await page.GetByTestId("totp-confirm-code").FillAsync(new TotpCodes(TimeProvider.System).CodeNow(secret));
        await page.GetByTestId("totp-confirm").ClickAsync();

        // Turning it on ends every session of the account, this page's too: the next sign-in needs a code.
        await Assertions.Expect(page.GetByTestId("signed-out")).ToBeVisibleAsync();
        Assert.True((await Accounts.FindAsync("erin", CancellationToken.None))!.TotpEnabled);
        await ClickForNextDocumentAsync(page, page.GetByTestId("signed-out-signin"));
        Assert.EndsWith("/signin", page.Url, StringComparison.Ordinal);
        await SubmitAsync(page, "erin", Password);
        await Assertions.Expect(page.GetByTestId("signin-error")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AccountsPage_AdminCreatesAnAccount_OperatorIsNotAllowed()
    {
        Assert.True((await Accounts.CreateAsync(s_admin, "adele", Password, HomelabRoles.Admin, CancellationToken.None)).Succeeded);
        Assert.True((await Accounts.CreateAsync(s_admin, "oscar", Password, HomelabRoles.Operator, CancellationToken.None)).Succeeded);
        var admin = await NewPageAsync();
        await admin.GotoAsync("/settings/accounts");
        await SubmitAsync(admin, "adele", Password);
        await WaitInteractiveAsync(admin);

        await admin.GetByTestId("accounts-new-name").FillAsync("newbie");
        await admin.GetByTestId("accounts-new-password").FillAsync(Password);
        await admin.GetByTestId("accounts-create").ClickAsync();

        await Assertions.Expect(admin.GetByTestId("account-row-newbie")).ToBeVisibleAsync();
        Assert.Equal(HomelabRoles.Viewer, (await Accounts.FindAsync("newbie", CancellationToken.None))!.Role);
        var operatorPage = await NewPageAsync();
        await operatorPage.GotoAsync("/signin");
        await SubmitAsync(operatorPage, "oscar", Password);
        var response = await operatorPage.GotoAsync("/settings/accounts");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(operatorPage.GetByText("Not allowed")).ToBeVisibleAsync();
        await admin.Context.CloseAsync();
        await operatorPage.Context.CloseAsync();
    }
}
