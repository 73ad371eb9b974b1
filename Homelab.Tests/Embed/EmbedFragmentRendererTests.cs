using Homelab.Dashboard.Embed;
using Homelab.Domain.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static Homelab.Tests.Embed.EmbedTestData;

namespace Homelab.Tests.Embed;

public sealed class EmbedFragmentRendererTests : IAsyncDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();
    private readonly EmbedFragmentRenderer _renderer;

    public EmbedFragmentRendererTests() => _renderer = new EmbedFragmentRenderer(_services.GetRequiredService<IServiceScopeFactory>(), NullLoggerFactory.Instance);

    [Fact]
    public async Task Render_Cluster_ShowsNodesSummaryAndWhenUpdated()
    {
        var html = await _renderer.RenderAsync(EmbedScope.Cluster, Snapshot(), Now);

        Assert.Contains("data-testid=\"embed-node-pve\"", html);
        Assert.Contains("data-testid=\"embed-node-AIServer\" class=\"off\"", html);
        Assert.Contains("<b>2/3</b> nodes", html);
        Assert.Contains("updated 2 s ago", html);
        Assert.Contains($"data-ts=\"{Now.AddSeconds(-2).ToUnixTimeMilliseconds()}\"", html);
        Assert.Contains("class=\"pill fresh\"", html);
    }

    [Fact]
    public async Task Render_SourceDown_SaysSo()
    {
        var html = await _renderer.RenderAsync(EmbedScope.Cluster, Snapshot(SourceHealth.Down), Now);

        Assert.Contains("class=\"pill down\"", html);
    }

    [Fact]
    public async Task Render_Containers_ListsTheOnesNeedingALook()
    {
        var html = await _renderer.RenderAsync(EmbedScope.Containers, Snapshot(), Now);

        Assert.Contains("embed-container-radarr", html);
        Assert.Contains("embed-container-mealie", html);
        Assert.DoesNotContain("embed-container-sonarr", html);
    }

    [Fact]
    public async Task Render_TorrentsAndVpn_ShowSpeedsAndAddress()
    {
        Assert.Contains("debian.iso", await _renderer.RenderAsync(EmbedScope.Torrents, Snapshot(), Now));
        var vpn = await _renderer.RenderAsync(EmbedScope.Vpn, Snapshot(), Now);
        Assert.Contains("203.0.113.7", vpn);
        Assert.Contains(">connected<", vpn);
    }

    [Fact]
    public async Task Render_NameWithMarkup_IsEncoded()
    {
        var snapshot = Snapshot();
        snapshot = snapshot with { Cluster = snapshot.Cluster! with { Nodes = new([new Homelab.Domain.Cluster.ClusterNode { Name = "<script>x</script>", Status = Homelab.Domain.Cluster.NodeStatus.Online }]) } };

        var html = await _renderer.RenderAsync(EmbedScope.Cluster, snapshot, Now);

        Assert.DoesNotContain("<script>", html);
    }

    public async ValueTask DisposeAsync()
    {
        await _renderer.DisposeAsync();
        await _services.DisposeAsync();
    }
}
