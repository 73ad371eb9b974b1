using System.Security.Claims;
using Homelab.Domain.Actions;
using Microsoft.AspNetCore.Authorization;

namespace Homelab.Dashboard.Security;

/// <summary>The authorization policies, one per role; each role includes the ones below it.</summary>
internal static class HomelabPolicies
{
    /// <summary>See the homelab: viewer or better. The fallback policy, so every endpoint needs at least this.</summary>
    public const string View = "homelab:view";

    /// <summary>Change the homelab and approve the agent's actions: operator or better.</summary>
    public const string Operate = "homelab:operate";

    /// <summary>Settings, tokens and accounts: admin.</summary>
    public const string Administer = "homelab:admin";

    public static AuthorizationPolicy ViewPolicy { get; } = Build(HomelabRoles.Viewer);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(View, ViewPolicy);
        options.AddPolicy(Operate, Build(HomelabRoles.Operator));
        options.AddPolicy(Administer, Build(HomelabRoles.Admin));
        options.FallbackPolicy = ViewPolicy;
    }

    /// <summary>The roles a principal holds, from its role claims.</summary>
    public static IEnumerable<string> Roles(ClaimsPrincipal user) =>
        user.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value);

    private static AuthorizationPolicy Build(string role) => new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireAssertion(context => HomelabRoles.Satisfies(Roles(context.User), role))
        .Build();
}
