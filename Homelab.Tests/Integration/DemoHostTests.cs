using System.Net;
using System.Text.Json;
using Homelab.Domain.Live;
using Microsoft.Extensions.DependencyInjection;

namespace Homelab.Tests.Integration;

/// <summary>The real host in demo mode, over real HTTP.</summary>
public sealed class DemoHostTests(HomelabAppFactory app) : IClassFixture<HomelabAppFactory>
{
    private HttpClient Client() => new() { BaseAddress = app.BaseAddress };

    [Theory]
    [InlineData("/", "Overview")]
    [InlineData("/cluster", "Cluster")]
    [InlineData("/containers", "Containers")]
    [InlineData("/sources", "Sources")]
    public async Task Page_DemoMode_Served(string path, string title)
    {
        using var client = Client();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(title, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/css/app.css", "text/css")]
    [InlineData("/js/app.js", "text/javascript")]
    [InlineData("/icons/icon.svg", "image/svg+xml")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css", "text/css")]
    [InlineData("/_framework/blazor.web.js", "text/javascript")]
    public async Task StaticAsset_FromTopLevelWebRootAndPackages_Served(string path, string contentType)
    {
        using var client = Client();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_DemoMode_ReportsEverySource()
    {
        var live = app.Services.GetRequiredService<ILiveHomelab>();
        await HomelabAppFactory.WaitForAsync(() => live.Current.Sources.Count == 4 && live.Current.Sources.All(s => s.LastSuccess is not null), TimeSpan.FromSeconds(15), "every source to answer");
        using var client = Client();

        using var health = JsonDocument.Parse(await client.GetStringAsync("/healthz"));

        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        var sources = health.RootElement.GetProperty("checks").GetProperty("sources").GetProperty("data");
        Assert.True(sources.TryGetProperty("proxmox", out _));
        Assert.True(sources.TryGetProperty("docker/docker-server", out _));
        Assert.True(sources.TryGetProperty("qbittorrent", out _));
        Assert.True(sources.TryGetProperty("gluetun", out _));
    }

    [Fact]
    public async Task Collectors_DemoMode_FillTheLiveStoreFromTheSimulator()
    {
        var live = app.Services.GetRequiredService<ILiveHomelab>();

        await HomelabAppFactory.WaitForAsync(() => live.Current.Cluster?.Nodes.Count == 3 && live.Current.FindHost("docker-server")?.Containers.Count >= 55, TimeSpan.FromSeconds(15), "cluster and containers");

        var snapshot = live.Current;
        Assert.Equal(["AIServer", "MediaServer", "pve"], snapshot.Cluster!.Nodes.Select(n => n.Name).Order());
        Assert.All(snapshot.Sources, s => Assert.True(s.Simulated));
        Assert.Contains(snapshot.Cluster.Storage, s => s.Name == "das");
    }
}
