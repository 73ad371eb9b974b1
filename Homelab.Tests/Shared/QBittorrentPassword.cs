using System.Security.Cryptography;

namespace Homelab.Tests.Shared;

/// <summary>
/// The WebUI password as qBittorrent (4.2 and later) stores it in <c>WebUI\Password_PBKDF2</c>:
/// PBKDF2-HMAC-SHA512, 100 000 iterations, a 16-byte salt and a 64-byte key, written as <c>base64(salt):base64(key)</c>.
/// </summary>
internal static class QBittorrentPassword
{
    private const int Iterations = 100_000;

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var key = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA512, 64);
        return $"{Convert.ToBase64String(salt)}:{Convert.ToBase64String(key)}";
    }
}
