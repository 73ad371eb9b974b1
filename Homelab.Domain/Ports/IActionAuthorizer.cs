using Homelab.Domain.Actions;

namespace Homelab.Domain.Ports;

/// <summary>
/// The one permission check every state change passes, whether it was clicked, asked for by the agent or sent to the API.
/// </summary>
public interface IActionAuthorizer
{
    ValueTask<AuthorizationDecision> AuthorizeAsync(Actor actor, HomelabAction action, CancellationToken cancellationToken);
}
