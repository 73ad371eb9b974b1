using Bunit;
using Homelab.Dashboard.Components.Pages;
using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Traces;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Components;

public sealed class TraceDetailPageTests : HomelabComponentTestBase
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public void Render_Trace_ShowsEveryFieldAndTheExchangePrettyPrinted()
    {
        var trace = TracesPageTests.Call(TestSnapshots.Now.AddMinutes(-1), latencyMs: 2250) with
        {
            TimeToFirstToken = TimeSpan.FromMilliseconds(250),
            PromptTokens = 1200,
            CompletionTokens = 80,
            Exchange = """{"messages":[{"role":"user","content":"restart sonarr"}],"response":"done"}""",
        };
        Traces.Record(trace);

        var cut = Render<TraceDetailPage>(p => p.Add(x => x.Id, trace.Id));

        Assert.Equal("chat.agent.r0", cut.Find("[data-testid=trace-field-caller]").TextContent);
        Assert.Equal("qwen3.5:35b-a3b", cut.Find("[data-testid=trace-field-model]").TextContent);
        Assert.Equal("2.25 s", cut.Find("[data-testid=trace-field-latency]").TextContent);
        Assert.Equal("250 ms", cut.Find("[data-testid=trace-field-ttft]").TextContent);
        Assert.Equal("40.0 tok/s", cut.Find("[data-testid=trace-field-tokens-per-second]").TextContent);
        Assert.Equal("How is the cluster?", cut.Find("[data-testid=trace-prompt]").TextContent);
        var exchange = cut.Find("[data-testid=trace-exchange]").TextContent;
        Assert.Contains("\"messages\": [", exchange, StringComparison.Ordinal);
        Assert.Contains("      \"content\": \"restart sonarr\"", exchange, StringComparison.Ordinal);
        Assert.Equal("This call caused no actions.", cut.Find("[data-testid=trace-actions-empty]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=trace-conversation]"));
    }

    [Fact]
    public void Render_HostileExchangeAndPrompt_AreShownAsTextNeverAsMarkup()
    {
        const string Hostile = "<script>alert('pwned')</script><img src=x onerror=alert(1)>";
        var trace = TracesPageTests.Call(TestSnapshots.Now) with
        {
            PromptPreview = Hostile,
            ResponsePreview = "</pre><b>bold</b>",
            Exchange = $$"""{"messages":[{"role":"user","content":"{{Hostile.Replace("'", "\\u0027", StringComparison.Ordinal)}}"}]}""",
        };
        Traces.Record(trace);

        var cut = Render<TraceDetailPage>(p => p.Add(x => x.Id, trace.Id));

        Assert.Empty(cut.FindAll("script, img, b"));
        Assert.Equal(Hostile, cut.Find("[data-testid=trace-prompt]").TextContent);
        Assert.Equal("</pre><b>bold</b>", cut.Find("[data-testid=trace-response]").TextContent);
        Assert.Contains(Hostile, cut.Find("[data-testid=trace-exchange]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_CausedActions_ListedFromTheAuditLogWithLinks()
    {
        var trace = TracesPageTests.Call(TestSnapshots.Now);
        var action = await Audit.AppendAsync(Record("docker-server/sonarr") with { TraceId = trace.Id }, Ct);
        await Audit.AppendAsync(Record("docker-server/radarr"), Ct);
        Traces.Record(trace with { CausedActionIds = [action.Id, 99] });

        var cut = Render<TraceDetailPage>(p => p.Add(x => x.Id, trace.Id));

        var item = Assert.Single(cut.FindAll("[data-testid=trace-action]"));
        var link = item.QuerySelector("[data-testid=trace-action-link]")!;
        Assert.Equal($"/audit?id={action.Id}", link.GetAttribute("href"));
        Assert.Equal("container.restart docker-server/sonarr", link.TextContent);
        Assert.Contains("running after 3 s", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("#99", cut.Find("[data-testid=trace-action-missing]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Conversation_LinksToTheChat()
    {
        var conversation = Guid.CreateVersion7();
        var trace = TracesPageTests.Call(TestSnapshots.Now) with { ConversationId = conversation };
        Traces.Record(trace);

        var cut = Render<TraceDetailPage>(p => p.Add(x => x.Id, trace.Id));

        Assert.Equal($"/chat/{conversation}", cut.Find("[data-testid=trace-conversation]").GetAttribute("href"));
    }

    [Fact]
    public void Render_ErrorAndNoExchange_ShowsTheErrorInFull()
    {
        var trace = TracesPageTests.Call(TestSnapshots.Now, outcome: TraceOutcome.Error) with { Error = "model not found\nline two" };
        Traces.Record(trace);

        var cut = Render<TraceDetailPage>(p => p.Add(x => x.Id, trace.Id));

        Assert.Equal("model not found\nline two", cut.Find("[data-testid=trace-error]").TextContent);
        Assert.Equal("error", cut.Find("[data-testid=trace-outcome]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=trace-exchange-empty]"));
    }

    [Fact]
    public void Render_UnknownId_SaysNotFound()
    {
        var cut = Render<TraceDetailPage>(p => p.Add(x => x.Id, Guid.CreateVersion7()));

        Assert.Contains("may have been pruned", cut.Find("[data-testid=trace-not-found]").TextContent, StringComparison.Ordinal);
    }

    internal static AuditRecord Record(string target, DateTimeOffset? at = null) => new()
    {
        At = at ?? TestSnapshots.Now,
        Actor = "local user",
        Via = ActionVia.Agent,
        Action = "container.restart",
        Target = target,
        Outcome = ActionOutcome.Succeeded,
        Message = "running after 3 s",
        Duration = TimeSpan.FromSeconds(3),
    };
}
