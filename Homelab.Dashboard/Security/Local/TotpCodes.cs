using OtpNet;

namespace Homelab.Dashboard.Security.Local;

/// <summary>
/// Time-based one-time codes (RFC 6238: SHA-1, 6 digits, 30 s), as authenticator apps expect them. A code is accepted
/// one step either side of now (clock drift), and only for a step later than the last one accepted (no replay).
/// </summary>
internal sealed class TotpCodes(TimeProvider time)
{
    private static readonly VerificationWindow s_window = new(previous: 1, future: 1);

    /// <summary>A fresh 160-bit secret, Base32 as authenticator apps take it.</summary>
    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    /// <summary>The <c>otpauth://</c> URI an authenticator app scans.</summary>
    public static string EnrolmentUri(string secret, string userName) =>
        new OtpUri(OtpType.Totp, secret, userName, issuer: "Homelab Dashboard").ToString();

    /// <summary>
    /// The step <paramref name="code"/> belongs to, if it is valid now and newer than <paramref name="lastStep"/>;
    /// otherwise null. The caller stores the step so the same code cannot be used again.
    /// </summary>
    public long? Verify(string secret, string? code, long lastStep)
    {
        var digits = code?.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (digits is not { Length: 6 } || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        byte[] key;
        try
        {
            key = Base32Encoding.ToBytes(secret);
        }
        catch (ArgumentException)
        {
            return null;
        }

        var totp = new Totp(key);
        return totp.VerifyTotp(time.GetUtcNow().UtcDateTime, digits, out var step, s_window) && step > lastStep ? step : null;
    }

    /// <summary>The code for now; for tests and nothing else.</summary>
    internal string CodeNow(string secret) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(time.GetUtcNow().UtcDateTime);
}
