using System.Text.Json.Serialization;
using System.Threading.Channels;
using Homelab.Dashboard.Hubs;
using Homelab.Domain.Cluster;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Homelab.Tests.Integration;

/// <summary>A non-Blazor client on <c>/hubs/homelab</c>, over a real WebSocket.</summary>
public sealed class HubTests(HomelabAppFactory app) : IClassFixture<HomelabAppFactory>
{
    private async Task<HubConnection> ConnectAsync()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, HomelabHub.Path))
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        await connection.StartAsync();
        return connection;
    }

    [Fact]
    public async Task GetSnapshot_DemoMode_HasTheSeedHomelab()
    {
        var live = app.Services.GetRequiredService<ILiveHomelab>();
        await HomelabAppFactory.WaitForAsync(() => live.Current.Cluster is not null && live.Current.FindHost("docker-server") is not null, TimeSpan.FromSeconds(15), "first data");
        await using var connection = await ConnectAsync();

        var snapshot = await connection.InvokeAsync<HomelabSnapshot>(nameof(HomelabHub.GetSnapshot));

        Assert.Equal(3, snapshot.Cluster!.Nodes.Count);
        Assert.True(snapshot.FindHost("docker-server")!.Containers.Count >= 55);
        Assert.Contains(snapshot.Sources, s => s.Id == "proxmox" && s.Kind == SourceKind.Proxmox);
    }

    [Fact]
    public async Task ClusterChanged_Streams_WithIncreasingVersions()
    {
        await using var connection = await ConnectAsync();
        var versions = Channel.CreateUnbounded<long>();
        connection.On<long, ClusterSnapshot>(nameof(IHomelabHubClient.ClusterChanged), (version, _) => versions.Writer.TryWrite(version));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var first = await versions.Reader.ReadAsync(timeout.Token);
        var second = await versions.Reader.ReadAsync(timeout.Token);

        Assert.True(second > first);
    }
}
