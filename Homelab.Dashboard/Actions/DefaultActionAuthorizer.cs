using Homelab.Dashboard.Configuration;
using Homelab.Domain.Actions;
using Homelab.Domain.Ports;
using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Actions;

/// <summary>
/// The one permission check every change passes, whether clicked, approved for the agent or sent over the API:
/// the caller needs the operator role (or admin), and nothing passes while the dashboard is read-only.
/// </summary>
internal sealed class DefaultActionAuthorizer(IOptionsMonitor<HomelabOptions> options) : IActionAuthorizer
{
    public ValueTask<AuthorizationDecision> AuthorizeAsync(Actor actor, HomelabAction action, CancellationToken cancellationToken)
    {
        if (options.CurrentValue.Actions.ReadOnly)
        {
            return ValueTask.FromResult(AuthorizationDecision.Deny("the dashboard is read-only (Homelab:Actions:ReadOnly)"));
        }

        return ValueTask.FromResult(HomelabRoles.CanOperate(actor.Roles)
            ? AuthorizationDecision.Allow($"{actor.Name} may operate")
            : AuthorizationDecision.Deny($"{actor.Name} may not change anything: that needs the operator role"));
    }
}
