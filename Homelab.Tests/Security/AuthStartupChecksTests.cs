using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Security;
using Homelab.Dashboard.Simulator;
using Homelab.Dashboard.Simulator.State;
using Homelab.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Homelab.Tests.Security;

public sealed class AuthStartupChecksTests
{
    private static async Task<List<(LogLevel Level, string Message)>> StartAsync(HomelabOptions options)
    {
        var wrapped = Options.Create(options);
        var simulator = new SimulatorHost(wrapped, new SimulatedHomelab(wrapped, TimeProvider.System), TimeProvider.System, NullLogger<SimulatorHost>.Instance);
        var logger = new CapturingLogger();
        var checks = new AuthStartupChecks(new StaticOptionsMonitor(options), new SourceCatalog(wrapped, simulator), new ServiceCollection().BuildServiceProvider(), logger);

        await checks.StartAsync(CancellationToken.None);
        return logger.Entries;
    }

    [Fact]
    public async Task Start_ModeNoneWithARealSource_WarnsThatNobodySignsIn()
    {
        var entries = await StartAsync(new HomelabOptions { Demo = false, Docker = { Hosts = [new DockerHostOptions { Name = "nas", Endpoint = "tcp://nas.lan:2375" }] } });

        var warning = Assert.Single(entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("Docker nas", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Homelab:Auth:Mode is None", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ModeNoneWithNoRealSource_SaysNothing() =>
        Assert.Empty(await StartAsync(new HomelabOptions { Demo = false }));

    private sealed class CapturingLogger : ILogger<AuthStartupChecks>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
