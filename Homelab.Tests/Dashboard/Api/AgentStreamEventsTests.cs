using Homelab.Dashboard.Agent.Chat;
using Homelab.Dashboard.Api.Agent;
using Homelab.Domain.Agent.Conversations;
using Microsoft.AspNetCore.Http;

namespace Homelab.Tests.Dashboard.Api;

public sealed class AgentStreamEventsTests
{
    private static readonly Guid s_conversation = Guid.CreateVersion7();

    [Fact]
    public void Translate_BeforeTurnStarted_DropsEarlierTurnsEvents()
    {
        var events = Events();

        Assert.Empty(events.Translate(new TextDelta(s_conversation, Guid.NewGuid(), "stale")));
        Assert.Equal("turn_started", Assert.Single(events.Translate(new TurnStarted(s_conversation))).Name);
        Assert.Equal("token", Assert.Single(events.Translate(new TextDelta(s_conversation, Guid.NewGuid(), "new"))).Name);
    }

    [Fact]
    public void Translate_ToolCardUpdatedTwice_SendsCallAndResultOnce()
    {
        var events = Started();
        var running = new ToolCallCard("c1", "list_containers", "{}", null, null, ToolCallOutcome.Running);
        var finished = running with { ResultPreview = "55 containers", Duration = TimeSpan.FromMilliseconds(80), Outcome = ToolCallOutcome.Succeeded };
        var message = Message(MessageRole.Tool, running);

        var added = events.Translate(new MessageAdded(s_conversation, message)).Select(e => e.Name);
        var updated = events.Translate(new MessageUpdated(s_conversation, message with { ToolCalls = [finished] })).Select(e => e.Name);
        var again = events.Translate(new MessageUpdated(s_conversation, message with { ToolCalls = [finished] }));

        Assert.Equal(["tool_call"], added);
        Assert.Equal(["tool_result"], updated);
        Assert.Empty(again);
    }

    [Fact]
    public void Translate_CardAlreadyFinishedWhenFirstSeen_SendsCallThenResult()
    {
        var events = Started();
        var card = new ToolCallCard(null, "vpn_status", "{}", "connected", TimeSpan.FromMilliseconds(5), ToolCallOutcome.Succeeded);

        var sent = events.Translate(new MessageAdded(s_conversation, Message(MessageRole.Tool, card)));

        Assert.Equal(["tool_call", "tool_result"], sent.Select(e => e.Name));
    }

    [Fact]
    public void Translate_ApprovalDecided_SendsOnlyThePendingOne()
    {
        var events = Started();
        var approval = Message(MessageRole.Approval) with { Text = "Stop guest 104", Approval = ApprovalState.Pending };

        var pending = events.Translate(new MessageAdded(s_conversation, approval));
        var decided = events.Translate(new MessageUpdated(s_conversation, approval with { Approval = ApprovalState.Approved }));

        Assert.Equal("approval_needed", Assert.Single(pending).Name);
        Assert.Empty(decided);
    }

    private static AgentStreamEvents Events()
    {
        var http = new DefaultHttpContext();
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("dash.lan");
        return new AgentStreamEvents(s_conversation, new AgentModelInfo("m", Simulated: false, Available: true), http.Request);
    }

    private static AgentStreamEvents Started()
    {
        var events = Events();
        _ = events.Translate(new TurnStarted(s_conversation)).ToList();
        return events;
    }

    private static ConversationMessage Message(MessageRole role, params ToolCallCard[] cards) => new()
    {
        ConversationId = s_conversation,
        Role = role,
        ToolCalls = cards,
        CreatedAt = DateTimeOffset.UnixEpoch,
    };
}
