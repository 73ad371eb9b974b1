namespace Homelab.Dashboard.Persistence.Accounts;

/// <summary>The stored shape of a local account (<c>Homelab:Auth:Mode</c> Local).</summary>
/// <remarks>Times are Unix milliseconds, as elsewhere in the database.</remarks>
public sealed class AccountEntry
{
    public long Id { get; set; }

    /// <summary>Unique, compared case-insensitively.</summary>
    public required string UserName { get; set; }

    /// <summary>viewer, operator or admin.</summary>
    public required string Role { get; set; }

    /// <summary>Self-describing (<c>pbkdf2-sha256$iterations$salt$hash</c>), so the algorithm can be upgraded later.</summary>
    public required string PasswordHash { get; set; }

    /// <summary>The Base32 TOTP secret, set once enrolment is confirmed.</summary>
    public string? TotpSecret { get; set; }

    /// <summary>The last TOTP time step accepted, so a code cannot be used twice.</summary>
    public long TotpLastStep { get; set; }

    public int FailedAttempts { get; set; }

    public long? LockedUntilUnixMs { get; set; }

    /// <summary>Changes when the password, role or TOTP changes, which ends the account's other sign-ins.</summary>
    public required string SecurityStamp { get; set; }

    public long CreatedUnixMs { get; set; }
}
