using System.Net;
using Homelab.Dashboard.Adapters.Gluetun;
using Homelab.Dashboard.Configuration;
using Homelab.Domain.Downloads;
using Homelab.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace Homelab.Tests.Dashboard.Simulator;

/// <summary>
/// One running simulator per test class for the gluetun tests. Durations are shrunk, but the tunnel's stopping (0.2 s)
/// and starting (0.6 s) stay long enough to be seen from outside. Tests that change the tunnel put it back.
/// </summary>
public sealed class GluetunSimulatorFixture : IAsyncLifetime
{
    private SimulatorFixture? _simulator;

    internal SimulatorFixture Simulator => _simulator ?? throw new InvalidOperationException("Not started.");

    public Uri GluetunUrl => Simulator.Endpoints.GluetunUrl!;

    public Uri DockerUrl => Simulator.DockerUrl;

    public string ApiKey => Simulator.Options.Simulator.GluetunApiKey;

    public async ValueTask InitializeAsync() => _simulator = await SimulatorFixture.StartAsync(delayScale: 0.2);

    public async ValueTask DisposeAsync()
    {
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }

    /// <summary>A plain client for the control server, sending the key unless told otherwise; never follows redirects.</summary>
    public HttpClient CreateHttpClient(bool withKey = true) => CreateHttpClient(Simulator, withKey);

    /// <inheritdoc cref="CreateHttpClient(bool)"/>
    internal static HttpClient CreateHttpClient(SimulatorFixture simulator, bool withKey = true)
    {
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = simulator.Endpoints.GluetunUrl, Timeout = TimeSpan.FromSeconds(15) };
        if (withKey)
        {
            http.DefaultRequestHeaders.Add("X-API-Key", simulator.Options.Simulator.GluetunApiKey);
        }

        return http;
    }

    /// <summary>The dashboard's real adapter, built the way the dashboard builds it, against this simulator.</summary>
    internal GluetunClient CreateAdapter(string? apiKey = null, TimeProvider? time = null) =>
        (GluetunClient)GluetunAdapterFactory.Create(
            new GluetunConnection(GluetunUrl, apiKey ?? ApiKey, Simulated: true),
            new GluetunOptions { RequestTimeout = TimeSpan.FromSeconds(10) },
            NullLoggerFactory.Instance,
            time ?? TimeProvider.System);

    /// <summary>Puts the tunnel back to running, and waits until it is, for the next test.</summary>
    public async Task RestoreTunnelAsync()
    {
        var homelab = Simulator.Homelab;
        homelab.SetVpnRunning(true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (homelab.ReadVpn().State != VpnState.Running)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>Stops or starts the gluetun container through the simulated Docker Engine API.</summary>
    public async Task SetContainerRunningAsync(bool running)
    {
        using var docker = new HttpClient { BaseAddress = DockerUrl, Timeout = TimeSpan.FromSeconds(15) };
        using var response = await docker.PostAsync(running ? "/v1.52/containers/gluetun/start" : "/v1.52/containers/gluetun/stop", null, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.NotModified, $"Docker answered {(int)response.StatusCode}");
    }
}
