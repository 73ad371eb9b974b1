namespace Homelab.Dashboard.Components;

/// <summary>The theme choice is kept in a cookie so the server renders the right colours from the first byte.</summary>
internal static class ThemeCookie
{
    public const string Name = "homelab-theme";

    /// <summary>Dark unless the cookie says light.</summary>
    public static bool IsDark(string? value) => !string.Equals(value, "light", StringComparison.OrdinalIgnoreCase);
}
