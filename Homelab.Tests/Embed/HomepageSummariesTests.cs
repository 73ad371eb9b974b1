using System.Text.Json;
using Homelab.Dashboard.Api;
using Homelab.Dashboard.Api.Homepage;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;
using static Homelab.Tests.Embed.EmbedTestData;

namespace Homelab.Tests.Embed;

public sealed class HomepageSummariesTests
{
    [Fact]
    public void Cluster_DemoSnapshot_CountsAndWeightedPercentagesFrom0To100()
    {
        var summary = HomepageSummaries.Cluster(Snapshot(), Now);

        Assert.Equal(2, summary.NodesOnline);
        Assert.Equal(3, summary.NodesTotal);
        Assert.Equal(31.3, summary.Cpu); // (0.5·4 + 0.25·12) / 16 threads = 31.25 %
        Assert.Equal(37.5, summary.Ram); // 12 of 32
        Assert.Equal(2, summary.GuestsRunning);
        Assert.Equal(3, summary.GuestsTotal); // the template is not a guest
        Assert.Equal("fresh", summary.Source);
    }

    [Fact]
    public void Cluster_NoData_ZerosAndUnconfigured()
    {
        var summary = HomepageSummaries.Cluster(HomelabSnapshot.Empty, Now);

        Assert.Equal(0, summary.NodesTotal);
        Assert.Equal(0, summary.Cpu);
        Assert.Equal("unconfigured", summary.Source);
        Assert.Null(summary.Updated);
    }

    [Fact]
    public void Containers_DemoSnapshot_CountsByStateAndHealth()
    {
        var summary = HomepageSummaries.Containers(Snapshot(), Now);

        Assert.Equal((2, 1, 1, 3), (summary.Running, summary.Stopped, summary.Unhealthy, summary.Total));
    }

    [Fact]
    public void Torrents_DemoSnapshot_CountsAndSpeedsInBytesPerSecond()
    {
        var summary = HomepageSummaries.Torrents(Snapshot(), Now);

        Assert.Equal((3, 1, 1, 1), (summary.Total, summary.Downloading, summary.Seeding, summary.Paused));
        Assert.Equal(1_000_000, summary.DownloadSpeed);
        Assert.Equal(200_000, summary.UploadSpeed);
    }

    [Fact]
    public void Vpn_RunningAndFresh_ConnectedWithAddress()
    {
        var summary = HomepageSummaries.Vpn(Snapshot(), Now);

        Assert.Equal(1, summary.Connected);
        Assert.Equal("203.0.113.7", summary.PublicIp);
        Assert.Equal("Netherlands", summary.Country);
    }

    [Fact]
    public void Vpn_SourceDown_NotConnected()
    {
        var summary = HomepageSummaries.Vpn(Snapshot(SourceHealth.Down), Now);

        Assert.Equal(0, summary.Connected);
        Assert.Equal("down", summary.Source);
    }

    [Fact]
    public void Json_ClusterSummary_SnakeCaseNumbersAsNumbers()
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(HomepageSummaries.Cluster(Snapshot(), Now), HomepageEndpoints.Json));
        var root = json.RootElement;

        Assert.Equal(JsonValueKind.Number, root.GetProperty("nodes_online").ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("cpu").ValueKind);
        Assert.Equal(31.3, root.GetProperty("cpu").GetDouble());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("guests_running").ValueKind);
        Assert.Equal("fresh", root.GetProperty("source").GetString());
    }

    [Fact]
    public void Json_VpnSummary_ConnectedIsANumber()
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(HomepageSummaries.Vpn(Snapshot(), Now), HomepageEndpoints.Json));

        Assert.Equal(1, json.RootElement.GetProperty("connected").GetInt32());
        Assert.Equal("203.0.113.7", json.RootElement.GetProperty("public_ip").GetString());
    }
}
