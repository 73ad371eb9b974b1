using System.Net.Http.Headers;
using System.Net.Http.Json;
using Homelab.Dashboard.Agent.Chat;
using Homelab.Dashboard.Api.Agent;
using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Conversations;
using Homelab.Domain.Containers;
using Homelab.Domain.Live;
using Homelab.Domain.Ports;
using Homelab.Tests.Integration;
using Homelab.Tests.Integration.Agent;
using Microsoft.Extensions.DependencyInjection;

namespace Homelab.Tests.Security;

/// <summary>
/// The real host's agent (simulated model, real tools and action path) with a viewer's API key, and the API allowed
/// to restart containers without a person: a viewer may ask, but whatever the agent tries on their behalf is denied.
/// </summary>
public sealed class ViewerAgentAppFactory : HomelabAppFactory
{
    public const string ViewerKey = "hl_viewer_5e7a1c3b9d";

    public ViewerAgentAppFactory()
    {
        Settings["Homelab:Agent:ApiKeys:0:Name"] = "viewer-bot";
        Settings["Homelab:Agent:ApiKeys:0:Sha256"] = AgentApiKeys.Hash(ViewerKey);
        Settings["Homelab:Agent:ApiKeys:0:Role"] = "viewer";
        Settings["Homelab:Agent:ApiAllowedTools:0"] = "restart_container";
    }
}

public sealed class AgentDoorTests(ViewerAgentAppFactory app) : IClassFixture<ViewerAgentAppFactory>
{
    private static readonly Actor s_viewer = new("vera", ActionVia.Ui, [HomelabRoles.Viewer]);
    private static readonly Actor s_operator = new("otto", ActionVia.Ui, [HomelabRoles.Operator]);

    private async Task WaitForBazarrAsync()
    {
        var live = app.Services.GetRequiredService<ILiveHomelab>();
        await HomelabAppFactory.WaitForAsync(() => live.Current.FindHost("docker-server")?.Containers.Any(c => c.Name == "bazarr" && c.State == ContainerState.Running) == true, TimeSpan.FromSeconds(15), "bazarr running");
    }

    private Task<IReadOnlyList<AuditRecord>> AuditAsync() => app.Services.GetRequiredService<IAuditLog>().RecentAsync(100, CancellationToken.None);

    [Fact]
    public async Task ApiKeyWithViewerRole_AsksForARestart_TheActionIsDeniedAndAudited()
    {
        await WaitForBazarrAsync();
        using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ViewerAgentAppFactory.ViewerKey);

        using var response = await client.PostAsJsonAsync("/api/ai/agent", new { message = "restart bazarr" }, TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        await HomelabAppFactory.WaitForAsync(() => AuditAsync().Result.Any(a => a.Actor == "viewer-bot"), TimeSpan.FromSeconds(20), "the viewer's audit record");
        var record = (await AuditAsync()).Single(a => a.Actor == "viewer-bot");
        Assert.Equal(ActionOutcome.Denied, record.Outcome);
        Assert.Equal("container bazarr on docker-server", record.Target);
    }

    [Fact]
    public async Task WebChat_ViewerApprovesACard_IsRefusedAndOnlyAnOperatorCanApprove()
    {
        await WaitForBazarrAsync();
        await using var chat = await AgentChatDriver.StartAsync(app.Services);
        var start = await chat.Chat.SendAsync(chat.Id, "restart bazarr", s_viewer, CancellationToken.None);
        Assert.True(start.Started, start.Refusal);
        var card = await chat.PendingApprovalAsync();

        var refused = await chat.Chat.DecideAsync(chat.Id, card.Message.Id, ApprovalDecision.Approve, s_viewer, CancellationToken.None);

        Assert.False(refused.Accepted);
        Assert.Equal(AgentChat.NeedsOperator, refused.Message);
        Assert.DoesNotContain(await AuditAsync(), a => a.Actor == "vera");
        var approved = await chat.Chat.DecideAsync(chat.Id, card.Message.Id, ApprovalDecision.Approve, s_operator, CancellationToken.None);
        Assert.True(approved.Accepted, approved.Message);
        var summary = await AgentChatDriver.EndAsync(start);
        Assert.Equal(ToolCallOutcome.Succeeded, summary.ToolCalls.Single(t => t.Tool == "restart_container").Outcome);
    }
}
