using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Security.Local;
using Homelab.Domain.Actions;
using Microsoft.Extensions.Time.Testing;

namespace Homelab.Tests.Security;

/// <summary>Local accounts over a real SQLite file, with a clock the test drives.</summary>
public sealed class LocalAccountsTests : IDisposable
{
    private const string Password = LocalAccountsOnDisk.Password;
    private static readonly Actor s_admin = new("root", ActionVia.Ui, [HomelabRoles.Admin]);

    private readonly LocalAccountsOnDisk _store = new();

    private FakeTimeProvider Time => _store.Time;

    private HomelabOptions Options => _store.Options;

    private LocalAccounts Accounts => _store.Accounts;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task EnsureInitialAdmin_NoAccounts_CreatesAnAdminThatCanSignIn()
    {
        var signIn = await Accounts.SignInAsync("ROOT", Password, null, Ct);

        Assert.NotNull(signIn);
        Assert.Equal("root", signIn.UserName);
        Assert.Equal(HomelabRoles.Admin, signIn.Role);
    }

    [Fact]
    public async Task EnsureInitialAdmin_AccountsExist_ChangesNothing()
    {
        Options.Auth.Local.InitialAdmin = new InitialAdminOptions { Username = "second", Password = "another long password" };

        await Accounts.EnsureInitialAdminAsync(Ct);

        Assert.Equal(["root"], (await Accounts.ListAsync(Ct)).Select(a => a.UserName));
    }

    [Fact]
    public async Task SignIn_UnknownUserOrWrongPassword_BothFailTheSameWay()
    {
        Assert.Null(await Accounts.SignInAsync("nobody", Password, null, Ct));
        Assert.Null(await Accounts.SignInAsync("root", "wrong password!", null, Ct));
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountEvenForTheRightOne()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(await Accounts.SignInAsync("root", $"wrong {i}", null, Ct));
        }

