using Homelab.Dashboard.Persistence.Conversations;
using Homelab.Domain.Agent.Conversations;
using Microsoft.Extensions.Time.Testing;
using static Homelab.Tests.Dashboard.Persistence.TestTraces;

namespace Homelab.Tests.Dashboard.Persistence;

/// <summary>Conversations and their messages on a real SQLite file.</summary>
public sealed class EfConversationStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _time = new(Noon);

    [Fact]
    public async Task Create_ThenGet_ReturnsItWithNoMessages()
    {
        await using var db = await TestDatabase.CreateAsync(startWriter: false);
        var store = new EfConversationStore(db.Contexts, _time);

        var created = await store.CreateAsync(New("Disk space on pve2", ConversationSurface.Api), Ct);
        var thread = await store.GetAsync(created.Id, Ct);

        Assert.Equal(created, thread!.Conversation);
        Assert.Empty(thread.Messages);
    }

    [Fact]
    public async Task Append_Messages_GetsThemInOrderWithEveryField()
    {
        await using var db = await TestDatabase.CreateAsync(startWriter: false);
        var store = new EfConversationStore(db.Contexts, _time);
        var conversation = await store.CreateAsync(New("c"), Ct);
        var trace = Guid.CreateVersion7();

        var user = await store.AppendAsync(Message(conversation.Id, MessageRole.User, "Restart bazarr"), Ct);
        var approval = await store.AppendAsync(Message(conversation.Id, MessageRole.Approval, "Restart container bazarr?") with { Approval = ApprovalState.Pending }, Ct);
        var assistant = await store.AppendAsync(Message(conversation.Id, MessageRole.Assistant, "Done.") with
        {
            ToolCalls = [new ToolCallCard("call_1", "restart_container", """{"name":"bazarr"}""", "running again after 2 s", TimeSpan.FromSeconds(2.5), ToolCallOutcome.Succeeded)],
            TraceIds = [trace],
        }, Ct);

        var thread = await store.GetAsync(conversation.Id, Ct);

        Assert.Equal([0, 1, 2], new[] { user, approval, assistant }.Select(m => m.Ordinal));
        Assert.Equal([user, approval, assistant], thread!.Messages);
    }

    [Fact]
    public async Task UpdateMessage_TurnInProgress_StoresTheFinishedTurn()
    {
        await using var db = await TestDatabase.CreateAsync(startWriter: false);
        var store = new EfConversationStore(db.Contexts, _time);
        var conversation = await store.CreateAsync(New("c"), Ct);
        var partial = await store.AppendAsync(Message(conversation.Id, MessageRole.Assistant, "All three no") with { IsComplete = false }, Ct);
        var approval = await store.AppendAsync(Message(conversation.Id, MessageRole.Approval, "Stop vm 101?") with { Approval = ApprovalState.Pending }, Ct);

        Assert.False((await store.GetAsync(conversation.Id, Ct))!.Messages[0].IsComplete);

        var finished = partial with { Text = "All three nodes are online.", IsComplete = true, TraceIds = [Guid.CreateVersion7()] };
        Assert.True(await store.UpdateMessageAsync(finished, Ct));
        Assert.True(await store.UpdateMessageAsync(approval with { Approval = ApprovalState.AllowedForConversation }, Ct));
        var thread = await store.GetAsync(conversation.Id, Ct);

        Assert.Equal(finished, thread!.Messages[0]);
        Assert.Equal(ApprovalState.AllowedForConversation, thread.Messages[1].Approval);
    }

    [Fact]
    public async Task UpdateMessage_Unknown_ReturnsFalse()
    {
        await using var db = await TestDatabase.CreateAsync(startWriter: false);
        var store = new EfConversationStore(db.Contexts, _time);

        Assert.False(await store.UpdateMessageAsync(Message(Guid.CreateVersion7(), MessageRole.User, "x"), Ct));
    }

    [Fact]
    public async Task Append_UnknownConversation_Throws()
    {
        await using var db = await TestDatabase.CreateAsync(startWriter: false);
        var store = new EfConversationStore(db.Contexts, _time);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AppendAsync(Message(Guid.CreateVersion7(), MessageRole.User, "x"), Ct));
    }

    [Fact]
    public async Task List_MostRecentlyUpdatedFirstWithPaging()
    {
        await using var db = await TestDatabase.CreateAsync(startWriter: false);
        var store = new EfConversationStore(db.Contexts, _time);
        var first = await store.CreateAsync(New("first"), Ct);
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = await store.CreateAsync(New("second"), Ct);
        _time.Advance(TimeSpan.FromMinutes(1));
        var third = await store.CreateAsync(New("third"), Ct);
        _time.Advance(TimeSpan.FromMinutes(1));
        await store.AppendAsync(Message(first.Id, MessageRole.User, "back to this one"), Ct);

        var page1 = await store.ListAsync(0, 2, Ct);
        var page2 = await store.ListAsync(2, 2, Ct);

        Assert.Equal(["first", "third"], page1.Select(c => c.Title));
        Assert.Equal(["second"], page2.Select(c => c.Title));
        Assert.Equal(_time.GetUtcNow(), page1[0].UpdatedAt);
        Assert.Equal(second.Id, page2[0].Id);
        Assert.Equal(third.Id, page1[1].Id);
    }

    [Fact]
    public async Task Rename_SetsTheTitleTrimmedAndCapped()
    {
        await using var db = await TestDatabase.CreateAsync(startWriter: false);
        var store = new EfConversationStore(db.Contexts, _time);
        var conversation = await store.CreateAsync(New("New conversation"), Ct);

        Assert.True(await store.RenameAsync(conversation.Id, "  VPN down?  ", Ct));
        Assert.Equal("VPN down?", (await store.GetAsync(conversation.Id, Ct))!.Conversation.Title);
        Assert.True(await store.RenameAsync(conversation.Id, new string('t', 500), Ct));
        Assert.Equal(Conversation.MaxTitleLength, (await store.GetAsync(conversation.Id, Ct))!.Conversation.Title.Length);
        Assert.False(await store.RenameAsync(Guid.CreateVersion7(), "x", Ct));
    }

    [Fact]
    public async Task Delete_RemovesTheConversationAndOnlyItsMessages()
    {
        await using var db = await TestDatabase.CreateAsync(startWriter: false);
        var store = new EfConversationStore(db.Contexts, _time);
        var doomed = await store.CreateAsync(New("doomed"), Ct);
        var other = await store.CreateAsync(New("other"), Ct);
        await store.AppendAsync(Message(doomed.Id, MessageRole.User, "a"), Ct);
        await store.AppendAsync(Message(doomed.Id, MessageRole.Assistant, "b"), Ct);
        await store.AppendAsync(Message(other.Id, MessageRole.User, "c"), Ct);

        Assert.True(await store.DeleteAsync(doomed.Id, Ct));

        Assert.Null(await store.GetAsync(doomed.Id, Ct));
        Assert.Equal(1L, await db.ScalarAsync("SELECT count(*) FROM conversation_messages;"));
        Assert.Single((await store.GetAsync(other.Id, Ct))!.Messages);
        Assert.False(await store.DeleteAsync(doomed.Id, Ct));
    }

    [Fact]
    public async Task Append_LargeText_IsKeptWhole()
    {
        await using var db = await TestDatabase.CreateAsync(startWriter: false);
        var store = new EfConversationStore(db.Contexts, _time);
        var conversation = await store.CreateAsync(New("c"), Ct);
        var text = string.Concat(Enumerable.Range(0, 200_000).Select(i => (char)('a' + (i % 26))));

        await store.AppendAsync(Message(conversation.Id, MessageRole.Assistant, text), Ct);

        Assert.Equal(text, (await store.GetAsync(conversation.Id, Ct))!.Messages[0].Text);
    }

    private Conversation New(string title, ConversationSurface surface = ConversationSurface.Web) =>
        new() { Title = title, CreatedAt = _time.GetUtcNow(), UpdatedAt = _time.GetUtcNow(), Surface = surface };

    private ConversationMessage Message(Guid conversation, MessageRole role, string text) =>
        new() { ConversationId = conversation, Role = role, Text = text, CreatedAt = _time.GetUtcNow() };
}
