using Homelab.Domain.Cluster;
using Homelab.Domain.Containers;
using Homelab.Domain.Sources;

namespace Homelab.Tests.Shared;

/// <summary>Small, readable building blocks for tests.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static Container Container(string name, ContainerState state = ContainerState.Running, string host = "docker-server", ContainerHealth health = ContainerHealth.None) => new()
    {
        Host = host,
        Id = $"{name}-0000000000000000000000000000000000000000000000000000000000",
        Name = name,
        Image = $"example/{name}:latest",
        State = state,
        Health = health,
        StatusText = state == ContainerState.Running ? "Up 2 hours" : "Exited (0) 1 hour ago",
    };

    public static SourceStatus Source(string id, SourceKind kind = SourceKind.Docker) => new()
    {
        Id = id,
        Kind = kind,
        DisplayName = id,
        Endpoint = "http://127.0.0.1:1",
        Interval = TimeSpan.FromSeconds(3),
    };

    public static Guest Guest(int vmId, string name, GuestStatus status = GuestStatus.Running, string node = "pve", GuestKind kind = GuestKind.Lxc) => new()
    {
        VmId = vmId,
        Name = name,
        Node = node,
        Kind = kind,
        Status = status,
    };

    public static ClusterSnapshot Cluster(params ClusterNode[] nodes) => new()
    {
        Name = "HomeServer",
        Quorate = true,
        Nodes = nodes,
        UpdatedAt = Start,
    };

    public static ClusterNode Node(string name, NodeStatus status = NodeStatus.Online, double cpu = 0.1) => new()
    {
        Name = name,
        Status = status,
        Cpu = cpu,
        MaxCpu = 8,
        MemoryUsed = 8L << 30,
        MemoryTotal = 32L << 30,
        RootUsed = 20L << 30,
        RootTotal = 94L << 30,
    };
}
