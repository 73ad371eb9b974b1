using Homelab.Dashboard.Actions;
using Homelab.Domain.Actions;
using Homelab.Domain.Cluster;
using Homelab.Domain.Containers;
using Homelab.Domain.Live;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Homelab.Tests.Integration;

/// <summary>Actions through the one path against the simulator, ending in the real SQLite audit log.</summary>
public sealed class ActionEndToEndTests(HomelabAppFactory app) : IClassFixture<HomelabAppFactory>
{
    private static readonly Actor s_tester = new("integration-test", ActionVia.Api, [HomelabRoles.Operator]);

    private async Task<Container> RunningContainerAsync(string name)
    {
        var live = app.Services.GetRequiredService<ILiveHomelab>();
        await HomelabAppFactory.WaitForAsync(() => live.Current.FindHost("docker-server")?.Containers.Any(c => c.Name == name && c.State == ContainerState.Running) == true, TimeSpan.FromSeconds(15), $"{name} running");
        return live.Current.FindHost("docker-server")!.Containers.Single(c => c.Name == name);
    }

    [Fact]
    public async Task Restart_Container_EndsRunningWithNewStartAndIsAudited()
    {
        var container = await RunningContainerAsync("radarr");
        var actions = app.Services.GetRequiredService<ActionService>();

        var result = await actions.ExecuteAsync(s_tester, new ContainerCommandRequest("docker-server", container.Id, container.Name, ContainerCommand.Restart), CancellationToken.None);

        Assert.Equal(ActionOutcome.Succeeded, result.Outcome);
        Assert.Matches(@"^running after \d+ (s|ms)$", result.Message);
        var audit = await ReadAuditAsync();
        Assert.Contains(audit, row => row is ("integration-test", "Api", "container.restart", "container radarr on docker-server", "Succeeded"));
    }

    [Fact]
    public async Task Shutdown_Guest_WaitsForStoppedAndSaysSo()
    {
        var actions = app.Services.GetRequiredService<ActionService>();
        var guest = new GuestRef("AIServer", GuestKind.Lxc, 104);

        var result = await actions.ExecuteAsync(s_tester, new GuestPowerRequest(guest, "work-env", PowerAction.Shutdown), CancellationToken.None);

        Assert.Equal(ActionOutcome.Succeeded, result.Outcome);
        Assert.Matches(@"^stopped after \d+ s$", result.Message);
        var live = app.Services.GetRequiredService<ILiveHomelab>();
        await HomelabAppFactory.WaitForAsync(() => live.Current.Cluster?.FindGuest(104)?.Status == GuestStatus.Stopped, TimeSpan.FromSeconds(5), "the store to show 104 stopped");

        var again = await actions.ExecuteAsync(s_tester, new GuestPowerRequest(guest, "work-env", PowerAction.Start), CancellationToken.None);
        Assert.Equal(ActionOutcome.Succeeded, again.Outcome);
        Assert.Contains(await ReadAuditAsync(), row => row.Action == "guest.shutdown" && row.Outcome == "Succeeded");
    }

    [Fact]
    public async Task Stop_ContainerTwiceAtOnce_ActsOnce()
    {
        var container = await RunningContainerAsync("prowlarr");
        var actions = app.Services.GetRequiredService<ActionService>();
        var request = new ContainerCommandRequest("docker-server", container.Id, container.Name, ContainerCommand.Stop);

        var results = await Task.WhenAll(actions.ExecuteAsync(s_tester, request, CancellationToken.None), actions.ExecuteAsync(s_tester, request with { }, CancellationToken.None));

        Assert.Same(results[0], results[1]);
        Assert.Single(await ReadAuditAsync(), row => row.Target == "container prowlarr on docker-server");
    }

    /// <summary>Reads the audit table straight from the SQLite file, as any other tool would.</summary>
    private async Task<List<(string Actor, string Via, string Action, string Target, string Outcome)>> ReadAuditAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Actor, Via, Action, Target, Outcome FROM audit_log ORDER BY Id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, string, string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }

        return rows;
    }
}
