using System.Net;
using Homelab.Domain.Cluster;
using Homelab.Domain.Sources;
using static Homelab.Tests.Dashboard.Adapters.Proxmox.ProxmoxTestClient;

namespace Homelab.Tests.Dashboard.Adapters.Proxmox;

public sealed class ProxmoxClientClusterTests
{
    [Fact]
    public async Task GetClusterAsync_FullCluster_MapsEverythingInDomainUnits()
    {
        var (client, handler) = Create(Routes(("cluster/status", () => Data(ProxmoxWireSamples.ClusterStatus)), ("cluster/resources", () => Data(ProxmoxWireSamples.ClusterResources))));

        var cluster = (await client.GetClusterAsync(TestContext.Current.CancellationToken)).Value;

        Assert.Equal("homelab", cluster.Name);
        Assert.True(cluster.Quorate);
        Assert.Equal(Now, cluster.UpdatedAt);
        var pve1 = cluster.FindNode("pve1")!;
        Assert.Equal(NodeStatus.Online, pve1.Status);
        Assert.Equal(0.12, pve1.Cpu);
        Assert.Equal(16, pve1.MaxCpu);
        Assert.Equal(30064771072, pve1.MemoryUsed);
        Assert.Equal(67108864000, pve1.MemoryTotal);
        Assert.Equal(21474836480, pve1.RootUsed);
        Assert.Equal(100000000000, pve1.RootTotal);
        Assert.Equal(TimeSpan.FromDays(14), pve1.Uptime);
        Assert.Equal("10.0.0.5", pve1.Ip);

        var media = cluster.FindGuest(100)!;
        Assert.Equal(new GuestRef("pve1", GuestKind.Qemu, 100), media.Ref);
        Assert.Equal("media", media.Name);
        Assert.Equal(GuestStatus.Running, media.Status);
        Assert.Equal(0.0731, media.Cpu);
        Assert.Equal(4, media.MaxCpu);
        Assert.Equal(3221225472, media.Memory);
        Assert.Equal(8589934592, media.MaxMemory);
        Assert.Equal(68719476736, media.MaxDisk);
        Assert.Equal(TimeSpan.FromDays(1), media.Uptime);
        Assert.Equal(["media", "prod"], media.Tags);
        Assert.False(media.Template);
        Assert.Null(media.Lock);

        var dns = cluster.FindGuest(101)!;
        Assert.Equal(GuestKind.Lxc, dns.Kind);
        Assert.Equal(GuestStatus.Stopped, dns.Status);
        Assert.Null(dns.Cpu);
        Assert.Null(dns.Uptime);
        Assert.Equal("backup", dns.Lock);

        var lvm = Assert.Single(cluster.Storage);
        Assert.Equal("storage/pve1/local-lvm", lvm.Id);
        Assert.Equal("local-lvm", lvm.Name);
        Assert.Equal("pve1", lvm.Node);
        Assert.True(lvm.IsAvailable);
        Assert.Equal("lvmthin", lvm.PluginType);
        Assert.Equal(400000000000, lvm.Used);
        Assert.Equal(900000000000, lvm.Total);
        Assert.False(lvm.Shared);
        Assert.Equal(["images", "rootdir"], lvm.Content);

        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal($"PVEAPIToken={TokenId}={Secret}", r.Headers["Authorization"]));
        Assert.Equal(["https://pve1.lan:8006/api2/json/cluster/resources", "https://pve1.lan:8006/api2/json/cluster/status"], handler.Requests.Select(r => r.Uri.AbsoluteUri).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetClusterAsync_OfflineNode_HasNoFigures()
    {
        var (client, _) = Create(Routes(("cluster/status", () => Data(ProxmoxWireSamples.ClusterStatus)), ("cluster/resources", () => Data(ProxmoxWireSamples.ClusterResources))));

        var pve2 = (await client.GetClusterAsync(TestContext.Current.CancellationToken)).Value.FindNode("pve2")!;

        Assert.Equal(NodeStatus.Offline, pve2.Status);
        Assert.Null(pve2.Cpu);
        Assert.Null(pve2.MaxCpu);
        Assert.Null(pve2.MemoryUsed);
        Assert.Null(pve2.MemoryTotal);
        Assert.Null(pve2.Uptime);
        Assert.Equal("10.0.0.6", pve2.Ip);
    }

    [Fact]
    public async Task GetClusterAsync_MembershipSaysOffline_OverridesResourceStatus()
    {
        const string Status = """[{"type":"node","name":"pve1","nodeid":1,"online":0,"ip":"10.0.0.5"}]""";
        const string Resources = """[{"id":"node/pve1","type":"node","node":"pve1","status":"online","cpu":0.3,"maxcpu":4}]""";
        var (client, _) = Create(Routes(("cluster/status", () => Data(Status)), ("cluster/resources", () => Data(Resources))));

        var node = Assert.Single((await client.GetClusterAsync(TestContext.Current.CancellationToken)).Value.Nodes);

        Assert.Equal(NodeStatus.Offline, node.Status);
        Assert.Null(node.Cpu);
    }

    [Fact]
    public async Task GetClusterAsync_StandaloneHost_HasNoClusterNameOrQuorum()
    {
        const string Status = """[{"type":"node","id":"node/pve","name":"pve","nodeid":0,"online":1,"local":1,"ip":"192.168.1.2","level":""}]""";
        const string Resources = """[{"id":"node/pve","type":"node","node":"pve","status":"online","cpu":0.02,"maxcpu":4,"mem":1000,"maxmem":2000}]""";
        var (client, _) = Create(Routes(("cluster/status", () => Data(Status)), ("cluster/resources", () => Data(Resources))));

        var cluster = (await client.GetClusterAsync(TestContext.Current.CancellationToken)).Value;

        Assert.Null(cluster.Name);
        Assert.Null(cluster.Quorate);
        var node = Assert.Single(cluster.Nodes);
        Assert.Equal(NodeStatus.Online, node.Status);
        Assert.Equal("192.168.1.2", node.Ip);
    }

    [Fact]
    public async Task GetClusterAsync_MissingFieldsNullsAndNumbersAsStrings_ParsesWhatIsThere()
    {
        const string Resources = """
            [42, "noise", null,
             {"id":"qemu/300","type":"qemu","vmid":"300","node":"pve","status":"running","cpu":"0.5","maxcpu":"4",
              "mem":null,"maxmem":"2147483648.0","uptime":"60","template":"1","tags":null,"lock":""},
             {"id":"lxc/301","type":"lxc","node":"pve"},
             {"type":"qemu","name":"no id, no vmid","node":"pve"},
             {"type":"lxc","vmid":302},
             {"id":"node/pve","type":"node","status":"online","cpu":null,"maxcpu":"8","mem":1.5e9},
             {"id":"storage/pve/nfs","type":"storage","shared":1,"content":"backup"},
             {"type":"storage","storage":"orphan"}]
            """;
        var (client, _) = Create(Routes(("cluster/status", () => Data("[]")), ("cluster/resources", () => Data(Resources))));

        var cluster = (await client.GetClusterAsync(TestContext.Current.CancellationToken)).Value;

        var vm = cluster.FindGuest(300)!;
        Assert.Equal(0.5, vm.Cpu);
        Assert.Equal(4, vm.MaxCpu);
        Assert.Null(vm.Memory);
        Assert.Equal(2147483648, vm.MaxMemory);
        Assert.Equal(TimeSpan.FromMinutes(1), vm.Uptime);
        Assert.True(vm.Template);
        Assert.Empty(vm.Tags);
        Assert.Null(vm.Lock);
        Assert.Equal("VM 300", vm.Name);

        // The id carries the vmid when the field is missing; an entry with neither, or without a node, is skipped.
        var ct = cluster.FindGuest(301)!;
        Assert.Equal(GuestStatus.Unknown, ct.Status);
        Assert.Equal("CT 301", ct.Name);
        Assert.Equal(2, cluster.Guests.Count);

        var node = Assert.Single(cluster.Nodes);
        Assert.Equal("pve", node.Name);
        Assert.Null(node.Cpu);
        Assert.Equal(8, node.MaxCpu);
        Assert.Equal(1_500_000_000, node.MemoryUsed);

        var nfs = Assert.Single(cluster.Storage);
        Assert.Equal("nfs", nfs.Name);
        Assert.Equal("pve", nfs.Node);
        Assert.Equal("unknown", nfs.Status);
        Assert.True(nfs.Shared);
        Assert.Null(nfs.UsedFraction);
    }

    [Fact]
    public async Task GetClusterAsync_NodeOnlyInStatus_IsListedWithoutFigures()
    {
        const string Status = """[{"type":"cluster","name":"c","quorate":0},{"type":"node","name":"hidden","online":1,"ip":"10.0.0.9"}]""";
        var (client, _) = Create(Routes(("cluster/status", () => Data(Status)), ("cluster/resources", () => Data("[]"))));

        var cluster = (await client.GetClusterAsync(TestContext.Current.CancellationToken)).Value;

        Assert.False(cluster.Quorate);
        var node = Assert.Single(cluster.Nodes);
        Assert.Equal("hidden", node.Name);
        Assert.Equal(NodeStatus.Online, node.Status);
        Assert.Null(node.Cpu);
    }

    [Fact]
    public async Task GetClusterAsync_SameDataInAnotherOrder_GivesAnEqualSnapshot()
    {
        const string Forward = """[{"id":"lxc/2","type":"lxc","vmid":2,"node":"b"},{"id":"lxc/1","type":"lxc","vmid":1,"node":"a"},{"id":"node/b","type":"node","node":"b"},{"id":"node/a","type":"node","node":"a"}]""";
        const string Backward = """[{"id":"node/a","type":"node","node":"a"},{"id":"node/b","type":"node","node":"b"},{"id":"lxc/1","type":"lxc","vmid":1,"node":"a"},{"id":"lxc/2","type":"lxc","vmid":2,"node":"b"}]""";
        var (first, _) = Create(Routes(("cluster/status", () => Data("[]")), ("cluster/resources", () => Data(Forward))));
        var (second, _) = Create(Routes(("cluster/status", () => Data("[]")), ("cluster/resources", () => Data(Backward))));

        var a = (await first.GetClusterAsync(TestContext.Current.CancellationToken)).Value;
        var b = (await second.GetClusterAsync(TestContext.Current.CancellationToken)).Value;

        Assert.Equal(a, b);
    }

    [Fact]
    public async Task GetClusterAsync_StatusForbidden_StillReturnsTheSnapshotWithUnknownQuorum()
    {
        var (client, _) = Create(Routes(
            ("cluster/status", () => Error(403, "Permission check failed (/, Sys.Audit)")),
            ("cluster/resources", () => Data(ProxmoxWireSamples.ClusterResources))));

        var result = await client.GetClusterAsync(TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Null(result.Value.Quorate);
        Assert.Null(result.Value.Name);
        Assert.Equal(2, result.Value.Nodes.Count);
        Assert.Equal(NodeStatus.Offline, result.Value.FindNode("pve2")!.Status);
    }

    [Fact]
    public async Task GetClusterAsync_ResourcesFail_IsAFailure()
    {
        var (client, _) = Create(Routes(
            ("cluster/status", () => Data(ProxmoxWireSamples.ClusterStatus)),
            ("cluster/resources", () => Error(500, "cfs-lock 'file-replication_cfg' error: got lock request timeout"))));

        var result = await client.GetClusterAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.UpstreamError, result.Error?.Kind);
        Assert.Contains("cfs-lock", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetClusterAsync_StatusFailsOtherThanForbidden_IsAFailure()
    {
        var (client, _) = Create(Routes(
            ("cluster/status", () => Error(596, "Connection timed out")),
            ("cluster/resources", () => Data(ProxmoxWireSamples.ClusterResources))));

        var result = await client.GetClusterAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.NodeUnreachable, result.Error?.Kind);
    }

    [Theory]
    [InlineData("""{"data":{"nodes":[]}}""")]
    [InlineData("""{"data":null}""")]
    [InlineData("""{"nodes":[]}""")]
    [InlineData("""[1,2,3]""")]
    public async Task GetClusterAsync_DataMissingOrNotAList_IsInvalidResponse(string body)
    {
        var (client, _) = Create(Routes(
            ("cluster/status", () => Data(ProxmoxWireSamples.ClusterStatus)),
            ("cluster/resources", () => TestHttpMessageHandlerJson(body))));

        var result = await client.GetClusterAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.InvalidResponse, result.Error?.Kind);
    }

    private static HttpResponseMessage TestHttpMessageHandlerJson(string body) => Shared.TestHttpMessageHandler.Json(body, HttpStatusCode.OK);
}
