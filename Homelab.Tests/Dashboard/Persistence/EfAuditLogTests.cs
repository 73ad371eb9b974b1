using Homelab.Dashboard.Persistence;
using Homelab.Domain.Actions;
using static Homelab.Tests.Dashboard.Persistence.TestTraces;

namespace Homelab.Tests.Dashboard.Persistence;

/// <summary>Listing, filtering and reading audit records on a real SQLite file.</summary>
public sealed class EfAuditLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Query_NoFilter_ListsNewestFirstWithEveryField()
    {
        await using var db = await TestDatabase.CreateAsync(startWriter: false);
        var audit = new EfAuditLog(db.Contexts);
        var trace = Guid.CreateVersion7();
        await audit.AppendAsync(Record(Noon, "sonarr"), Ct);
        var newest = await audit.AppendAsync(Record(Noon.AddMinutes(2), "radarr") with { TraceId = trace, Via = ActionVia.Agent }, Ct);
        await audit.AppendAsync(Record(Noon.AddMinutes(1), "jellyfin"), Ct);

        var page = await audit.QueryAsync(new AuditFilter(), Ct);

        Assert.Equal(["radarr", "jellyfin", "sonarr"], page.Items.Select(r => r.Target));
        Assert.Equal(newest, page.Items[0]);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task Query_ViaAndOutcome_NarrowTheList()
    {
        await using var db = await TestDatabase.CreateAsync(startWriter: false);
        var audit = new EfAuditLog(db.Contexts);
        await audit.AppendAsync(Record(Noon, "a") with { Via = ActionVia.Agent, Outcome = ActionOutcome.Failed }, Ct);
        await audit.AppendAsync(Record(Noon, "b") with { Via = ActionVia.Agent }, Ct);
        await audit.AppendAsync(Record(Noon, "c") with { Outcome = ActionOutcome.Failed }, Ct);

        var agent = await audit.QueryAsync(new AuditFilter { Via = ActionVia.Agent }, Ct);
        var failedByAgent = await audit.QueryAsync(new AuditFilter { Via = ActionVia.Agent, Outcome = ActionOutcome.Failed }, Ct);

        Assert.Equal(["b", "a"], agent.Items.Select(r => r.Target));
        Assert.Equal("a", Assert.Single(failedByAgent.Items).Target);
    }

    [Fact]
    public async Task Query_Text_MatchesEveryWordInAnyFieldIgnoringCase()
    {
        await using var db = await TestDatabase.CreateAsync(startWriter: false);
        var audit = new EfAuditLog(db.Contexts);
        await audit.AppendAsync(Record(Noon, "docker-server/Sonarr") with { Message = "running after 4 s" }, Ct);
        await audit.AppendAsync(Record(Noon, "docker-server/radarr") with { Action = "container.stop", Message = "exited after 2 s" }, Ct);
        await audit.AppendAsync(Record(Noon, "pve/101") with { Actor = "alice", Action = "guest.shutdown", Message = "stopped" }, Ct);

        Assert.Equal("docker-server/Sonarr", Assert.Single((await audit.QueryAsync(new AuditFilter { Text = "sonarr" }, Ct)).Items).Target);
        Assert.Equal("docker-server/radarr", Assert.Single((await audit.QueryAsync(new AuditFilter { Text = "DOCKER stop" }, Ct)).Items).Target);
        Assert.Equal("pve/101", Assert.Single((await audit.QueryAsync(new AuditFilter { Text = "alice" }, Ct)).Items).Target);
        Assert.Equal(2, (await audit.QueryAsync(new AuditFilter { Text = "  after  " }, Ct)).Items.Count);
    }

    [Fact]
    public async Task Query_TextWithLikeWildcards_MatchesThemLiterally()
    {
        await using var db = await TestDatabase.CreateAsync(startWriter: false);
        var audit = new EfAuditLog(db.Contexts);
        await audit.AppendAsync(Record(Noon, "docker-server/my_app"), Ct);
        await audit.AppendAsync(Record(Noon, "docker-server/myxapp"), Ct);
        await audit.AppendAsync(Record(Noon, "docker-server/100%"), Ct);

        Assert.Equal("docker-server/my_app", Assert.Single((await audit.QueryAsync(new AuditFilter { Text = "my_app" }, Ct)).Items).Target);
        Assert.Equal("docker-server/100%", Assert.Single((await audit.QueryAsync(new AuditFilter { Text = "0%" }, Ct)).Items).Target);
    }

    [Fact]
    public async Task Query_TraceId_ListsTheActionsOfThatCall()
    {
        await using var db = await TestDatabase.CreateAsync(startWriter: false);
        var audit = new EfAuditLog(db.Contexts);
        var trace = Guid.CreateVersion7();
        await audit.AppendAsync(Record(Noon, "a") with { TraceId = trace }, Ct);
        await audit.AppendAsync(Record(Noon, "b") with { TraceId = Guid.CreateVersion7() }, Ct);
        await audit.AppendAsync(Record(Noon, "c"), Ct);

        var page = await audit.QueryAsync(new AuditFilter { TraceId = trace }, Ct);

        Assert.Equal("a", Assert.Single(page.Items).Target);
    }

    [Fact]
    public async Task Query_PagedWithCursor_WalksEveryRecordOnceIncludingTies()
    {
        await using var db = await TestDatabase.CreateAsync(startWriter: false);
        var audit = new EfAuditLog(db.Contexts);
        for (var i = 0; i < 7; i++)
        {
            // Pairs share a time, so the id must break ties for paging to neither skip nor repeat.
            await audit.AppendAsync(Record(Noon.AddMinutes(i / 2), $"t{i}"), Ct);
        }

        var seen = new List<string>();
        AuditCursor? after = null;
        var pages = 0;
        do
        {
            var page = await audit.QueryAsync(new AuditFilter { Take = 3, After = after }, Ct);
            seen.AddRange(page.Items.Select(r => r.Target));
            after = page.Next;
            pages++;
        }
        while (after is not null);

        Assert.Equal(["t6", "t5", "t4", "t3", "t2", "t1", "t0"], seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Query_TakeOutOfRange_IsClamped()
    {
        await using var db = await TestDatabase.CreateAsync(startWriter: false);
        var audit = new EfAuditLog(db.Contexts);
        await audit.AppendAsync(Record(Noon, "a"), Ct);
        await audit.AppendAsync(Record(Noon, "b"), Ct);

        var page = await audit.QueryAsync(new AuditFilter { Take = 0 }, Ct);

        Assert.Single(page.Items);
        Assert.NotNull(page.Next);
    }

    [Fact]
    public async Task Get_KnownAndUnknownIds_ReturnsTheRecordOrNull()
    {
        await using var db = await TestDatabase.CreateAsync(startWriter: false);
        var audit = new EfAuditLog(db.Contexts);
        var stored = await audit.AppendAsync(Record(Noon, "a") with { TraceId = Guid.CreateVersion7() }, Ct);

        Assert.Equal(stored, await audit.GetAsync(stored.Id, Ct));
        Assert.Null(await audit.GetAsync(stored.Id + 1, Ct));
    }

    [Fact]
    public async Task GetMany_SomeUnknownAndRepeated_ReturnsKnownOnesOnceOldestFirst()
    {
        await using var db = await TestDatabase.CreateAsync(startWriter: false);
        var audit = new EfAuditLog(db.Contexts);
        var a = await audit.AppendAsync(Record(Noon, "a"), Ct);
        await audit.AppendAsync(Record(Noon, "b"), Ct);
        var c = await audit.AppendAsync(Record(Noon, "c"), Ct);

        var records = await audit.GetManyAsync([c.Id, 999, a.Id, c.Id], Ct);

        Assert.Equal([a, c], records);
        Assert.Empty(await audit.GetManyAsync([], Ct));
    }

    private static AuditRecord Record(DateTimeOffset at, string target) => new()
    {
        At = at,
        Actor = "local user",
        Via = ActionVia.Ui,
        Action = "container.restart",
        Target = target,
        Outcome = ActionOutcome.Succeeded,
        Message = "running after 3 s",
        Duration = TimeSpan.FromSeconds(3),
    };
}
