using Homelab.Dashboard.Actions;
using Homelab.Dashboard.Security;
using Homelab.Domain.Actions;
using Homelab.Domain.Containers;
using Homelab.Tests.Dashboard.Actions;
using Homelab.Tests.Shared;
using Microsoft.AspNetCore.Components.Authorization;

namespace Homelab.Tests.Security;

/// <summary>
/// The circuit's door: a page's button reaches ActionService as the circuit's signed-in user (SignedInActor), and
/// the server refuses a viewer whatever the page showed.
/// </summary>
public sealed class CircuitDoorTests
{
    private static readonly ContainerCommandRequest s_restartSonarr = new("docker-server", "sonarr-id", "sonarr", ContainerCommand.Restart);

    private static async Task<(ActionResult Result, TestActionExecutor Executor, ActionTestHost Host)> ClickAsync(string role)
    {
        var executor = new TestActionExecutor();
        var host = new ActionTestHost(_ => [executor]);
        var circuit = new SignedInActor(new FixedAuthenticationState(HomelabPrincipal.Create(ForwardAuthHandler.SchemeName, "vera", [role])));

        var result = await host.Service.ExecuteAsync(circuit.Actor, s_restartSonarr, CancellationToken.None);
        return (result, executor, host);
    }

    [Fact]
    public async Task Execute_ViewerOnTheCircuit_IsDeniedAuditedAndNeverRuns()
    {
        var (result, executor, host) = await ClickAsync(HomelabRoles.Viewer);

        Assert.Equal(ActionOutcome.Denied, result.Outcome);
        Assert.Empty(executor.Executed);
        var record = Assert.Single(host.Audit.Records);
        Assert.Equal("vera", record.Actor);
        Assert.Equal(ActionOutcome.Denied, record.Outcome);
    }

    [Fact]
    public async Task Execute_OperatorOnTheCircuit_Runs()
    {
        var (result, executor, _) = await ClickAsync(HomelabRoles.Operator);

        Assert.Equal(ActionOutcome.Succeeded, result.Outcome);
        Assert.Single(executor.Executed);
    }

    private sealed class FixedAuthenticationState(System.Security.Claims.ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
