using Homelab.Domain.Common;

namespace Homelab.Domain.Containers;

/// <summary>All containers of one Docker host at one moment.</summary>
public sealed record ContainerHostSnapshot
{
    public required string Host { get; init; }

    public EquatableArray<Container> Containers { get; init; } = EquatableArray<Container>.Empty;

    /// <summary>When the host last answered with this data.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    public Container? Find(string id) => Containers.FirstOrDefault(c => c.Id == id);
}
