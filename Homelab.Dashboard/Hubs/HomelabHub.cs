using Homelab.Domain.Live;
using Microsoft.AspNetCore.SignalR;

namespace Homelab.Dashboard.Hubs;

/// <summary>
/// The live homelab for clients outside Blazor (scripts, other dashboards, tests). Read-only: changes go through the
/// action path. Connect, then call <see cref="GetSnapshot"/>; changes arrive through <see cref="IHomelabHubClient"/>.
/// </summary>
internal sealed class HomelabHub(ILiveHomelab live) : Hub<IHomelabHubClient>
{
    public const string Path = "/hubs/homelab";

    /// <summary>The current snapshot, with the version that later changes build on.</summary>
    public HomelabSnapshot GetSnapshot() => live.Current;
}
