using Homelab.Dashboard.Adapters.Docker;
using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Simulator.Docker;
using Homelab.Dashboard.Simulator.State;
using Homelab.Domain.Containers;
using Homelab.Domain.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Homelab.Tests.Dashboard.Adapters.Docker;

/// <summary>The adapter over a real Unix domain socket, the way it reaches /var/run/docker.sock.</summary>
public sealed class DockerUnixSocketTests : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("homelab-docker-sock-");
    private WebApplication? _server;

    private string SocketPath => Path.Combine(_folder.FullName, "docker.sock");

    public async ValueTask InitializeAsync()
    {
        // The simulated Engine API, served on a socket file instead of TCP.
        var options = Microsoft.Extensions.Options.Options.Create(new HomelabOptions { Simulator = { DelayScale = 0.05 } });
        var homelab = new SimulatedHomelab(options, TimeProvider.System);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.ListenUnixSocket(SocketPath));
        builder.Services.AddRoutingCore();
        _server = builder.Build();
        DockerSimulatorApi.Map(_server, homelab);
        await _server.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync(CancellationToken.None);
            await _server.DisposeAsync();
        }

        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task ListAsync_UnixSocketEndpoint_TalksToTheEngineThroughTheSocket()
    {
        var client = Create($"unix://{SocketPath}");

        var result = await client.ListAsync(TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.True(result.Value.Count >= 55);
        Assert.Contains(result.Value, c => c.Name == "jellyfin" && c.State == ContainerState.Running);
    }

    [Fact]
    public async Task OpenLogsAsync_UnixSocketEndpoint_StreamsFrames()
    {
        var client = Create($"unix://{SocketPath}");

        var opened = await client.OpenLogsAsync("sonarr", new LogRequest(Tail: 3), TestContext.Current.CancellationToken);
        var lines = await DockerTestClients.ToListAsync(opened.Value);

        Assert.Equal(3, lines.Count);
        Assert.All(lines, line => Assert.NotNull(line.Timestamp));
    }

    [Fact]
    public async Task ListAsync_NoSocketFile_IsUnreachableNamingThePath()
    {
        var missing = Path.Combine(_folder.FullName, "missing.sock");
        var client = Create($"unix://{missing}");

        var result = await client.ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.Unreachable, result.Error?.Kind);
        Assert.Contains($"no Docker socket at {missing}", result.Error!.Message, StringComparison.Ordinal);
    }

    private static Homelab.Domain.Ports.IContainerSource Create(string endpoint) =>
        DockerAdapterFactory.Create(new DockerConnection("docker-server", DockerEndpoint.Parse(endpoint), Simulated: false), new DockerOptions(), NullLoggerFactory.Instance, TimeProvider.System);
}
