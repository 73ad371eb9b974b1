using System.Security.Cryptography;
using System.Text;

namespace Homelab.Dashboard.Embed.Tokens;

/// <summary>
/// Makes token values and the hashes kept in their place. A token is 256 random bits, so one SHA-256 is enough: there
/// is nothing to guess that a slow hash would protect.
/// </summary>
internal static class EmbedTokenSecret
{
    /// <summary>Marks a value as an embed token, so a leaked one is recognisable (and greppable) for what it is.</summary>
    public const string Prefix = "hle_";

    private const int ValueLength = 47; // Prefix + 43 base64url characters for 32 bytes.

    public static string Create() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    /// <summary>Whether <paramref name="value"/> could be a token at all; anything else is rejected before hashing.</summary>
    public static bool LooksValid(string? value) =>
        value is { Length: ValueLength } && value.StartsWith(Prefix, StringComparison.Ordinal) && value.AsSpan(Prefix.Length).IndexOfAnyExcept(s_alphabet) < 0;

    /// <summary>Constant-time comparison, so response timing says nothing about how close a guess came.</summary>
    public static bool Matches(byte[] storedHash, byte[] presentedHash) => CryptographicOperations.FixedTimeEquals(storedHash, presentedHash);

    private static readonly System.Buffers.SearchValues<char> s_alphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
