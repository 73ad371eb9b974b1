using Homelab.Dashboard.Actions;
using Homelab.Domain.Actions;
using Homelab.Domain.Containers;
using Homelab.Domain.Ports;
using Homelab.Domain.Sources;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Actions;

public sealed class ContainerCommandExecutorTests
{
    private readonly ActionTestHost _host = new();
    private readonly TestContainerSource _docker = new();

    public ContainerCommandExecutorTests() => _host.Sources.Populate(null, new Dictionary<string, IContainerSource> { ["docker-server"] = _docker }, []);

    private Task<ActionResult> RunAsync(ContainerCommand command, string id = "sonarr-id")
    {
        var executor = new ContainerCommandExecutor(_host.Sources, _host.WrappedOptions, _host.Time);
        var request = new ContainerCommandRequest("docker-server", id, "sonarr", command);
        return _host.RunClockUntilAsync(executor.ExecuteAsync(request, _host.Time.GetTimestamp(), _host.Time.GetUtcNow() + TimeSpan.FromSeconds(60), CancellationToken.None));
    }

    [Fact]
    public async Task Execute_Stop_WaitsForExited()
    {
        _docker.Add("sonarr");
        var stopping = Task.Run(async () =>
        {
            await Task.Delay(50);
            _docker.Update("sonarr-id", c => c with { State = ContainerState.Exited, ExitCode = 0 });
        });

        var result = await RunAsync(ContainerCommand.Stop);
        await stopping;

        Assert.Equal(ActionOutcome.Succeeded, result.Outcome);
        Assert.Matches(@"^exited after \d+ (s|ms)$", result.Message);
        Assert.Equal(("sonarr-id", ContainerCommand.Stop), Assert.Single(_docker.Commands));
    }

    [Fact]
    public async Task Execute_Restart_NeedsANewStartTime()
    {
        var before = _docker.Add("sonarr");
        _docker.Command = (_, _) =>
        {
            // The daemon answered, but the container has not come back yet: same start time for a while.
            _ = Task.Run(async () =>
            {
                await Task.Delay(100);
                _docker.Update("sonarr-id", c => c with { StartedAt = before.StartedAt!.Value.AddMinutes(5) });
            });
            return SourceResult<ContainerCommandOutcome>.Ok(ContainerCommandOutcome.Done);
        };

        var result = await RunAsync(ContainerCommand.Restart);

        Assert.Equal(ActionOutcome.Succeeded, result.Outcome);
        Assert.StartsWith("running after", result.Message, StringComparison.Ordinal);
        Assert.True(_docker.InspectCalls >= 2);
    }

    [Fact]
    public async Task Execute_StartWhenRunning_SaysAlreadyRunningWithoutCommand()
    {
        _docker.Add("sonarr");

        var result = await RunAsync(ContainerCommand.Start);

        Assert.Equal("already running", result.Message);
        Assert.Empty(_docker.Commands);
    }

    [Fact]
    public async Task Execute_NeverExits_SaysStillRunningAfterTimeout()
    {
        _docker.Add("sonarr");

        var result = await RunAsync(ContainerCommand.Stop);

        Assert.Equal(ActionOutcome.TimedOut, result.Outcome);
        Assert.StartsWith("still running after 6", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_DockerRefuses_ReportsDockerMessage()
    {
        _docker.Add("sonarr", ContainerState.Exited);
        _docker.Command = (_, _) => SourceResult<ContainerCommandOutcome>.Fail(SourceErrorKind.UpstreamError, "driver failed programming external connectivity", 500);

        var result = await RunAsync(ContainerCommand.Start);

        Assert.Equal(ActionOutcome.Failed, result.Outcome);
        Assert.Equal("Docker refused: driver failed programming external connectivity", result.Message);
    }

    [Fact]
    public async Task Execute_UnknownContainer_FailsPlainly()
    {
        var result = await RunAsync(ContainerCommand.Restart, id: "nope");

        Assert.Equal(ActionOutcome.Failed, result.Outcome);
        Assert.Contains("No such container", result.Message, StringComparison.Ordinal);
    }
}
