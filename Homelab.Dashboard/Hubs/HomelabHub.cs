using Homelab.Dashboard.Security;
using Homelab.Domain.Live;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Homelab.Dashboard.Hubs;

/// <summary>
/// The live homelab for clients outside Blazor (scripts, other dashboards, tests). Read-only: changes go through the
/// action path. Connect, then call <see cref="GetSnapshot"/>; changes arrive through <see cref="IHomelabHubClient"/>.
/// </summary>
/// <remarks>
/// Connecting needs the viewer role; every invocation is checked against it again. A method that changes anything
/// must add <c>[Authorize(Policy = HomelabPolicies.Operate)]</c> and go through the action path (a test holds every
/// public method to that).
/// </remarks>
[Authorize(Policy = HomelabPolicies.View)]
internal sealed class HomelabHub(ILiveHomelab live) : Hub<IHomelabHubClient>
{
    public const string Path = "/hubs/homelab";

    /// <summary>The current snapshot, with the version that later changes build on.</summary>
    public HomelabSnapshot GetSnapshot() => live.Current;
}
