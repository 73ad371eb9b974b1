using Homelab.Dashboard.Configuration;
using Homelab.Domain.Actions;
using Homelab.Domain.Ports;
using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Actions;

/// <summary>
/// The permission check until sign-in and roles exist: everything is allowed unless the dashboard is configured
/// read-only. Every caller (UI, agent, API) already goes through this one seam.
/// </summary>
internal sealed class DefaultActionAuthorizer(IOptionsMonitor<HomelabOptions> options) : IActionAuthorizer
{
    public ValueTask<AuthorizationDecision> AuthorizeAsync(Actor actor, HomelabAction action, CancellationToken cancellationToken) =>
        ValueTask.FromResult(options.CurrentValue.Actions.ReadOnly
            ? AuthorizationDecision.Deny("the dashboard is read-only (Homelab:Actions:ReadOnly)")
            : AuthorizationDecision.Allow("no roles configured"));
}
