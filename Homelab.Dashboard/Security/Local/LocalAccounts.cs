using System.Collections.Concurrent;
using System.Security.Cryptography;
using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Persistence;
using Homelab.Dashboard.Persistence.Accounts;
using Homelab.Domain.Actions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Security.Local;

/// <summary>
/// The dashboard's own accounts (<c>Homelab:Auth:Mode</c> Local): sign-in with lockout and optional TOTP, the admin's
/// account management, and each person's own password and TOTP.
/// </summary>
/// <remarks>
/// Every failure to sign in reads the same (<see cref="SignInFailed"/>), whether the name is unknown, the password or
/// code is wrong, or the account is locked, so the page tells an attacker nothing about which accounts exist.
/// Administrative changes check the caller's role here too; the pages' own policy is not the only gate.
/// </remarks>
internal sealed partial class LocalAccounts(
    IDbContextFactory<HomelabDbContext> contexts,
    PasswordHasher hasher,
    TotpCodes totp,
    TimeProvider time,
    IOptionsMonitor<HomelabOptions> options,
    ILogger<LocalAccounts> logger) : IDisposable
{
    public const string SignInFailed = "Wrong user name, password or code, or the account is locked after too many attempts. Try again later.";

    // Counters and TOTP steps are read-modify-write; one at a time keeps two parallel attempts from both passing.
    private readonly SemaphoreSlim _writes = new(1, 1);

    // Every request of a signed-in browser (its static files too) checks its cookie's stamp; remembering the current
    // stamp and role spares a database read each time. Every change of either goes through this class, which forgets
    // the account after saving, so a reset or demotion still takes effect on the next request.
    private readonly ConcurrentDictionary<string, (string Stamp, string Role)> _current = new(StringComparer.OrdinalIgnoreCase);

    // Bumped by every change, so a read that raced a change never caches what it read from before it.
    private long _changes;

    private LocalAuthOptions Settings => options.CurrentValue.Auth.Local;

    /// <summary>
    /// An account changed and was saved (its user name). Open pages hold their sign-in for as long as they are open and
    /// make no request that would check the cookie, so they listen for this instead (<see cref="LocalSessionState"/>).
    /// </summary>
    public event Action<string>? AccountChanged;

    public async Task<LocalSignIn?> SignInAsync(string userName, string password, string? code, CancellationToken cancellationToken)
    {
        var name = userName.Trim();
        AccountEntry? account;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.UserName == name, cancellationToken);
        }

        if (account is null)
        {
            hasher.VerifyNothing(password);
            LogSignInFailed(logger, name);
            return null;
        }

        var passwordOk = PasswordHasher.Verify(password, account.PasswordHash);
        await _writes.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == account.Id, cancellationToken);
            if (account is null)
            {
                return null;
            }

            var now = time.GetUtcNow();
            if (account.LockedUntilUnixMs is { } until && until > now.ToUnixTimeMilliseconds())
            {
                LogSignInWhileLocked(logger, account.UserName);
                return null;
            }

            long? step = null;
            var codeOk = account.TotpSecret is null || (step = totp.Verify(account.TotpSecret, code, account.TotpLastStep)) is not null;
            if (!passwordOk || !codeOk)
            {
                account.FailedAttempts = account.LockedUntilUnixMs is null ? account.FailedAttempts + 1 : 1;
                account.LockedUntilUnixMs = null;
                if (account.FailedAttempts >= Settings.MaxFailedAttempts)
                {
                    account.LockedUntilUnixMs = (now + Settings.LockoutDuration).ToUnixTimeMilliseconds();
                    LogLockedOut(logger, account.UserName, account.FailedAttempts, Settings.LockoutDuration);
                }
                else
                {
                    LogSignInFailed(logger, account.UserName);
                }

                await db.SaveChangesAsync(cancellationToken);
                return null;
            }

            account.FailedAttempts = 0;
            account.LockedUntilUnixMs = null;
            if (step is { } accepted)
            {
                account.TotpLastStep = accepted;
            }

            if (hasher.NeedsRehash(account.PasswordHash))
            {
                account.PasswordHash = hasher.Hash(password);
            }

            await db.SaveChangesAsync(cancellationToken);
            return new LocalSignIn(account.UserName, account.Role, account.SecurityStamp);
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>The account's current role while <paramref name="securityStamp"/> is still its stamp; null once it changed or the account is gone.</summary>
    public async Task<string?> CurrentRoleAsync(string userName, string? securityStamp, CancellationToken cancellationToken)
    {
        if (_current.TryGetValue(userName, out var known) && known.Stamp == securityStamp)
        {
            return known.Role;
        }

        var changes = Interlocked.Read(ref _changes);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.UserName == userName, cancellationToken);
        if (account is null || account.SecurityStamp != securityStamp)
        {
            return null;
        }

        if (Interlocked.Read(ref _changes) == changes)
        {
            _current[userName] = (account.SecurityStamp, account.Role);
        }

        return account.Role;
    }

    private void Forget(string userName)
    {
        Interlocked.Increment(ref _changes);
        _current.TryRemove(userName, out _);
        AccountChanged?.Invoke(userName);
    }

    public async Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var accounts = await db.Accounts.AsNoTracking().OrderBy(a => a.UserName).ToListAsync(cancellationToken);
        return [.. accounts.Select(Summarise)];
    }

    public async Task<AccountSummary?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.UserName == userName, cancellationToken);
        return account is null ? null : Summarise(account);
    }

    /// <summary>Creates the first admin from <c>Homelab:Auth:Local:InitialAdmin</c>, only while there is no account at all.</summary>
    public async Task EnsureInitialAdminAsync(CancellationToken cancellationToken)
    {
        var initial = Settings.InitialAdmin;
        if (string.IsNullOrWhiteSpace(initial.Username) || string.IsNullOrEmpty(initial.Password))
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Accounts.AnyAsync(cancellationToken))
        {
            return;
        }

        db.Accounts.Add(NewEntry(initial.Username.Trim(), HomelabRoles.Admin, initial.Password));
        await db.SaveChangesAsync(cancellationToken);
        LogInitialAdminCreated(logger, initial.Username.Trim());
    }

    public Task<AccountResult> CreateAsync(Actor by, string userName, string password, string role, CancellationToken cancellationToken) =>
        AsAdminAsync(by, async db =>
        {
            var name = userName.Trim();
            if (name.Length is 0 or > 100 || name.Any(char.IsControl))
            {
                return AccountResult.Fail("A user name needs 1 to 100 printable characters.");
            }

            if (HomelabRoles.Normalize(role) is not { } normalized)
            {
                return AccountResult.Fail($"'{role}' is not a role: viewer, operator or admin.");
            }

            if (PasswordProblem(password) is { } problem)
            {
                return AccountResult.Fail(problem);
            }

            if (await db.Accounts.AnyAsync(a => a.UserName == name, cancellationToken))
            {
                return AccountResult.Fail($"There is already an account named {name}.");
            }

            db.Accounts.Add(NewEntry(name, normalized, password));
            await db.SaveChangesAsync(cancellationToken);
            LogAccountChanged(logger, by.Name, "created", name);
            return AccountResult.Ok($"Created {name} ({normalized}).");
        }, cancellationToken);

    public Task<AccountResult> SetRoleAsync(Actor by, string userName, string role, CancellationToken cancellationToken) =>
        AsAdminAsync(by, async db =>
        {
            if (HomelabRoles.Normalize(role) is not { } normalized)
            {
                return AccountResult.Fail($"'{role}' is not a role: viewer, operator or admin.");
            }

            if (await db.Accounts.FirstOrDefaultAsync(a => a.UserName == userName, cancellationToken) is not { } account)
            {
                return AccountResult.Fail($"There is no account named {userName}.");
            }

            if (account.Role == HomelabRoles.Admin && normalized != HomelabRoles.Admin
                && await db.Accounts.CountAsync(a => a.Role == HomelabRoles.Admin, cancellationToken) <= 1)
            {
                return AccountResult.Fail($"{account.UserName} is the last admin; make someone else admin first.");
            }

            account.Role = normalized;
            account.SecurityStamp = NewStamp();
            await db.SaveChangesAsync(cancellationToken);
            Forget(account.UserName);
            LogAccountChanged(logger, by.Name, $"set the role to {normalized} of", account.UserName);
            return AccountResult.Ok($"{account.UserName} is now {normalized}.");
        }, cancellationToken);

    public Task<AccountResult> ResetPasswordAsync(Actor by, string userName, string newPassword, CancellationToken cancellationToken) =>
        AsAdminAsync(by, async db =>
        {
            if (PasswordProblem(newPassword) is { } problem)
            {
                return AccountResult.Fail(problem);
            }

            if (await db.Accounts.FirstOrDefaultAsync(a => a.UserName == userName, cancellationToken) is not { } account)
            {
                return AccountResult.Fail($"There is no account named {userName}.");
            }

            account.PasswordHash = hasher.Hash(newPassword);
            account.SecurityStamp = NewStamp();
            account.FailedAttempts = 0;
            account.LockedUntilUnixMs = null;
            await db.SaveChangesAsync(cancellationToken);
            Forget(account.UserName);
            LogAccountChanged(logger, by.Name, "reset the password of", account.UserName);
            return AccountResult.Ok($"The password of {account.UserName} was reset.");
        }, cancellationToken);

    public Task<AccountResult> UnlockAsync(Actor by, string userName, CancellationToken cancellationToken) =>
        AsAdminAsync(by, async db =>
        {
            if (await db.Accounts.FirstOrDefaultAsync(a => a.UserName == userName, cancellationToken) is not { } account)
            {
                return AccountResult.Fail($"There is no account named {userName}.");
            }

            account.FailedAttempts = 0;
            account.LockedUntilUnixMs = null;
            await db.SaveChangesAsync(cancellationToken);
            LogAccountChanged(logger, by.Name, "unlocked", account.UserName);
            return AccountResult.Ok($"{account.UserName} is unlocked.");
        }, cancellationToken);

    public Task<AccountResult> DeleteAsync(Actor by, string userName, CancellationToken cancellationToken) =>
        AsAdminAsync(by, async db =>
        {
            if (string.Equals(userName, by.Name, StringComparison.OrdinalIgnoreCase))
            {
                return AccountResult.Fail("You cannot delete your own account.");
            }

            if (await db.Accounts.FirstOrDefaultAsync(a => a.UserName == userName, cancellationToken) is not { } account)
            {
                return AccountResult.Fail($"There is no account named {userName}.");
            }

            if (account.Role == HomelabRoles.Admin && await db.Accounts.CountAsync(a => a.Role == HomelabRoles.Admin, cancellationToken) <= 1)
            {
                return AccountResult.Fail($"{account.UserName} is the last admin and cannot be deleted.");
            }

            db.Accounts.Remove(account);
            await db.SaveChangesAsync(cancellationToken);
            Forget(account.UserName);
            LogAccountChanged(logger, by.Name, "deleted", account.UserName);
            return AccountResult.Ok($"Deleted {account.UserName}.");
        }, cancellationToken);

    public async Task<AccountResult> ChangePasswordAsync(string userName, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        if (PasswordProblem(newPassword) is { } problem)
        {
            return AccountResult.Fail(problem);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Accounts.FirstOrDefaultAsync(a => a.UserName == userName, cancellationToken) is not { } account
            || !PasswordHasher.Verify(currentPassword, account.PasswordHash))
        {
            return AccountResult.Fail("The current password is wrong.");
        }

        account.PasswordHash = hasher.Hash(newPassword);
        account.SecurityStamp = NewStamp();
        await db.SaveChangesAsync(cancellationToken);
        Forget(account.UserName);
        LogAccountChanged(logger, userName, "changed the password of", userName);
        return AccountResult.Ok("Password changed. Sign in again with the new one.");
    }

    /// <summary>Turns on TOTP with <paramref name="secret"/> once <paramref name="code"/> proves the app has it.</summary>
    public async Task<AccountResult> EnableTotpAsync(string userName, string secret, string code, CancellationToken cancellationToken)
    {
        await _writes.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await db.Accounts.FirstOrDefaultAsync(a => a.UserName == userName, cancellationToken) is not { } account)
            {
                return AccountResult.Fail("There is no such account.");
            }

            if (totp.Verify(secret, code, lastStep: 0) is not { } step)
            {
                return AccountResult.Fail("That code does not match. Check the time on your phone and try the next code.");
            }

            account.TotpSecret = secret;
            account.TotpLastStep = step;
            account.SecurityStamp = NewStamp();
            await db.SaveChangesAsync(cancellationToken);
            Forget(account.UserName);
            LogAccountChanged(logger, userName, "turned on two-step sign-in for", userName);
            return AccountResult.Ok("Two-step sign-in is on. Sign in again with a code.");
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>Turns TOTP off; needs a current code, so a session left open cannot quietly remove it.</summary>
    public async Task<AccountResult> DisableTotpAsync(string userName, string code, CancellationToken cancellationToken)
    {
        await _writes.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await db.Accounts.FirstOrDefaultAsync(a => a.UserName == userName, cancellationToken) is not { TotpSecret: { } secret } account)
            {
                return AccountResult.Fail("Two-step sign-in is not on.");
            }

            if (totp.Verify(secret, code, account.TotpLastStep) is null)
            {
                return AccountResult.Fail("That code does not match (or was already used).");
            }

            account.TotpSecret = null;
            account.TotpLastStep = 0;
            account.SecurityStamp = NewStamp();
            await db.SaveChangesAsync(cancellationToken);
            Forget(account.UserName);
            LogAccountChanged(logger, userName, "turned off two-step sign-in for", userName);
            return AccountResult.Ok("Two-step sign-in is off. Sign in again.");
        }
        finally
        {
            _writes.Release();
        }
    }

    public void Dispose() => _writes.Dispose();

    /// <summary>Why <paramref name="password"/> is not acceptable, or null.</summary>
    public static string? PasswordProblem(string? password) =>
        password is null || password.Length < ValidateHomelabOptions.MinimumPasswordLength
            ? $"A password needs at least {ValidateHomelabOptions.MinimumPasswordLength} characters."
            : null;

    private async Task<AccountResult> AsAdminAsync(Actor by, Func<HomelabDbContext, Task<AccountResult>> change, CancellationToken cancellationToken)
    {
        if (!HomelabRoles.CanAdminister(by.Roles))
        {
            return AccountResult.Fail("Managing accounts needs the admin role.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await change(db);
    }

    private AccountEntry NewEntry(string name, string role, string password) => new()
    {
        UserName = name,
        Role = role,
        PasswordHash = hasher.Hash(password),
        SecurityStamp = NewStamp(),
        CreatedUnixMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
    };

    private AccountSummary Summarise(AccountEntry a)
    {
        var lockedUntil = a.LockedUntilUnixMs is { } ms && ms > time.GetUtcNow().ToUnixTimeMilliseconds() ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
        return new AccountSummary(a.UserName, a.Role, a.TotpSecret is not null, lockedUntil, lockedUntil is null ? a.FailedAttempts : 0);
    }

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    [LoggerMessage(5201, LogLevel.Information, "Created the initial admin account {UserName} from Homelab:Auth:Local:InitialAdmin; the setting can be removed now.")]
    private static partial void LogInitialAdminCreated(ILogger logger, string userName);

    [LoggerMessage(5202, LogLevel.Warning, "Failed sign-in as {UserName}.")]
    private static partial void LogSignInFailed(ILogger logger, string userName);

    [LoggerMessage(5203, LogLevel.Warning, "Account {UserName} locked after {Attempts} failed sign-ins, for {Duration}.")]
    private static partial void LogLockedOut(ILogger logger, string userName, int attempts, TimeSpan duration);

    [LoggerMessage(5204, LogLevel.Warning, "Sign-in attempt for the locked account {UserName}.")]
    private static partial void LogSignInWhileLocked(ILogger logger, string userName);

    [LoggerMessage(5205, LogLevel.Information, "{Actor} {Change} the account {UserName}.")]
    private static partial void LogAccountChanged(ILogger logger, string actor, string change, string userName);
}
