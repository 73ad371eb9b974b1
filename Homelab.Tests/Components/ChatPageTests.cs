using Bunit;
using Homelab.Dashboard.Components.Pages;
using Homelab.Domain.Agent.Conversations;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Homelab.Tests.Components;

public sealed class ChatPageTests : HomelabComponentTestBase
{
    private IRenderedComponent<ChatPage> RenderPage(Guid? conversationId = null)
    {
        var cut = Render<ChatPage>(p => p.Add(c => c.ConversationId, conversationId));
        if (conversationId is not null)
        {
            cut.WaitForAssertion(() => Assert.Equal(1, AgentChat.OpenWatches));
        }

        return cut;
    }

    private string Uri => Services.GetRequiredService<NavigationManager>().Uri;

    [Fact]
    public void List_ShowsConversationsNewestFirstWithLinks()
    {
        var old = AgentChat.Add("Disk space on pve", minutesAgo: 90);
        var recent = AgentChat.Add("Why is sonarr slow?", minutesAgo: 2);
        var cut = RenderPage();

        var items = cut.FindAll("[data-testid=conversation-item]");
        Assert.Equal(["Why is sonarr slow?", "Disk space on pve"], items.Select(i => i.QuerySelector(".hl-conv-title")!.TextContent));
        Assert.Equal($"/chat/{recent.Id}", items[0].QuerySelector("[data-testid=conversation-open]")!.GetAttribute("href"));
        Assert.Equal($"/chat/{old.Id}", items[1].QuerySelector("[data-testid=conversation-open]")!.GetAttribute("href"));
        Assert.Equal("/chat", cut.Find("[data-testid=conversation-new]").GetAttribute("href"));
    }

    [Fact]
    public void Open_ConversationId_WatchesItAndMarksItActive()
    {
        var conversation = AgentChat.Add("sonarr", 0, AgentChat.Message(Guid.Empty, MessageRole.User, "Is sonarr up?"));
        var cut = RenderPage(conversation.Id);

        cut.WaitForAssertion(() => Assert.Equal("Is sonarr up?", cut.Find("[data-role=user] .hl-msg-bubble").TextContent));
        Assert.Equal("page", cut.Find("[data-testid=conversation-open]").GetAttribute("aria-current"));
        Assert.Contains("hl-conv-active", cut.Find("[data-testid=conversation-item]").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void Delete_AsksFirstThenDeletes()
    {
        var keep = AgentChat.Add("keep", 1);
        var drop = AgentChat.Add("drop", 0);
        var cut = RenderPage(keep.Id);

        cut.Find($"[data-conversation-id='{drop.Id}'] [data-testid=conversation-delete]").Click();
        Assert.Empty(AgentChat.Deleted);
        cut.Find("[data-testid=conversation-delete-confirm]").Click();

        Assert.Equal([drop.Id], AgentChat.Deleted);
        cut.WaitForAssertion(() => Assert.Equal(["keep"], cut.FindAll("[data-testid=conversation-item] .hl-conv-title").Select(e => e.TextContent)));
        Assert.DoesNotContain("/chat", Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Delete_Cancelled_KeepsTheConversation()
    {
        AgentChat.Add("keep");
        var cut = RenderPage();

        cut.Find("[data-testid=conversation-delete]").Click();
        cut.Find("[data-testid=conversation-delete-cancel]").Click();

        Assert.Empty(AgentChat.Deleted);
        Assert.Single(cut.FindAll("[data-testid=conversation-open]"));
    }

    [Fact]
    public void Delete_TheOpenConversation_GoesBackToANewOne()
    {
        var open = AgentChat.Add("open");
        var cut = RenderPage(open.Id);

        cut.Find("[data-testid=conversation-delete]").Click();
        cut.Find("[data-testid=conversation-delete-confirm]").Click();

        Assert.EndsWith("/chat", Uri, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid=conversation-none]"));
    }

    [Fact]
    public void NewConversation_FirstMessage_StartsOneListsItAndOpensItsAddress()
    {
        var cut = RenderPage();
        Assert.NotNull(cut.Find("[data-testid=chat-empty]"));

        cut.Find("[data-testid=chat-input]").Input("How full is local-lvm?");
        cut.Find("[data-testid=chat-input-form]").Submit();

        var sent = Assert.Single(AgentChat.Sent);
        Assert.EndsWith($"/chat/{sent.ConversationId}", Uri, StringComparison.Ordinal);
        Assert.Equal($"/chat/{sent.ConversationId}", cut.Find("[data-testid=conversation-open]").GetAttribute("href"));
    }

    [Fact]
    public void TurnEnded_RefreshesTheList()
    {
        var conversation = AgentChat.Add("New conversation");
        var cut = RenderPage(conversation.Id);
        var other = AgentChat.Add("Arrived meanwhile", minutesAgo: 5);

        AgentChat.Publish(new Homelab.Dashboard.Agent.Chat.TurnEnded(conversation.Id, Shared.FakeAgentChat.Summary(conversation.Id, Homelab.Dashboard.Agent.Chat.TurnOutcome.Completed)));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=conversation-item]").Count));
        Assert.Single(cut.FindAll($"[data-conversation-id='{other.Id}']"));
    }
}
