using Bunit;
using Homelab.Dashboard.Components.Layout;
using Homelab.Domain.Agent.Conversations;
using Microsoft.AspNetCore.Components;

namespace Homelab.Tests.Components;

public sealed class ChatDrawerTests : HomelabComponentTestBase
{
    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page"))));

    [Fact]
    public void Layout_BeforeTheChatIsOpened_DoesNotTouchTheAgent()
    {
        AgentChat.Add("x");
        var cut = RenderLayout();

        Assert.NotNull(cut.Find("[data-testid=chat-drawer-toggle]"));
        Assert.Empty(cut.FindAll("[data-testid=chat-view]"));
        Assert.Equal(0, AgentChat.OpenWatches);
    }

    [Fact]
    public void Toggle_OpensTheDrawerOnTheMostRecentConversation()
    {
        AgentChat.Add("older", minutesAgo: 30);
        var recent = AgentChat.Add("recent", 1, AgentChat.Message(Guid.Empty, MessageRole.User, "What changed today?"));
        var cut = RenderLayout();

        cut.Find("[data-testid=chat-drawer-toggle]").Click();

        cut.WaitForAssertion(() => Assert.Equal(recent.Id.ToString(), cut.Find("[data-testid=chat-drawer] [data-testid=chat-view]").GetAttribute("data-conversation-id")));
        cut.WaitForAssertion(() => Assert.Equal("What changed today?", cut.Find("[data-testid=chat-drawer] [data-role=user] .hl-msg-bubble").TextContent));
        Assert.Equal($"/chat/{recent.Id}", cut.Find("[data-testid=chat-drawer-open-page]").GetAttribute("href"));
        Assert.Contains("page", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Toggle_WithNoConversations_OpensANewOne()
    {
        var cut = RenderLayout();

        cut.Find("[data-testid=chat-drawer-toggle]").Click();

        Assert.NotNull(cut.Find("[data-testid=chat-drawer] [data-testid=chat-empty]"));
        Assert.Equal("/chat", cut.Find("[data-testid=chat-drawer-open-page]").GetAttribute("href"));
        Assert.Equal(0, AgentChat.OpenWatches);
    }

    [Fact]
    public async Task Close_EndsTheWatch()
    {
        AgentChat.Add("recent");
        var cut = RenderLayout();
        cut.Find("[data-testid=chat-drawer-toggle]").Click();
        cut.WaitForAssertion(() => Assert.Equal(1, AgentChat.OpenWatches));

        cut.Find("[data-testid=chat-drawer-close]").Click();

        await AgentChat.WaitForOpenWatchesAsync(0);
        Assert.Empty(cut.FindAll("[data-testid=chat-view]"));
    }

    [Fact]
    public void New_InTheDrawer_StartsADraft()
    {
        var recent = AgentChat.Add("recent");
        var cut = RenderLayout();
        cut.Find("[data-testid=chat-drawer-toggle]").Click();
        cut.WaitForAssertion(() => Assert.Equal(1, AgentChat.OpenWatches));

        cut.Find("[data-testid=chat-drawer-new]").Click();
        cut.Find("[data-testid=chat-drawer] [data-testid=chat-input]").Input("hi");
        cut.Find("[data-testid=chat-drawer] [data-testid=chat-input-form]").Submit();

        var sent = Assert.Single(AgentChat.Sent);
        Assert.NotEqual(recent.Id, sent.ConversationId);
        Assert.Equal($"/chat/{sent.ConversationId}", cut.Find("[data-testid=chat-drawer-open-page]").GetAttribute("href"));
    }
}
