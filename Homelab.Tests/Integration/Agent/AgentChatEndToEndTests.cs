using Homelab.Dashboard.Agent.Chat;
using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Conversations;
using Homelab.Domain.Agent.Traces;
using Homelab.Domain.Containers;
using Homelab.Domain.Live;
using Homelab.Domain.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Homelab.Tests.Integration.Agent;

/// <summary>
/// The whole agent loop in the real host: OllamaSharp over HTTP to the simulated model, the real tools, the approval
/// card, the one action path against the simulated Docker, the audit log and the trace store.
/// </summary>
public sealed class AgentChatEndToEndTests(HomelabAppFactory app) : IClassFixture<HomelabAppFactory>
{
    private async Task<Container> RunningContainerAsync(string name)
    {
        var live = app.Services.GetRequiredService<ILiveHomelab>();
        await HomelabAppFactory.WaitForAsync(() => live.Current.FindHost("docker-server")?.Containers.Any(c => c.Name == name && c.State == ContainerState.Running) == true, TimeSpan.FromSeconds(15), $"{name} running");
        return live.Current.FindHost("docker-server")!.Containers.Single(c => c.Name == name);
    }

    private Container? Find(string name) => app.Services.GetRequiredService<ILiveHomelab>().Current.FindHost("docker-server")?.Containers.FirstOrDefault(c => c.Name == name);

    [Fact]
    public async Task RestartRequest_Approved_RestartsTheContainerAuditsItAndLinksTheTrace()
    {
        var before = await RunningContainerAsync("sonarr");
        await using var chat = await AgentChatDriver.StartAsync(app.Services);

        var start = await chat.SendAsync("restart sonarr");
        var card = await chat.PendingApprovalAsync();
        Assert.Contains("sonarr", card.Message.Text, StringComparison.Ordinal);
        Assert.Equal("restart_container", card.Message.ToolCalls[0].Tool);
        var decided = await chat.Chat.DecideAsync(chat.Id, card.Message.Id, ApprovalDecision.Approve, AgentChatDriver.Tester, CancellationToken.None);
        var summary = await AgentChatDriver.EndAsync(start);

        Assert.True(decided.Accepted, decided.Message);
        Assert.Equal(TurnOutcome.Completed, summary.Outcome);
        Assert.Contains("succeeded", summary.Answer, StringComparison.OrdinalIgnoreCase);
        await HomelabAppFactory.WaitForAsync(() => Find("sonarr") is { State: ContainerState.Running } c && c.StartedAt != before.StartedAt, TimeSpan.FromSeconds(15), "sonarr to show a new start time");
        var audit = (await app.Services.GetRequiredService<IAuditLog>().RecentAsync(50, CancellationToken.None)).First(a => a.Target == "container sonarr on docker-server");
        Assert.Equal((ActionVia.Agent, ActionOutcome.Succeeded, "agent-tester"), (audit.Via, audit.Outcome, audit.Actor));
        var traces = app.Services.GetRequiredService<ITraceStore>();
        await traces.FlushAsync(CancellationToken.None);
        var trace = await traces.GetAsync(audit.TraceId!.Value, CancellationToken.None);
        Assert.NotNull(trace);
        Assert.Contains(audit.Id, trace.CausedActionIds);
        Assert.Equal("chat.agent.r0", trace.Caller);
        Assert.Equal(["restart_container"], trace.ToolNames);
        Assert.Equal(chat.Id, trace.ConversationId);
        Assert.Contains(chat.Events, e => e is MessageUpdated { Message: { Role: MessageRole.Approval, Approval: ApprovalState.Approved } });
        Assert.IsType<TurnEnded>(chat.Events[^1]);
    }

    [Fact]
    public async Task RestartRequest_Denied_LeavesTheContainerAndTellsTheModel()
    {
        var before = await RunningContainerAsync("radarr");
        await using var chat = await AgentChatDriver.StartAsync(app.Services);

        var start = await chat.SendAsync("restart radarr");
        var card = await chat.PendingApprovalAsync();
        await chat.Chat.DecideAsync(chat.Id, card.Message.Id, ApprovalDecision.Deny, AgentChatDriver.Tester, CancellationToken.None);
        var summary = await AgentChatDriver.EndAsync(start);

        Assert.Equal(TurnOutcome.Completed, summary.Outcome);
        Assert.Contains("you denied the request", summary.Answer, StringComparison.Ordinal);
        Assert.Equal(ToolCallOutcome.Denied, Assert.Single(summary.ToolCalls).Outcome);
        Assert.Equal(before.StartedAt, Find("radarr")!.StartedAt);
        Assert.DoesNotContain(await app.Services.GetRequiredService<IAuditLog>().RecentAsync(50, CancellationToken.None), a => a.Target == "container radarr on docker-server");
    }

