namespace Homelab.Dashboard.Security.Local;

/// <summary>A local account as the accounts page lists it; never carries the hash or the TOTP secret.</summary>
internal sealed record AccountSummary(string UserName, string Role, bool TotpEnabled, DateTimeOffset? LockedUntil, int FailedAttempts);

/// <summary>The outcome of an account change, with the sentence the page shows.</summary>
internal sealed record AccountResult(bool Succeeded, string Message)
{
    public static AccountResult Ok(string message) => new(true, message);

    public static AccountResult Fail(string message) => new(false, message);
}

/// <summary>A successful password (and code) check: who signed in, and the stamp their cookie carries.</summary>
internal sealed record LocalSignIn(string UserName, string Role, string SecurityStamp);
