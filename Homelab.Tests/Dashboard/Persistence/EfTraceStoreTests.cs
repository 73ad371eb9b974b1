using Homelab.Dashboard.Persistence;
using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Traces;
using static Homelab.Tests.Dashboard.Persistence.TestTraces;

namespace Homelab.Tests.Dashboard.Persistence;

/// <summary>Recording, listing and reading traces on a real SQLite file.</summary>
public sealed class EfTraceStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Record_ThenGet_ReturnsEveryFieldWithTheExchange()
    {
        await using var db = await TestDatabase.CreateAsync();
        var conversation = Guid.CreateVersion7();
        var trace = Call(Noon) with
        {
            TimeToFirstToken = TimeSpan.FromMilliseconds(250),
            PromptTokens = 1200,
            CompletionTokens = 80,
            ToolCallCount = 2,
            ToolNames = ["list_containers", "restart_container"],
            ToolCallsSucceeded = 1,
            ToolCallsFailed = 1,
            ConversationId = conversation,
            Exchange = """{"messages":[{"role":"user","content":"hi"}],"response":"hello"}""",
        };

        await db.RecordAsync(trace);
        var stored = await db.Traces.GetAsync(trace.Id, Ct);

        Assert.Equal(trace, stored);
    }

    [Fact]
    public async Task Record_LongTexts_AreCappedWithANote()
    {
        await using var db = await TestDatabase.CreateAsync();
        var trace = Call(Noon) with
        {
            PromptPreview = new string('p', 2000),
            ResponsePreview = new string('r', 2000),
            Exchange = new string('x', TraceText.ExchangeLength + 10),
        };

        await db.RecordAsync(trace);
        var stored = (await db.Traces.GetAsync(trace.Id, Ct))!;

        Assert.Equal(TraceText.PreviewLength, stored.PromptPreview.Length);
        Assert.Equal(TraceText.PreviewLength, stored.ResponsePreview.Length);
        Assert.StartsWith(new string('x', TraceText.ExchangeLength), stored.Exchange, StringComparison.Ordinal);
        Assert.Contains("truncated", stored.Exchange, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_SameIdTwice_StoresAndCountsItOnce()
    {
        await using var db = await TestDatabase.CreateAsync();
        var trace = Call(Noon);

        await db.RecordAsync(trace, trace);
        var stats = await db.Traces.StatsAsync(TimeSpan.FromHours(24), Noon.AddHours(3), Ct);

        Assert.Equal(1L, await db.ScalarAsync("SELECT count(*) FROM traces;"));
        Assert.Equal(1, stats.Totals.Calls);
    }

    [Fact]
    public async Task Query_NoFilter_ListsNewestFirstWithoutExchanges()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.RecordAsync(Call(Noon) with { Exchange = "{}" }, Call(Noon.AddMinutes(2)), Call(Noon.AddMinutes(1)));

        var page = await db.Traces.QueryAsync(new TraceFilter(), Ct);

        Assert.Equal([Noon.AddMinutes(2), Noon.AddMinutes(1), Noon], page.Items.Select(t => t.At));
        Assert.All(page.Items, t => Assert.Null(t.Exchange));
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task Query_ByCaller_MatchesExactAndDottedPrefixOnly()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.RecordAsync(Call(Noon, caller: "chat.agent.r0"), Call(Noon, caller: "chat.agent.r1"), Call(Noon, caller: "chat.agentx"), Call(Noon, caller: "chat.title"));

        var prefix = await db.Traces.QueryAsync(new TraceFilter { Caller = "chat.agent" }, Ct);
        var exact = await db.Traces.QueryAsync(new TraceFilter { Caller = "chat.title" }, Ct);

        Assert.Equal(["chat.agent.r0", "chat.agent.r1"], prefix.Items.Select(t => t.Caller).Order(StringComparer.Ordinal));
        Assert.Equal(["chat.title"], exact.Items.Select(t => t.Caller));
    }

    [Fact]
    public async Task Query_ByModelOutcomeAndTime_CombinesFilters()
    {
        await using var db = await TestDatabase.CreateAsync();
        var match = Call(Noon.AddMinutes(10), model: "small", outcome: TraceOutcome.Error);
        await db.RecordAsync(
            match,
            Call(Noon.AddMinutes(10), model: "big", outcome: TraceOutcome.Error),
            Call(Noon.AddMinutes(10), model: "small", outcome: TraceOutcome.Ok),
            Call(Noon.AddMinutes(30), model: "small", outcome: TraceOutcome.Error),
            Call(Noon.AddMinutes(-1), model: "small", outcome: TraceOutcome.Error));

        var page = await db.Traces.QueryAsync(new TraceFilter { Model = "small", Outcome = TraceOutcome.Error, From = Noon, To = Noon.AddMinutes(30) }, Ct);

        Assert.Equal([match.Id], page.Items.Select(t => t.Id));
    }

    [Fact]
    public async Task Query_ByConversation_ListsItsCalls()
    {
        await using var db = await TestDatabase.CreateAsync();
        var conversation = Guid.CreateVersion7();
        var mine = Call(Noon) with { ConversationId = conversation };
        await db.RecordAsync(mine, Call(Noon));

        var page = await db.Traces.QueryAsync(new TraceFilter { ConversationId = conversation }, Ct);

        Assert.Equal([mine.Id], page.Items.Select(t => t.Id));
    }

    [Fact]
    public async Task Query_Paged_WalksEveryTraceOnceIncludingSameMillisecond()
    {
        await using var db = await TestDatabase.CreateAsync();
        var traces = Enumerable.Range(0, 25).Select(i => Call(Noon.AddSeconds(i / 3))).ToArray();
        await db.RecordAsync(traces);

        var seen = new List<Guid>();
        TraceCursor? after = null;
        do
        {
            var page = await db.Traces.QueryAsync(new TraceFilter { Take = 4, After = after }, Ct);
            seen.AddRange(page.Items.Select(t => t.Id));
            after = page.Next;
        }
        while (after is not null);

        Assert.Equal(traces.Select(t => t.Id).Order(), seen.Order());
        Assert.Equal(25, seen.Distinct().Count());
    }

    [Fact]
    public async Task Names_ListsCallersAndModelsSeen()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.RecordAsync(Call(Noon, caller: "b", model: "m2"), Call(Noon, caller: "a", model: "m1"), Call(Noon, caller: "a", model: "m2"));

        var names = await db.Traces.NamesAsync(Ct);

        Assert.Equal(["a", "b"], names.Callers);
        Assert.Equal(["m1", "m2"], names.Models);
    }

    [Fact]
    public async Task LinkAction_AuditRecord_LinksBothWays()
    {
        await using var db = await TestDatabase.CreateAsync();
        var trace = Call(Noon);
        await db.RecordAsync(trace);
        var audit = new EfAuditLog(db.Contexts);
        var linked = await audit.AppendAsync(Audit(), Ct);
        var passedThrough = await audit.AppendAsync(Audit() with { TraceId = trace.Id }, Ct);
        await audit.AppendAsync(Audit(), Ct);

        Assert.True(await db.Traces.LinkActionAsync(trace.Id, linked.Id, Ct));
        var stored = (await db.Traces.GetAsync(trace.Id, Ct))!;
        var records = await audit.RecentAsync(10, Ct);

        Assert.Equal([linked.Id, passedThrough.Id], stored.CausedActionIds);
        Assert.Equal(trace.Id, records.Single(r => r.Id == linked.Id).TraceId);
        Assert.Equal(2, records.Count(r => r.TraceId == trace.Id));
    }

    [Fact]
    public async Task LinkAction_UnknownAuditRecord_ReturnsFalse()
    {
        await using var db = await TestDatabase.CreateAsync();

        Assert.False(await db.Traces.LinkActionAsync(Guid.CreateVersion7(), 42, Ct));
    }

    [Fact]
    public async Task Get_Unknown_ReturnsNull()
    {
        await using var db = await TestDatabase.CreateAsync();

        Assert.Null(await db.Traces.GetAsync(Guid.CreateVersion7(), Ct));
    }

    private static AuditRecord Audit() => new()
    {
        At = Noon,
        Actor = "agent",
        Via = ActionVia.Agent,
        Action = "container.restart",
        Target = "bazarr",
        Outcome = ActionOutcome.Succeeded,
        Message = "running again after 2 s",
        Duration = TimeSpan.FromSeconds(2),
    };
}
