using Homelab.Dashboard.Configuration;
using Homelab.Domain.Actions;

namespace Homelab.Dashboard.Security;

/// <summary>Turns a proxy's or a provider's group names into our roles, through <c>Homelab:Auth:GroupRoles</c>.</summary>
internal static class GroupRoleMap
{
    /// <summary>
    /// The mapped roles of <paramref name="groups"/>; <see cref="AuthOptions.DefaultRole"/> when none maps. Group names
    /// that are themselves role names (viewer, operator, admin) count only through the map, so a proxy group named
    /// "admin" grants nothing unless configured.
    /// </summary>
    public static IReadOnlyList<string> Roles(IEnumerable<string> groups, AuthOptions auth)
    {
        // The options bind a case-sensitive dictionary from configuration; look up case-insensitively either way.
        var map = new Dictionary<string, string>(auth.GroupRoles, StringComparer.OrdinalIgnoreCase);
        var roles = groups
            .Select(g => g.Trim())
            .Where(g => g.Length > 0)
            .Select(g => map.TryGetValue(g, out var role) ? HomelabRoles.Normalize(role) : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return roles.Count > 0 ? roles : [HomelabRoles.Normalize(auth.DefaultRole) ?? HomelabRoles.Viewer];
    }

    /// <summary>Splits a comma-separated header value (<c>admins, homelab-ops</c>).</summary>
    public static IEnumerable<string> SplitHeader(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
