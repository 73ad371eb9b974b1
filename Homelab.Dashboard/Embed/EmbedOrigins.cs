namespace Homelab.Dashboard.Embed;

/// <summary>Checks and normalises the origins CSP <c>frame-ancestors</c> lists.</summary>
internal static class EmbedOrigins
{
    /// <summary>
    /// <paramref name="value"/> as <c>scheme://host[:port]</c> (lower case, default port dropped), or an error: an origin
    /// has no path, query, fragment or credentials, and a CSP source cannot carry anything else safely.
    /// </summary>
    public static bool TryNormalize(string? value, out string origin, out string error)
    {
        origin = "";
        error = "";
        var text = value?.Trim() ?? "";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            error = $"'{value}' is not an origin; expected scheme://host[:port], e.g. https://home.example.com.";
            return false;
        }

        if (uri.AbsolutePath != "/" || text.TrimEnd('/').Length < text.Length - 1 || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            error = $"'{value}' is not an origin: leave out the path, query, fragment and credentials (e.g. https://home.example.com).";
            return false;
        }

        // Characters CSP uses as separators would let a setting inject directives.
        if (text.AsSpan().IndexOfAny(";, '\"") >= 0)
        {
            error = $"'{value}' contains characters an origin cannot.";
            return false;
        }

        origin = uri.IsDefaultPort ? $"{uri.Scheme}://{uri.IdnHost}" : $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}";
        return true;
    }

    /// <summary>The valid origins of <paramref name="values"/>, normalised; invalid ones were refused at start-up.</summary>
    public static IReadOnlyList<string> Normalize(IEnumerable<string> values) =>
        [.. values.Select(v => TryNormalize(v, out var o, out _) ? o : null).OfType<string>().Distinct(StringComparer.Ordinal)];
}
