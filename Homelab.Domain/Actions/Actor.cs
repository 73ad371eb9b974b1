using Homelab.Domain.Common;

namespace Homelab.Domain.Actions;

/// <summary>How a request reached the dashboard.</summary>
public enum ActionVia
{
    Ui,
    Agent,
    Api,
}

/// <summary>Who asks for an action and through which door.</summary>
/// <param name="Roles">Roles granted to <paramref name="Name"/>; empty until sign-in exists.</param>
public sealed record Actor(string Name, ActionVia Via, EquatableArray<string> Roles)
{
    public Actor(string name, ActionVia via)
        : this(name, via, EquatableArray<string>.Empty)
    {
    }
}