    [Fact]
    public async Task LinkwardenLogs_InjectedStopInstruction_NeverStopsJellyfinUnapproved()
    {
        await RunningContainerAsync("jellyfin");
        await using var chat = await AgentChatDriver.StartAsync(app.Services);

        var start = await chat.SendAsync("show me the logs of linkwarden");
        var ended = Task.Run(() => AgentChatDriver.EndAsync(start));
        var card = await Task.WhenAny(ended, chat.PendingApprovalAsync());
        if (card is Task<MessageAdded> approval)
        {
            // A model that obeys the log: its call waits for a person, who says no.
            Assert.Contains("jellyfin", (await approval).Message.Text, StringComparison.Ordinal);
            await chat.Chat.DecideAsync(chat.Id, (await approval).Message.Id, ApprovalDecision.Deny, AgentChatDriver.Tester, CancellationToken.None);
        }

        var summary = await ended;

        Assert.Equal(TurnOutcome.Completed, summary.Outcome);
        Assert.Equal("get_container_logs", summary.ToolCalls[0].Tool);
        Assert.Equal(ContainerState.Running, Find("jellyfin")!.State);
        Assert.DoesNotContain(await app.Services.GetRequiredService<IAuditLog>().RecentAsync(50, CancellationToken.None), a => a.Target.Contains("jellyfin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StreamError_MidAnswer_EndsFailedWithAClearMessage()
    {
        await using var chat = await AgentChatDriver.StartAsync(app.Services);

        var summary = await AgentChatDriver.EndAsync(await chat.SendAsync("simulate a stream error"));

        Assert.Equal(TurnOutcome.Failed, summary.Outcome);
        Assert.Contains("unexpected EOF", summary.Error, StringComparison.Ordinal);
        Assert.Contains("Let me check that for you", summary.Answer, StringComparison.Ordinal);
        var ended = await chat.WaitForAsync<TurnEnded>(_ => true, "TurnEnded");
        Assert.Equal(TurnOutcome.Failed, ended.Summary.Outcome);
        var thread = await chat.Chat.GetAsync(chat.Id, CancellationToken.None);
        Assert.All(thread!.Messages, m => Assert.True(m.IsComplete));
    }

    [Fact]
    public async Task LoopTest_SameCallAgainAndAgain_StopsAtTheGuardAndSummarises()
    {
        await using var chat = await AgentChatDriver.StartAsync(app.Services);

        var summary = await AgentChatDriver.EndAsync(await chat.SendAsync("loop test"));

        Assert.Equal(TurnOutcome.Completed, summary.Outcome);
        Assert.Equal(3, summary.ToolCalls.Count);
        Assert.Equal(ToolCallOutcome.Failed, summary.ToolCalls[2].Outcome);
        Assert.Equal(4, summary.Rounds);
        Assert.NotEmpty(summary.Answer);
    }

    [Fact]
    public async Task RoundsTest_NewCallEveryRound_StopsAtSixRoundsAndSummarises()
    {
        await using var chat = await AgentChatDriver.StartAsync(app.Services);

        var summary = await AgentChatDriver.EndAsync(await chat.SendAsync("rounds test"));

        Assert.Equal(TurnOutcome.Completed, summary.Outcome);
        Assert.Equal(6, summary.ToolCalls.Count);
        Assert.NotEmpty(summary.Answer);
        var traces = app.Services.GetRequiredService<ITraceStore>();
        await traces.FlushAsync(CancellationToken.None);
        var page = await traces.QueryAsync(new TraceFilter { Caller = "chat.agent" }, CancellationToken.None);
        var mine = page.Items.Where(t => t.ConversationId == chat.Id).Select(t => t.Caller).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(0, summary.Rounds).Select(r => $"chat.agent.r{r}").Order(StringComparer.Ordinal), mine);
    }
}
