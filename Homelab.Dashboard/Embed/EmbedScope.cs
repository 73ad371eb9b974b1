namespace Homelab.Dashboard.Embed;

/// <summary>What one embed token may read: one of the embed views, or the Homepage JSON API.</summary>
public enum EmbedScope
{
    Cluster,
    Containers,
    Torrents,
    Vpn,
    HomepageApi,
}

/// <summary>The scopes' wire names (stored, in claims and in URLs) and the embed views among them.</summary>
internal static class EmbedScopes
{
    /// <summary>The claim a token principal carries once per scope; it carries no role.</summary>
    public const string ClaimType = "homelab:scope";

    /// <summary>The scopes that are embed views, in the order the settings page lists them.</summary>
    public static IReadOnlyList<EmbedScope> Views { get; } = [EmbedScope.Cluster, EmbedScope.Containers, EmbedScope.Torrents, EmbedScope.Vpn];

    public static IReadOnlyList<EmbedScope> All { get; } = [.. Views, EmbedScope.HomepageApi];

    public static string Name(this EmbedScope scope) => scope switch
    {
        EmbedScope.Cluster => "cluster",
        EmbedScope.Containers => "containers",
        EmbedScope.Torrents => "torrents",
        EmbedScope.Vpn => "vpn",
        EmbedScope.HomepageApi => "homepage",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };

    public static string Title(this EmbedScope scope) => scope switch
    {
        EmbedScope.HomepageApi => "Homepage API",
        EmbedScope.Vpn => "VPN",
        _ => scope.ToString(),
    };

    public static bool TryParse(string? name, out EmbedScope scope)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name(), name, StringComparison.OrdinalIgnoreCase))
            {
                scope = candidate;
                return true;
            }
        }

        scope = default;
        return false;
    }

    /// <summary>The stored form: names joined by commas.</summary>
    public static string Join(IEnumerable<EmbedScope> scopes) => string.Join(',', scopes.Distinct().Order().Select(Name));

    /// <summary>Reads the stored form back; unknown names (from a newer version) are skipped, never widened.</summary>
    public static IReadOnlyList<EmbedScope> Split(string stored) =>
        [.. stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => TryParse(n, out var s) ? s : (EmbedScope?)null).OfType<EmbedScope>()];

    /// <summary>The authorization policy an endpoint of <paramref name="scope"/> uses.</summary>
    public static string Policy(this EmbedScope scope) => $"homelab:embed:{scope.Name()}";
}
