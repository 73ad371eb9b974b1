using Homelab.Dashboard.Agent.Chat;
using Homelab.Dashboard.Model.Chat;
using Homelab.Domain.Agent.Conversations;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Model.Chat;

public sealed class ApprovalCardModelTests
{
    private static ConversationMessage Approval(string text, string argumentsJson = """{"name":"jellyfin"}""", ApprovalState? state = ApprovalState.Pending) => new()
    {
        ConversationId = Guid.NewGuid(),
        Role = MessageRole.Approval,
        Text = text,
        Approval = state,
        ToolCalls = [new ToolCallCard("c1", "stop_container", argumentsJson, null, null, ToolCallOutcome.Running)],
        CreatedAt = TestSnapshots.Now,
    };

    [Fact]
    public void From_TextWithFields_ReadsWhatTargetAndEffect()
    {
        var card = ApprovalCardModel.From(Approval("Stop jellyfin?\nTarget: container jellyfin on docker-server\nEffect: Stops container jellyfin; streams end."));

        Assert.Equal("Stop jellyfin?", card.What);
        Assert.Equal("container jellyfin on docker-server", card.Target);
        Assert.Equal("Stops container jellyfin; streams end.", card.Effect);
        Assert.Equal("stop_container", card.Tool);
        Assert.Equal("name=jellyfin", card.Arguments);
        Assert.True(card.IsPending);
    }

    [Fact]
    public void From_PlainText_UsesTheFirstLineAsTheQuestionAndTheArgumentAsTarget()
    {
        var card = ApprovalCardModel.From(Approval("Stop jellyfin?\nStops container jellyfin on docker-server."));

        Assert.Equal("Stop jellyfin?", card.What);
        Assert.Equal("jellyfin", card.Target);
        Assert.Equal("Stops container jellyfin on docker-server.", card.Effect);
    }

    [Fact]
    public void From_NoText_FallsBackToTheCall()
    {
        var card = ApprovalCardModel.From(Approval("", """{"guest":"103","force":true}"""));

        Assert.Equal("Run stop_container?", card.What);
        Assert.Equal("103", card.Target);
        Assert.Equal("guest=103, force=true", card.Arguments);
    }

    [Fact]
    public void Anchor_IsApprovalDashMessageId()
    {
        var message = Approval("Stop jellyfin?");

        Assert.Equal($"approval-{message.Id}", ApprovalCardModel.From(message).Anchor);
    }

    [Theory]
    [InlineData(ApprovalState.Pending, null)]
    [InlineData(ApprovalState.Approved, "Approved")]
    [InlineData(ApprovalState.Denied, "Denied")]
    [InlineData(ApprovalState.AllowedForConversation, "Approved; stop_container is allowed for the rest of this conversation")]
    public void DecisionText_SaysHowItWasDecided(ApprovalState state, string? expected) =>
        Assert.Equal(expected, ApprovalCardModel.From(Approval("x", state: state)).DecisionText);

    [Fact]
    public void SentText_MatchesTheStoredWording()
    {
        Assert.Equal("Denied", ApprovalCardModel.SentText(ApprovalDecision.Deny, "stop_container"));
        Assert.Equal(
            ApprovalCardModel.From(Approval("x", state: ApprovalState.AllowedForConversation)).DecisionText,
            ApprovalCardModel.SentText(ApprovalDecision.AllowToolForConversation, "stop_container"));
    }
}
