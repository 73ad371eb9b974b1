using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Persistence;
using Homelab.Dashboard.Security.Local;
using Homelab.Domain.Actions;
using Homelab.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Homelab.Tests.Security;

/// <summary>Local accounts over a real SQLite file, with a clock the test drives.</summary>
public sealed class LocalAccountsTests : IDisposable
{
    private const string Password = "correct horse battery";
    private static readonly Actor s_admin = new("root", ActionVia.Ui, [HomelabRoles.Admin]);

    private readonly string _directory = Directory.CreateTempSubdirectory("homelab-accounts-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly HomelabOptions _options = new() { Auth = new AuthOptions { Mode = AuthMode.Local } };
    private readonly LocalAccounts _accounts;

    public LocalAccountsTests()
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "homelab.db"), Pooling = false }.ToString();
        var dbOptions = new DbContextOptionsBuilder<HomelabDbContext>().UseSqlite(connection).Options;
        using (var db = new HomelabDbContext(dbOptions))
        {
            db.Database.EnsureCreated();
        }

        _options.Auth.Local.InitialAdmin = new InitialAdminOptions { Username = "root", Password = Password };
        _accounts = new LocalAccounts(new PooledDbContextFactory<HomelabDbContext>(dbOptions), new PasswordHasher(iterations: 1_000), new TotpCodes(_time), _time, new StaticOptionsMonitor(_options), NullLogger<LocalAccounts>.Instance);
        _accounts.EnsureInitialAdminAsync(Ct).GetAwaiter().GetResult();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _accounts.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task EnsureInitialAdmin_NoAccounts_CreatesAnAdminThatCanSignIn()
    {
        var signIn = await _accounts.SignInAsync("ROOT", Password, null, Ct);

        Assert.NotNull(signIn);
        Assert.Equal("root", signIn.UserName);
        Assert.Equal(HomelabRoles.Admin, signIn.Role);
    }

    [Fact]
    public async Task EnsureInitialAdmin_AccountsExist_ChangesNothing()
    {
        _options.Auth.Local.InitialAdmin = new InitialAdminOptions { Username = "second", Password = "another long password" };

        await _accounts.EnsureInitialAdminAsync(Ct);

        Assert.Equal(["root"], (await _accounts.ListAsync(Ct)).Select(a => a.UserName));
    }

    [Fact]
    public async Task SignIn_UnknownUserOrWrongPassword_BothFailTheSameWay()
    {
        Assert.Null(await _accounts.SignInAsync("nobody", Password, null, Ct));
        Assert.Null(await _accounts.SignInAsync("root", "wrong password!", null, Ct));
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountEvenForTheRightOne()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(await _accounts.SignInAsync("root", $"wrong {i}", null, Ct));
        }

        Assert.Null(await _accounts.SignInAsync("root", Password, null, Ct));
        Assert.NotNull((await _accounts.FindAsync("root", Ct))!.LockedUntil);
    }

    [Fact]
    public async Task SignIn_FourWrongThenRight_SucceedsAndResetsTheCount()
    {
        for (var i = 0; i < 4; i++)
        {
            await _accounts.SignInAsync("root", $"wrong {i}", null, Ct);
        }

        Assert.NotNull(await _accounts.SignInAsync("root", Password, null, Ct));
        Assert.Equal(0, (await _accounts.FindAsync("root", Ct))!.FailedAttempts);
    }

    [Fact]
    public async Task SignIn_AfterTheLockoutPeriod_SucceedsAgain()
    {
        for (var i = 0; i < 5; i++)
        {
            await _accounts.SignInAsync("root", $"wrong {i}", null, Ct);
        }

        _time.Advance(TimeSpan.FromMinutes(14));
        Assert.Null(await _accounts.SignInAsync("root", Password, null, Ct));
        _time.Advance(TimeSpan.FromMinutes(1.5));

        Assert.NotNull(await _accounts.SignInAsync("root", Password, null, Ct));
    }

    [Fact]
    public async Task SignIn_TotpOn_NeedsAFreshCode()
    {
        var secret = TotpCodes.NewSecret();
        var codes = new TotpCodes(_time);
        Assert.True((await _accounts.EnableTotpAsync("root", secret, codes.CodeNow(secret), Ct)).Succeeded);
        _time.Advance(TimeSpan.FromSeconds(30));
        var code = codes.CodeNow(secret);

        Assert.Null(await _accounts.SignInAsync("root", Password, null, Ct));
        Assert.Null(await _accounts.SignInAsync("root", Password, "000000" == code ? "111111" : "000000", Ct));
        Assert.NotNull(await _accounts.SignInAsync("root", Password, code, Ct));
        Assert.Null(await _accounts.SignInAsync("root", Password, code, Ct));
    }

    [Fact]
    public async Task EnableTotp_WrongCode_LeavesItOff()
    {
        var result = await _accounts.EnableTotpAsync("root", TotpCodes.NewSecret(), "123456", Ct);

        Assert.False(result.Succeeded);
        Assert.False((await _accounts.FindAsync("root", Ct))!.TotpEnabled);
    }

    [Fact]
    public async Task ChangePassword_MovesTheStamp_SoOldCookiesStopWorking()
    {
        var signIn = (await _accounts.SignInAsync("root", Password, null, Ct))!;

        Assert.NotNull(await _accounts.CurrentRoleAsync("root", signIn.SecurityStamp, Ct)); // now remembered

        var changed = await _accounts.ChangePasswordAsync("root", Password, "a brand new password", Ct);

        Assert.True(changed.Succeeded);
        Assert.Null(await _accounts.CurrentRoleAsync("root", signIn.SecurityStamp, Ct));
        Assert.NotNull(await _accounts.SignInAsync("root", "a brand new password", null, Ct));
    }

    [Fact]
    public async Task CurrentRole_RememberedThenDemotedOrDeleted_FollowsTheChangeAtOnce()
    {
        await _accounts.CreateAsync(s_admin, "eve", Password, HomelabRoles.Operator, Ct);
        var signIn = (await _accounts.SignInAsync("eve", Password, null, Ct))!;
        Assert.Equal(HomelabRoles.Operator, await _accounts.CurrentRoleAsync("eve", signIn.SecurityStamp, Ct));

        await _accounts.SetRoleAsync(s_admin, "eve", HomelabRoles.Viewer, Ct);
        var again = (await _accounts.SignInAsync("eve", Password, null, Ct))!;
        await _accounts.DeleteAsync(s_admin, "eve", Ct);

        Assert.Null(await _accounts.CurrentRoleAsync("eve", signIn.SecurityStamp, Ct));
        Assert.Null(await _accounts.CurrentRoleAsync("eve", again.SecurityStamp, Ct));
    }

    [Fact]
    public async Task Create_ByAnOperator_IsRefused()
    {
        var result = await _accounts.CreateAsync(new Actor("op", ActionVia.Ui, [HomelabRoles.Operator]), "eve", Password, HomelabRoles.Admin, Ct);

        Assert.False(result.Succeeded);
        Assert.Null(await _accounts.FindAsync("eve", Ct));
    }

    [Fact]
    public async Task Create_ShortPassword_IsRefused() =>
        Assert.False((await _accounts.CreateAsync(s_admin, "eve", "short", HomelabRoles.Viewer, Ct)).Succeeded);

    [Fact]
    public async Task Delete_Yourself_IsRefused()
    {
        await _accounts.CreateAsync(s_admin, "other-admin", Password, HomelabRoles.Admin, Ct);

        Assert.False((await _accounts.DeleteAsync(s_admin, "root", Ct)).Succeeded);
        Assert.NotNull(await _accounts.FindAsync("root", Ct));
    }

    [Fact]
    public async Task DeleteOrDemote_TheLastAdmin_IsRefused()
    {
        var other = new Actor("someone-else", ActionVia.Ui, [HomelabRoles.Admin]);

        Assert.False((await _accounts.DeleteAsync(other, "root", Ct)).Succeeded);
        Assert.False((await _accounts.SetRoleAsync(other, "root", HomelabRoles.Operator, Ct)).Succeeded);
        Assert.Equal(HomelabRoles.Admin, (await _accounts.FindAsync("root", Ct))!.Role);
    }

    [Fact]
    public async Task ResetPasswordAndUnlock_ByAdmin_LetTheUserBackIn()
    {
        await _accounts.CreateAsync(s_admin, "bob", Password, HomelabRoles.Viewer, Ct);
        for (var i = 0; i < 5; i++)
        {
            await _accounts.SignInAsync("bob", $"wrong {i}", null, Ct);
        }

        Assert.True((await _accounts.UnlockAsync(s_admin, "bob", Ct)).Succeeded);
        Assert.NotNull(await _accounts.SignInAsync("bob", Password, null, Ct));
        Assert.True((await _accounts.ResetPasswordAsync(s_admin, "bob", "reset by the admin", Ct)).Succeeded);
        Assert.NotNull(await _accounts.SignInAsync("bob", "reset by the admin", null, Ct));
    }
}
