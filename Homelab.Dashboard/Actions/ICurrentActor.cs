using Homelab.Domain.Actions;

namespace Homelab.Dashboard.Actions;

/// <summary>Who is using this circuit; sign-in replaces the default later.</summary>
internal interface ICurrentActor
{
    Actor Actor { get; }
}

/// <summary>Before sign-in exists, everyone in the browser is the local user.</summary>
internal sealed class LocalUserActor : ICurrentActor
{
    public Actor Actor { get; } = new("local user", ActionVia.Ui);
}
