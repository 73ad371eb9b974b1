using Bunit;
using Homelab.Dashboard.Components.Pages;
using Homelab.Domain.Agent.Traces;
using Homelab.Tests.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Homelab.Tests.Components;

public sealed class TracesPageTests : HomelabComponentTestBase
{
    private static readonly DateTimeOffset s_now = TestSnapshots.Now;

    private string Uri => Services.GetRequiredService<NavigationManager>().Uri;

    [Fact]
    public void Render_NoTraces_ShowsTheEmptyStateLinkingToChat()
    {
        var cut = Render<TracesPage>();

        var empty = cut.Find("[data-testid=traces-empty]");
        Assert.Contains("No model calls recorded yet — talk to the agent in Chat", empty.TextContent, StringComparison.Ordinal);
        Assert.Equal("/chat", empty.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("0", Stat(cut, "calls"));
        Assert.Equal("–", Stat(cut, "error-rate"));
        Assert.NotNull(cut.Find("[data-testid=traces-chart-empty]"));
        Assert.Empty(cut.FindAll("[data-testid=traces-by-caller]"));
    }

    [Fact]
    public void Render_Traces_ListsNewestFirstWithEveryColumn()
    {
        var older = Call(s_now.AddMinutes(-20), latencyMs: 850) with { PromptPreview = "How is the cluster?", ResponsePreview = "All three nodes are online." };
        var newer = Call(s_now.AddMinutes(-5), latencyMs: 4250, outcome: TraceOutcome.Error) with
        {
            TimeToFirstToken = TimeSpan.FromMilliseconds(300),
            PromptTokens = 1200,
            CompletionTokens = 80,
            ToolCallCount = 2,
            ToolNames = ["list_containers", "restart_container"],
            ToolCallsSucceeded = 1,
            ToolCallsFailed = 1,
            Error = "model not found\nat Ollama",
        };
        Traces.Record(older);
        Traces.Record(newer);

        var cut = Render<TracesPage>();

        var rows = cut.FindAll("[data-testid^=trace-row-]");
        Assert.Equal([$"trace-row-{newer.Id}", $"trace-row-{older.Id}"], rows.Select(r => r.GetAttribute("data-testid")));
        var row = rows[0];
        Assert.Equal("4.25 s", row.QuerySelector("[data-testid=trace-latency]")!.TextContent);
        Assert.Contains("300 ms", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("1,200 → 80", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("2: list_containers, restart_container (1 failed)", row.QuerySelector("[data-testid=trace-tools]")!.TextContent);
        Assert.Equal("error", row.QuerySelector("[data-testid=trace-outcome]")!.TextContent);
        Assert.Equal("model not found…", row.QuerySelector("[data-testid=trace-error]")!.TextContent);
        Assert.Equal($"/traces/{newer.Id}", row.QuerySelector("[data-testid=trace-link]")!.GetAttribute("href"));
        Assert.Contains("All three nodes are online.", rows[1].QuerySelector("[data-testid=trace-preview]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2", Stat(cut, "calls"));
        Assert.Equal("50%", Stat(cut, "error-rate"));
    }

    [Theory]
    [InlineData("1h", 1)]
    [InlineData("24h", 2)]
    [InlineData("7d", 3)]
    public void WindowToggle_EachWindow_ShowsItsStatsAndPutsItInTheAddress(string window, int calls)
    {
        Traces.Record(Call(s_now.AddMinutes(-30)));
        Traces.Record(Call(s_now.AddHours(-12), caller: "smart_fixer.r3", model: "gemma4:e4b"));
        Traces.Record(Call(s_now.AddDays(-3), caller: "evals.judge"));
        var cut = Render<TracesPage>();

        cut.Find($"[data-testid=traces-window-{window}]").Click();

        cut.WaitForAssertion(() => Assert.Equal(calls.ToString(System.Globalization.CultureInfo.InvariantCulture), Stat(cut, "calls")));
        Assert.Equal("true", cut.Find($"[data-testid=traces-window-{window}]").GetAttribute("aria-pressed"));
        Assert.Equal(calls, cut.FindAll("[data-testid=traces-by-caller] [data-testid=breakdown-row]").Count);
        if (window == "24h")
        {
            Assert.DoesNotContain("window=", Uri, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains($"window={window}", Uri, StringComparison.Ordinal);
        }

        // The window changes the stats, never the list.
        Assert.Equal(3, cut.FindAll("[data-testid^=trace-row-]").Count);
    }

    [Fact]
    public void Chart_CallsInTheWindow_RendersBothSeriesAsSvg()
    {
        Traces.Record(Call(s_now.AddMinutes(-30), latencyMs: 900));
        Traces.Record(Call(s_now.AddMinutes(-90), latencyMs: 2500));

        var cut = Render<TracesPage>();

        var chart = cut.Find("[data-testid=traces-chart]");
        Assert.NotNull(chart.QuerySelector("svg"));
        Assert.NotEmpty(chart.QuerySelectorAll("path"));
        Assert.Contains("p95", chart.TextContent, StringComparison.Ordinal);
        Assert.Contains("per 1 h", chart.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void FilterOutcome_Error_NarrowsTheListAndPutsItInTheAddress()
    {
        var failed = Call(s_now.AddMinutes(-3), outcome: TraceOutcome.Error);
        Traces.Record(Call(s_now.AddMinutes(-2)));
        Traces.Record(failed);
        var cut = Render<TracesPage>();

        cut.Find("select[data-testid=traces-filter-outcome]").Change("error");

        cut.WaitForAssertion(() => Assert.Equal($"trace-row-{failed.Id}", Assert.Single(cut.FindAll("[data-testid^=trace-row-]")).GetAttribute("data-testid")));
        Assert.Contains("outcome=error", Uri, StringComparison.Ordinal);
        Assert.Equal("error", cut.Find("select[data-testid=traces-filter-outcome]").GetAttribute("value"));

        cut.Find("[data-testid=traces-filter-clear]").Click();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid^=trace-row-]").Count));
        Assert.DoesNotContain("outcome=", Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void FilterCallerAndModel_FromTheSelects_NarrowTheListAndTheAddress()
    {
        var wanted = Call(s_now.AddMinutes(-4), caller: "smart_fixer.r3", model: "gemma4:e4b");
        Traces.Record(Call(s_now.AddMinutes(-2)));
        Traces.Record(Call(s_now.AddMinutes(-3), caller: "smart_fixer.r3"));
        Traces.Record(wanted);
        var cut = Render<TracesPage>();

        cut.Find("select[data-testid=traces-filter-caller]").Change("smart_fixer.r3");
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid^=trace-row-]").Count));
        cut.Find("select[data-testid=traces-filter-model]").Change("gemma4:e4b");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid^=trace-row-]")));
        Assert.Contains("caller=smart_fixer.r3", Uri, StringComparison.Ordinal);
        Assert.Contains("model=gemma4%3Ae4b", Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LinkWithFilters_OpensTheFilteredView()
    {
        Traces.Record(Call(s_now.AddMinutes(-2), caller: "chat.agent.r0"));
        Traces.Record(Call(s_now.AddMinutes(-3), caller: "chat.agent.r1"));
        Traces.Record(Call(s_now.AddMinutes(-4), caller: "evals.judge"));
        Traces.Record(Call(s_now.AddHours(-3), caller: "chat.agent.r0"));
        NavigateTo("/traces?caller=chat.agent&range=1h&window=7d");

        var cut = Render<TracesPage>();

        Assert.Equal(2, cut.FindAll("[data-testid^=trace-row-]").Count);
        Assert.Equal("chat.agent", cut.Find("select[data-testid=traces-filter-caller]").GetAttribute("value"));
        Assert.Equal("1h", cut.Find("select[data-testid=traces-filter-range]").GetAttribute("value"));
        Assert.Equal("true", cut.Find("[data-testid=traces-window-7d]").GetAttribute("aria-pressed"));
        Assert.Equal("4", Stat(cut, "calls"));
    }

    [Fact]
    public void Render_FiltersMatchNothing_SaysSo()
    {
        Traces.Record(Call(s_now.AddMinutes(-2)));
        NavigateTo("/traces?outcome=cancelled");

        var cut = Render<TracesPage>();

        Assert.Equal("No trace matches the filters.", cut.Find("[data-testid=traces-empty]").TextContent.Trim());
    }

    [Fact]
    public void Breakdown_CallerName_LinksToTheListFilteredToIt()
    {
        Traces.Record(Call(s_now.AddMinutes(-2), caller: "chat.agent.r0"));
        NavigateTo("/traces?outcome=ok");

        var cut = Render<TracesPage>();

        var link = cut.Find("[data-testid=traces-by-caller] [data-testid=breakdown-name]");
        Assert.Equal("chat.agent.r0", link.TextContent);
        Assert.EndsWith("/traces?outcome=ok&caller=chat.agent.r0", link.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void Older_MoreThanAPage_LoadsTheNextPageBelow()
    {
        for (var i = 0; i < TracesPage.PageSize + 7; i++)
        {
            Traces.Record(Call(s_now.AddSeconds(-i - 1)));
        }

        var cut = Render<TracesPage>();
        Assert.Equal(TracesPage.PageSize, cut.FindAll("[data-testid^=trace-row-]").Count);

        cut.Find("[data-testid=traces-older]").Click();

        cut.WaitForAssertion(() => Assert.Equal(TracesPage.PageSize + 7, cut.FindAll("[data-testid^=trace-row-]").Count));
        Assert.Empty(cut.FindAll("[data-testid=traces-older]"));
    }

    [Fact]
    public void Refresh_TenSecondsPass_NewCallsAppearWithTheOlderPagesKept()
    {
        for (var i = 0; i < TracesPage.PageSize + 2; i++)
        {
            Traces.Record(Call(s_now.AddSeconds(-i - 1)));
        }

        var cut = Render<TracesPage>();
        cut.Find("[data-testid=traces-older]").Click();
        cut.WaitForAssertion(() => Assert.Equal(TracesPage.PageSize + 2, cut.FindAll("[data-testid^=trace-row-]").Count));
        var fresh = Call(s_now.AddSeconds(5));
        Traces.Record(fresh);

        Time.Advance(TracesPage.RefreshInterval);

        cut.WaitForAssertion(() => Assert.Equal(TracesPage.PageSize + 3, cut.FindAll("[data-testid^=trace-row-]").Count));
        Assert.Equal($"trace-row-{fresh.Id}", cut.FindAll("[data-testid^=trace-row-]")[0].GetAttribute("data-testid"));
    }

    [Fact]
    public void Refresh_Button_ReloadsStatsAndList()
    {
        var cut = Render<TracesPage>();
        Traces.Record(Call(s_now.AddMinutes(-1)));

        cut.Find("[data-testid=traces-refresh]").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid^=trace-row-]")));
        Assert.Equal("1", Stat(cut, "calls"));
    }

    [Fact]
    public async Task Dispose_PageClosed_StopsRefreshing()
    {
        Render<TracesPage>();
        var queries = Traces.Queries;

        await DisposeComponentsAsync();
        Time.Advance(TracesPage.RefreshInterval * 3);

        Assert.Equal(queries, Traces.Queries);
    }

    [Fact]
    public void Render_HostilePreview_IsShownAsText()
    {
        Traces.Record(Call(s_now.AddMinutes(-1)) with { PromptPreview = "<script>alert('x')</script><b>bold</b>", Error = "<img src=x onerror=alert(1)>", Outcome = TraceOutcome.Error });

        var cut = Render<TracesPage>();

        Assert.Empty(cut.FindAll("[data-testid=traces-list] script, [data-testid=traces-list] b, [data-testid=traces-list] img"));
        Assert.Contains("<script>alert('x')</script><b>bold</b>", cut.Find("[data-testid=trace-preview]").TextContent, StringComparison.Ordinal);
        Assert.Equal("<img src=x onerror=alert(1)>", cut.Find("[data-testid=trace-error]").TextContent);
    }

    [Fact]
    public void Render_StoreFails_ShowsTheError()
    {
        Traces.Fail = new IOException("database is locked");

        var cut = Render<TracesPage>();

        Assert.Contains("database is locked", cut.Find("[data-testid=traces-error]").TextContent, StringComparison.Ordinal);
    }

    internal static ModelCallTrace Call(DateTimeOffset at, string caller = "chat.agent.r0", string model = "qwen3.5:35b-a3b", double latencyMs = 1000, TraceOutcome outcome = TraceOutcome.Ok) => new()
    {
        At = at,
        Caller = caller,
        Model = model,
        Latency = TimeSpan.FromMilliseconds(latencyMs),
        Outcome = outcome,
        Error = outcome == TraceOutcome.Error ? "model not found" : null,
        PromptPreview = "How is the cluster?",
        ResponsePreview = "All three nodes are online.",
    };

    private static string Stat(IRenderedComponent<TracesPage> cut, string key) =>
        cut.Find($"[data-testid=traces-stat-{key}] .hl-stat-value").TextContent;
}
