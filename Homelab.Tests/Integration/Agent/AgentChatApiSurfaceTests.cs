using Homelab.Dashboard.Agent.Chat;
using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Conversations;
using Homelab.Domain.Containers;
using Homelab.Domain.Live;
using Homelab.Domain.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Homelab.Tests.Integration.Agent;

/// <summary>An API conversation: a state change parks an approval card, and a person approves it later in the dashboard.</summary>
public sealed class AgentChatApiSurfaceTests(HomelabAppFactory app) : IClassFixture<HomelabAppFactory>
{
    [Fact]
    public async Task ApiTurn_StateChange_EndsAwaitingApprovalAndRunsOnceApproved()
    {
        var live = app.Services.GetRequiredService<ILiveHomelab>();
        await HomelabAppFactory.WaitForAsync(() => live.Current.FindHost("docker-server")?.Containers.Any(c => c.Name == "bazarr" && c.State == ContainerState.Running) == true, TimeSpan.FromSeconds(15), "bazarr running");
        await using var chat = await AgentChatDriver.StartAsync(app.Services, ConversationSurface.Api);

        var summary = await AgentChatDriver.EndAsync(await chat.SendAsync("restart bazarr"));

        Assert.Equal(TurnOutcome.AwaitingApproval, summary.Outcome);
        var approvalId = Assert.Single(summary.PendingApprovals);
        Assert.Contains("approve", summary.Answer, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(await app.Services.GetRequiredService<IAuditLog>().RecentAsync(50, CancellationToken.None), a => a.Target == "container bazarr on docker-server");

        var decided = await chat.Chat.DecideAsync(chat.Id, approvalId, ApprovalDecision.Approve, AgentChatDriver.Tester, CancellationToken.None);

        Assert.True(decided.Accepted, decided.Message);
        Assert.StartsWith("succeeded", decided.Message, StringComparison.Ordinal);
        var audit = (await app.Services.GetRequiredService<IAuditLog>().RecentAsync(50, CancellationToken.None)).Single(a => a.Target == "container bazarr on docker-server");
        Assert.Equal(ActionVia.Agent, audit.Via);
        Assert.NotNull(audit.TraceId);
        var thread = await chat.Chat.GetAsync(chat.Id, CancellationToken.None);
        Assert.Equal(ApprovalState.Approved, thread!.Messages.Single(m => m.Id == approvalId).Approval);
        Assert.StartsWith("Approved by agent-tester", thread.Messages[^1].Text, StringComparison.Ordinal);
        Assert.False((await chat.Chat.DecideAsync(chat.Id, approvalId, ApprovalDecision.Approve, AgentChatDriver.Tester, CancellationToken.None)).Accepted);
    }

    [Fact]
    public async Task SendAsync_BadInput_IsRefusedWithAReason()
    {
        await using var chat = await AgentChatDriver.StartAsync(app.Services);

        var empty = await chat.Chat.SendAsync(chat.Id, "  ", AgentChatDriver.Tester, CancellationToken.None);
        var huge = await chat.Chat.SendAsync(chat.Id, new string('x', 8_001), AgentChatDriver.Tester, CancellationToken.None);
        var unknown = await chat.Chat.SendAsync(Guid.NewGuid(), "hello", AgentChatDriver.Tester, CancellationToken.None);
        var nobody = await chat.Chat.SendAsync(chat.Id, "list the containers", new Actor("anonymous", ActionVia.Ui), CancellationToken.None);

        Assert.False(empty.Started);
        Assert.Contains("empty", empty.Refusal, StringComparison.Ordinal);
        Assert.False(huge.Started);
        Assert.Contains("8,000", huge.Refusal, StringComparison.Ordinal);
        Assert.False(unknown.Started);
        Assert.False(nobody.Started);
        Assert.Contains("signed out", nobody.Refusal, StringComparison.Ordinal);
    }
}
