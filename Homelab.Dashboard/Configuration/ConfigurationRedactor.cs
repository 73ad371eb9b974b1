using System.Text.RegularExpressions;

namespace Homelab.Dashboard.Configuration;

/// <summary>
/// What the settings page may show of a configuration value: secrets (by key name) only as "set", and the password
/// part of any URL removed, so the page can list the whole configuration without leaking a credential.
/// </summary>
internal static partial class ConfigurationRedactor
{
    public const string Hidden = "•••••• (set, hidden)";

    /// <summary>Whether a key names a secret: passwords, token secrets, API keys, client secrets, key hashes.</summary>
    public static bool IsSecretKey(string key)
    {
        var last = key[(key.LastIndexOf(':') + 1)..];
        return SecretName().IsMatch(last);
    }

    /// <summary>The value as the settings page shows it.</summary>
    public static string Display(string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "(empty)";
        }

        if (IsSecretKey(key))
        {
            return Hidden;
        }

        // Credentials can also hide in URLs (http://user:pass@host); keep the user, drop the password.
        return UrlWithPassword().Replace(value, "${scheme}${user}:••••••@");
    }

    [GeneratedRegex("(secret|password|passwd|apikey|api_key|token$|sha256|hash|connectionstring|privatekey)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(?<scheme>[a-z][a-z0-9+.\-]*://)(?<user>[^:/@\s]+):[^@/\s]+@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlWithPassword();
}
