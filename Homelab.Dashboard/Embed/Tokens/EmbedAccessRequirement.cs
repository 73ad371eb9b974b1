using Homelab.Dashboard.Security;
using Homelab.Domain.Actions;
using Microsoft.AspNetCore.Authorization;

namespace Homelab.Dashboard.Embed.Tokens;

/// <summary>A token whose scopes include <see cref="Scope"/>, or (when <see cref="AllowViewers"/>) a signed-in viewer.</summary>
internal sealed record EmbedAccessRequirement(EmbedScope Scope, bool AllowViewers) : IAuthorizationRequirement;

internal sealed class EmbedAccessHandler : AuthorizationHandler<EmbedAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, EmbedAccessRequirement requirement)
    {
        var scoped = context.User.HasClaim(EmbedScopes.ClaimType, requirement.Scope.Name());
        var viewer = requirement.AllowViewers && HomelabRoles.Satisfies(HomelabPolicies.Roles(context.User), HomelabRoles.Viewer);
        if (scoped || viewer)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
