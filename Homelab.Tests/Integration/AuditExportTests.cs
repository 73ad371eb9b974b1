using Homelab.Dashboard.Actions;
using Homelab.Dashboard.Api;
using Homelab.Domain.Actions;
using Homelab.Domain.Containers;
using Homelab.Domain.Live;
using Microsoft.Extensions.DependencyInjection;

namespace Homelab.Tests.Integration;

/// <summary>The audit log's CSV download against the real host and its SQLite file.</summary>
public sealed class AuditExportTests(HomelabAppFactory app) : IClassFixture<HomelabAppFactory>
{
    [Fact]
    public async Task Export_AfterActionsThroughTwoDoors_ListsThemAndHonoursTheViaFilter()
    {
        var live = app.Services.GetRequiredService<ILiveHomelab>();
        await HomelabAppFactory.WaitForAsync(() => live.Current.FindHost("docker-server")?.Containers.Any(c => c.Name == "bazarr") == true, TimeSpan.FromSeconds(15), "bazarr listed");
        var bazarr = live.Current.FindHost("docker-server")!.Containers.Single(c => c.Name == "bazarr");
        var actions = app.Services.GetRequiredService<ActionService>();
        var request = new ContainerCommandRequest("docker-server", bazarr.Id, bazarr.Name, ContainerCommand.Restart);
        await actions.ExecuteAsync(new Actor("csv-api", ActionVia.Api, [HomelabRoles.Operator]), request, TestContext.Current.CancellationToken);
        await actions.ExecuteAsync(new Actor("csv-viewer", ActionVia.Ui, [HomelabRoles.Viewer]), request with { }, TestContext.Current.CancellationToken);
        using var client = app.CreateClient();

        using var all = await client.GetAsync(AuditExportEndpoints.Path, TestContext.Current.CancellationToken);
        var allText = await all.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var apiOnly = await client.GetStringAsync($"{AuditExportEndpoints.Path}?via=api", TestContext.Current.CancellationToken);

        Assert.Equal("text/csv", all.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("attachment;", all.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var lines = allText.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,at_utc,actor,via,action,target,outcome,message,duration_s,trace_id", lines[0]);
        Assert.Contains(lines, l => l.Contains(",csv-api,api,container.restart,container bazarr on docker-server,succeeded,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",csv-viewer,ui,container.restart,container bazarr on docker-server,denied,", StringComparison.Ordinal));
        Assert.Contains(",csv-api,api,", apiOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("csv-viewer", apiOnly, StringComparison.Ordinal);
    }
}
