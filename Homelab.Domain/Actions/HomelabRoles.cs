namespace Homelab.Domain.Actions;

/// <summary>
/// The three roles, from least to most trusted: a viewer sees, an operator also acts (and approves the agent's
/// actions), an admin also manages settings, tokens and accounts. Each role includes the ones below it.
/// </summary>
public static class HomelabRoles
{
    public const string Viewer = "viewer";
    public const string Operator = "operator";
    public const string Admin = "admin";

    /// <summary>Every role, least trusted first.</summary>
    public static IReadOnlyList<string> All { get; } = [Viewer, Operator, Admin];

    /// <summary>The canonical spelling of <paramref name="role"/>, or null when it is not one of ours.</summary>
    public static string? Normalize(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether someone holding <paramref name="roles"/> has at least <paramref name="required"/>.</summary>
    public static bool Satisfies(IEnumerable<string> roles, string required)
    {
        var needed = Rank(required);
        return needed >= 0 && roles.Any(r => Rank(r) >= needed);
    }

    public static bool CanOperate(IEnumerable<string> roles) => Satisfies(roles, Operator);

    public static bool CanAdminister(IEnumerable<string> roles) => Satisfies(roles, Admin);

    private static int Rank(string? role) => Normalize(role) switch
    {
        Viewer => 0,
        Operator => 1,
        Admin => 2,
        _ => -1,
    };
}
