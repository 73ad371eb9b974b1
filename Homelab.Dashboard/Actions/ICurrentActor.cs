using Homelab.Dashboard.Security;
using Homelab.Domain.Actions;
using Microsoft.AspNetCore.Components.Authorization;

namespace Homelab.Dashboard.Actions;

/// <summary>Who is using this circuit (or this request), with the roles the action path checks.</summary>
internal interface ICurrentActor
{
    Actor Actor { get; }
}

/// <summary>The signed-in user of the circuit, as the authentication state Blazor received from the connection.</summary>
internal sealed class SignedInActor(AuthenticationStateProvider authentication) : ICurrentActor
{
    public Actor Actor
    {
        get
        {
            // On the server the state is known when the circuit starts; the task is already complete.
            var state = authentication.GetAuthenticationStateAsync();
            return HomelabPrincipal.ToActor(state.IsCompletedSuccessfully ? state.Result.User : null, ActionVia.Ui);
        }
    }
}