        Assert.Null(await Accounts.SignInAsync("root", Password, null, Ct));
        Assert.NotNull((await Accounts.FindAsync("root", Ct))!.LockedUntil);
    }

    [Fact]
    public async Task SignIn_FourWrongThenRight_SucceedsAndResetsTheCount()
    {
        for (var i = 0; i < 4; i++)
        {
            await Accounts.SignInAsync("root", $"wrong {i}", null, Ct);
        }

        Assert.NotNull(await Accounts.SignInAsync("root", Password, null, Ct));
        Assert.Equal(0, (await Accounts.FindAsync("root", Ct))!.FailedAttempts);
    }

    [Fact]
    public async Task SignIn_AfterTheLockoutPeriod_SucceedsAgain()
    {
        for (var i = 0; i < 5; i++)
        {
            await Accounts.SignInAsync("root", $"wrong {i}", null, Ct);
        }

        Time.Advance(TimeSpan.FromMinutes(14));
        Assert.Null(await Accounts.SignInAsync("root", Password, null, Ct));
        Time.Advance(TimeSpan.FromMinutes(1.5));

        Assert.NotNull(await Accounts.SignInAsync("root", Password, null, Ct));
    }

    [Fact]
    public async Task SignIn_TotpOn_NeedsAFreshCode()
    {
        var secret = TotpCodes.NewSecret();
        var codes = new TotpCodes(Time);
        Assert.True((await Accounts.EnableTotpAsync("root", secret, codes.CodeNow(secret), Ct)).Succeeded);
        Time.Advance(TimeSpan.FromSeconds(30));
        var code = codes.CodeNow(secret);

        Assert.Null(await Accounts.SignInAsync("root", Password, null, Ct));
        Assert.Null(await Accounts.SignInAsync("root", Password, "000000" == code ? "111111" : "000000", Ct));
        Assert.NotNull(await Accounts.SignInAsync("root", Password, code, Ct));
        Assert.Null(await Accounts.SignInAsync("root", Password, code, Ct));
    }

    [Fact]
    public async Task EnableTotp_WrongCode_LeavesItOff()
    {
        var result = await Accounts.EnableTotpAsync("root", TotpCodes.NewSecret(), "123456", Ct);

        Assert.False(result.Succeeded);
        Assert.False((await Accounts.FindAsync("root", Ct))!.TotpEnabled);
    }

    [Fact]
    public async Task ChangePassword_MovesTheStamp_SoOldCookiesStopWorking()
    {
        var signIn = (await Accounts.SignInAsync("root", Password, null, Ct))!;

        Assert.NotNull(await Accounts.CurrentRoleAsync("root", signIn.SecurityStamp, Ct)); // now remembered

        var changed = await Accounts.ChangePasswordAsync("root", Password, "a brand new password", Ct);

        Assert.True(changed.Succeeded);
        Assert.Null(await Accounts.CurrentRoleAsync("root", signIn.SecurityStamp, Ct));
        Assert.NotNull(await Accounts.SignInAsync("root", "a brand new password", null, Ct));
    }

    [Fact]
    public async Task CurrentRole_RememberedThenDemotedOrDeleted_FollowsTheChangeAtOnce()
    {
        await Accounts.CreateAsync(s_admin, "eve", Password, HomelabRoles.Operator, Ct);
        var signIn = (await Accounts.SignInAsync("eve", Password, null, Ct))!;
        Assert.Equal(HomelabRoles.Operator, await Accounts.CurrentRoleAsync("eve", signIn.SecurityStamp, Ct));

        await Accounts.SetRoleAsync(s_admin, "eve", HomelabRoles.Viewer, Ct);
        var again = (await Accounts.SignInAsync("eve", Password, null, Ct))!;
        await Accounts.DeleteAsync(s_admin, "eve", Ct);

        Assert.Null(await Accounts.CurrentRoleAsync("eve", signIn.SecurityStamp, Ct));
        Assert.Null(await Accounts.CurrentRoleAsync("eve", again.SecurityStamp, Ct));
    }

    [Fact]
    public async Task Create_ByAnOperator_IsRefused()
    {
        var result = await Accounts.CreateAsync(new Actor("op", ActionVia.Ui, [HomelabRoles.Operator]), "eve", Password, HomelabRoles.Admin, Ct);

        Assert.False(result.Succeeded);
        Assert.Null(await Accounts.FindAsync("eve", Ct));
    }

    [Fact]
    public async Task Create_ShortPassword_IsRefused() =>
        Assert.False((await Accounts.CreateAsync(s_admin, "eve", "short", HomelabRoles.Viewer, Ct)).Succeeded);

    [Fact]
    public async Task Delete_Yourself_IsRefused()
    {
        await Accounts.CreateAsync(s_admin, "other-admin", Password, HomelabRoles.Admin, Ct);

        Assert.False((await Accounts.DeleteAsync(s_admin, "root", Ct)).Succeeded);
        Assert.NotNull(await Accounts.FindAsync("root", Ct));
    }

    [Fact]
    public async Task DeleteOrDemote_TheLastAdmin_IsRefused()
    {
        var other = new Actor("someone-else", ActionVia.Ui, [HomelabRoles.Admin]);

        Assert.False((await Accounts.DeleteAsync(other, "root", Ct)).Succeeded);
        Assert.False((await Accounts.SetRoleAsync(other, "root", HomelabRoles.Operator, Ct)).Succeeded);
        Assert.Equal(HomelabRoles.Admin, (await Accounts.FindAsync("root", Ct))!.Role);
    }

    [Fact]
    public async Task ResetPasswordAndUnlock_ByAdmin_LetTheUserBackIn()
    {
        await Accounts.CreateAsync(s_admin, "bob", Password, HomelabRoles.Viewer, Ct);
        for (var i = 0; i < 5; i++)
        {
            await Accounts.SignInAsync("bob", $"wrong {i}", null, Ct);
        }

        Assert.True((await Accounts.UnlockAsync(s_admin, "bob", Ct)).Succeeded);
        Assert.NotNull(await Accounts.SignInAsync("bob", Password, null, Ct));
        Assert.True((await Accounts.ResetPasswordAsync(s_admin, "bob", "reset by the admin", Ct)).Succeeded);
        Assert.NotNull(await Accounts.SignInAsync("bob", "reset by the admin", null, Ct));
    }
}
