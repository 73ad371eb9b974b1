namespace Homelab.Dashboard.Configuration;

/// <summary>SHA-256 certificate fingerprints in the forms people paste them.</summary>
internal static class CertificateFingerprint
{
    /// <summary>Upper-case hex without separators, or null if <paramref name="value"/> is not a SHA-256 fingerprint.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var hex = value.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Trim();
        return hex.Length == 64 && hex.All(Uri.IsHexDigit) ? hex.ToUpperInvariant() : null;
    }

    /// <summary>AA:BB:… as Proxmox shows it.</summary>
    public static string Format(string normalized) => string.Join(':', normalized.Chunk(2).Select(c => new string(c)));
}
