using Homelab.Dashboard.Actions;
using Homelab.Domain.Actions;

namespace Homelab.Tests.Shared;

/// <summary>The circuit's user for component tests: an operator called "local user" unless a test says otherwise.</summary>
internal sealed class TestCurrentActor : ICurrentActor
{
    public Actor Actor { get; set; } = new("local user", ActionVia.Ui, [HomelabRoles.Operator]);
}
