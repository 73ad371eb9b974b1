using System.Globalization;
using System.Security.Cryptography;

namespace Homelab.Dashboard.Security.Local;

/// <summary>
/// PBKDF2-SHA256 password hashes, stored as <c>pbkdf2-sha256$iterations$salt$hash</c> (Base64) so a later build can
/// raise the cost, or change the algorithm, and still read the old ones.
/// </summary>
internal sealed class PasswordHasher(int iterations = PasswordHasher.DefaultIterations)
{
    /// <summary>OWASP's 2023 figure for PBKDF2-HMAC-SHA256.</summary>
    public const int DefaultIterations = 600_000;

    private const string Algorithm = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Join('$', Algorithm, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Whether <paramref name="password"/> matches; a malformed or unknown hash never matches.</summary>
    public static bool Verify(string password, string stored)
    {
        if (!TryParse(stored, out var storedIterations, out var salt, out var expected))
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, storedIterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Whether a hash that just verified was made with weaker settings than today's, and should be redone.</summary>
    public bool NeedsRehash(string stored) => !TryParse(stored, out var storedIterations, out _, out _) || storedIterations < iterations;

    /// <summary>Burns the time of one verification, so an unknown user name answers as slowly as a wrong password.</summary>
    public void VerifyNothing(string password) =>
        Rfc2898DeriveBytes.Pbkdf2(password, new byte[SaltBytes], iterations, HashAlgorithmName.SHA256, HashBytes);

    private static bool TryParse(string stored, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Algorithm
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations < 1)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
            return hash.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
