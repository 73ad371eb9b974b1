using Homelab.Dashboard.Actions;
using Homelab.Dashboard.Security.Local;
using Homelab.Domain.Actions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Logging.Abstractions;

namespace Homelab.Tests.Security;

/// <summary>
/// An open page in Local mode: its sign-in ends when its account is demoted, reset or deleted, without a new request.
/// </summary>
public sealed class LocalSessionStateTests : IDisposable
{
    private static readonly Actor s_admin = new("root", ActionVia.Ui, [HomelabRoles.Admin]);

    private readonly LocalAccountsOnDisk _store = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task AccountChanged_RoleOfThePagesUser_SignsThePageOutAndTheActionPathSeesNobody()
    {
        using var page = await OpenPageAsync("olivia", HomelabRoles.Operator);
        var changed = 0;
        page.AuthenticationStateChanged += _ => changed++;

        Assert.True((await _store.Accounts.SetRoleAsync(s_admin, "olivia", HomelabRoles.Viewer, Ct)).Succeeded);
        await page.Revalidation;

        Assert.Equal(1, changed);
        Assert.False((await page.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
        Assert.False(HomelabRoles.CanOperate(new SignedInActor(page).Actor.Roles));
    }

    [Theory]
    [InlineData("reset")]
    [InlineData("delete")]
    public async Task AccountChanged_PasswordResetOrDeleted_SignsThePageOut(string change)
    {
        using var page = await OpenPageAsync("olivia", HomelabRoles.Operator);

        var result = change == "reset"
            ? await _store.Accounts.ResetPasswordAsync(s_admin, "olivia", "a brand new password", Ct)
            : await _store.Accounts.DeleteAsync(s_admin, "olivia", Ct);
        Assert.True(result.Succeeded);
        await page.Revalidation;

        Assert.False((await page.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task AccountChanged_AnotherAccount_LeavesThePageSignedIn()
    {
        using var page = await OpenPageAsync("olivia", HomelabRoles.Operator);
        await _store.Accounts.CreateAsync(s_admin, "victor", LocalAccountsOnDisk.Password, HomelabRoles.Viewer, Ct);

        Assert.True((await _store.Accounts.SetRoleAsync(s_admin, "victor", HomelabRoles.Operator, Ct)).Succeeded);
        await page.Revalidation;

        var user = (await page.GetAuthenticationStateAsync()).User;
        Assert.Equal("olivia", user.Identity?.Name);
        Assert.True(HomelabRoles.CanOperate(new SignedInActor(page).Actor.Roles));
    }

    [Fact]
    public async Task AccountChanged_UnlockThatKeepsTheStamp_LeavesThePageSignedIn()
    {
        using var page = await OpenPageAsync("olivia", HomelabRoles.Operator);

        Assert.True((await _store.Accounts.UnlockAsync(s_admin, "olivia", Ct)).Succeeded);
        await page.Revalidation;

        Assert.Equal("olivia", (await page.GetAuthenticationStateAsync()).User.Identity?.Name);
    }

    [Fact]
    public async Task Dispose_ClosedPage_NoLongerListens()
    {
        var page = await OpenPageAsync("olivia", HomelabRoles.Operator);
        var changed = 0;
        page.AuthenticationStateChanged += _ => changed++;
        page.Dispose();

        Assert.True((await _store.Accounts.SetRoleAsync(s_admin, "olivia", HomelabRoles.Viewer, Ct)).Succeeded);
        await page.Revalidation;

        Assert.Equal(0, changed);
    }

    /// <summary>A page opened by <paramref name="userName"/> after signing in, as the circuit receives it.</summary>
    private async Task<LocalSessionState> OpenPageAsync(string userName, string role)
    {
        Assert.True((await _store.Accounts.CreateAsync(s_admin, userName, LocalAccountsOnDisk.Password, role, Ct)).Succeeded);
        var signIn = await _store.Accounts.SignInAsync(userName, LocalAccountsOnDisk.Password, null, Ct);
        var page = new LocalSessionState(_store.Accounts, NullLogger<LocalSessionState>.Instance);
        page.SetAuthenticationState(Task.FromResult(new AuthenticationState(LocalCookie.Principal(signIn!))));
        return page;
    }
}
