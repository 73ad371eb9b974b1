using Bunit;
using Homelab.Dashboard.Agent.Chat;
using Homelab.Dashboard.Components.Chat;
using Homelab.Domain.Agent.Conversations;

namespace Homelab.Tests.Components;

public sealed class ApprovalCardTests : HomelabComponentTestBase
{
    private (Conversation Conversation, ConversationMessage Approval) PendingApproval()
    {
        var conversation = AgentChat.Add("stop jellyfin");
        var approval = AgentChat.Message(conversation.Id, MessageRole.Approval,
            "Stop jellyfin?\nTarget: container jellyfin on docker-server\nEffect: Stops container jellyfin; streams end until it is started again.") with
        {
            Approval = ApprovalState.Pending,
            ToolCalls = [new ToolCallCard("c7", "stop_container", """{"name":"jellyfin"}""", null, null, ToolCallOutcome.Running)],
        };
        AgentChat.Publish(new MessageAdded(conversation.Id, approval));
        AgentChat.SetRunning(conversation.Id, true);
        return (conversation, approval);
    }

    private IRenderedComponent<ChatView> Open(Guid conversationId)
    {
        var cut = Render<ChatView>(p => p.Add(c => c.ConversationId, conversationId));
        cut.WaitForAssertion(() => Assert.Equal(1, AgentChat.OpenWatches));
        return cut;
    }

    [Fact]
    public void Pending_ShowsWhatTargetAndEffect()
    {
        var (conversation, approval) = PendingApproval();
        var cut = Open(conversation.Id);

        var card = cut.Find("[data-testid=approval-card]");
        Assert.Equal($"approval-{approval.Id}", card.Id);
        Assert.Equal("Pending", card.GetAttribute("data-state"));
        Assert.Equal("Stop jellyfin?", cut.Find("[data-testid=approval-what]").TextContent);
        Assert.Equal("container jellyfin on docker-server", cut.Find("[data-testid=approval-target]").TextContent);
        Assert.Equal("Stops container jellyfin; streams end until it is started again.", cut.Find("[data-testid=approval-effect]").TextContent);
        Assert.Equal("Allow stop_container for this conversation", cut.Find("[data-testid=approval-allow]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=chat-working]"));
    }

    [Fact]
    public void Anchor_IsReachableByTheApprovalLinkFragment()
    {
        var (conversation, approval) = PendingApproval();
        var cut = Open(conversation.Id);

        Assert.Single(cut.FindAll($"#approval-{approval.Id}"));
        Assert.Equal("approval", cut.Find($"#approval-{approval.Id}").ParentElement!.GetAttribute("data-role"));
    }

    [Theory]
    [InlineData("approval-approve", ApprovalDecision.Approve, "Approved")]
    [InlineData("approval-deny", ApprovalDecision.Deny, "Denied")]
    [InlineData("approval-allow", ApprovalDecision.AllowToolForConversation, "Approved; stop_container is allowed for the rest of this conversation")]
    public void Button_CallsDecideWithTheDecisionAndMessageId(string button, ApprovalDecision decision, string shown)
    {
        var (conversation, approval) = PendingApproval();
        var cut = Open(conversation.Id);

        cut.Find($"[data-testid={button}]").Click();

        var decided = Assert.Single(AgentChat.Decisions);
        Assert.Equal((conversation.Id, approval.Id, decision, "local user"), (decided.ConversationId, decided.MessageId, decided.Decision, decided.Actor.Name));
        Assert.Equal(shown, cut.Find("[data-testid=approval-decision]").TextContent);
        Assert.All(cut.FindAll("[data-testid=approval-card] button"), b => Assert.True(b.HasAttribute("disabled")));

        // A second click cannot send a second answer.
        cut.Find("[data-testid=approval-approve]").Click();
        Assert.Single(AgentChat.Decisions);
    }

    [Fact]
    public void StoredDecision_DisablesTheButtonsAndShowsIt()
    {
        var (conversation, approval) = PendingApproval();
        var cut = Open(conversation.Id);

        AgentChat.Publish(new MessageUpdated(conversation.Id, approval with { Approval = ApprovalState.Denied }));

        cut.WaitForAssertion(() => Assert.Equal("Denied", cut.Find("[data-testid=approval-decision]").TextContent));
        Assert.Equal("Denied", cut.Find("[data-testid=approval-card]").GetAttribute("data-state"));
        Assert.All(cut.FindAll("[data-testid=approval-card] button"), b => Assert.True(b.HasAttribute("disabled")));
    }

    [Fact]
    public void DecisionRefused_ShowsWhyAndLetsThePersonTryAgain()
    {
        var (conversation, _) = PendingApproval();
        AgentChat.DecisionResult = new ApprovalDecisionResult(false, "This approval belongs to another conversation.");
        var cut = Open(conversation.Id);

        cut.Find("[data-testid=approval-approve]").Click();

        Assert.Equal("This approval belongs to another conversation.", cut.Find("[data-testid=approval-error]").TextContent);
        Assert.Null(cut.Find("[data-testid=approval-approve]").GetAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-testid=approval-decision]"));
    }
}
