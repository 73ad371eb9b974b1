using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Simulator;

/// <summary>
/// One running simulator per test class (xunit class fixture) for the Docker tests, with durations shrunk so stops
/// and crash loops take a fraction of a second. Tests that change state pick containers no other test uses.
/// </summary>
public sealed class DockerSimulatorFixture : IAsyncLifetime
{
    private SimulatorFixture? _simulator;

    internal SimulatorFixture Simulator => _simulator ?? throw new InvalidOperationException("Not started.");

    public Uri DockerUrl => Simulator.DockerUrl;

    public async ValueTask InitializeAsync() => _simulator = await SimulatorFixture.StartAsync(delayScale: 0.05);

    public async ValueTask DisposeAsync()
    {
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }
}
