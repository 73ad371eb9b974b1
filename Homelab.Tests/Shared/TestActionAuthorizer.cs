using Homelab.Domain.Actions;
using Homelab.Domain.Ports;

namespace Homelab.Tests.Shared;

/// <summary>Allows everything unless <see cref="DenyWith"/> is set.</summary>
internal sealed class TestActionAuthorizer : IActionAuthorizer
{
    public string? DenyWith { get; set; }

    public ValueTask<AuthorizationDecision> AuthorizeAsync(Actor actor, HomelabAction action, CancellationToken cancellationToken) =>
        ValueTask.FromResult(DenyWith is { } reason ? AuthorizationDecision.Deny(reason) : AuthorizationDecision.Allow("test"));
}
