namespace Homelab.Dashboard.Model.Chat;

/// <summary>How a link in model output is treated: dropped, kept on the dashboard, or opened elsewhere.</summary>
public enum UrlKind
{
    /// <summary>A scheme other than http, https or mailto (javascript:, data:, vbscript:, file:, ...), or unreadable.</summary>
    Unsafe,

    /// <summary>A path on this dashboard (<c>/containers</c>, <c>#approval-…</c>, <c>?q=x</c>).</summary>
    Relative,

    /// <summary>http, https, mailto, or protocol-relative (<c>//host/path</c>).</summary>
    External,
}

/// <summary>An allow-list for URLs in model output: anything not plainly http, https, mailto or relative is unsafe.</summary>
public static class SafeUrl
{
    private static readonly string[] s_allowedSchemes = ["http", "https", "mailto"];

    public static UrlKind Classify(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return UrlKind.Unsafe;
        }

        // Browsers drop tabs, newlines and leading controls before reading the scheme ("java\tscript:" runs), so any
        // control character makes the link unsafe rather than something to clean up and guess about.
        foreach (var c in url)
        {
            if (char.IsControl(c))
            {
                return UrlKind.Unsafe;
            }
        }

        var trimmed = url.Trim();
        if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith(@"\\", StringComparison.Ordinal) || trimmed.StartsWith(@"/\", StringComparison.Ordinal))
        {
            // Protocol-relative: another host, so it is external (a backslash is read as a slash by browsers).
            return trimmed.Contains('\\', StringComparison.Ordinal) ? UrlKind.Unsafe : UrlKind.External;
        }

        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var firstDelimiter = trimmed.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (firstDelimiter >= 0 && firstDelimiter < colon))
        {
            // No scheme: a path, query or fragment on this site.
            return UrlKind.Relative;
        }

        var scheme = trimmed[..colon];
        return s_allowedSchemes.Any(s => string.Equals(s, scheme, StringComparison.OrdinalIgnoreCase))
            ? UrlKind.External
            : UrlKind.Unsafe;
    }
}
