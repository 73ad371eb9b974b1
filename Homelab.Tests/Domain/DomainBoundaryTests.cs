using Homelab.Domain.Live;

namespace Homelab.Tests.Domain;

public sealed class DomainBoundaryTests
{
    [Fact]
    public void DomainAssembly_ReferencesOnlyTheBaseLibrary()
    {
        var references = typeof(HomelabSnapshot).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        // The model and its rules must not depend on a host, a UI or a database; adapters depend on it, not the reverse.
        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal), $"Homelab.Domain references {name}"));
    }
}
