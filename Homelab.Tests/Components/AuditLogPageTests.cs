using Bunit;
using Homelab.Dashboard.Components.Pages;
using Homelab.Domain.Actions;
using Homelab.Tests.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using static Homelab.Tests.Components.TraceDetailPageTests;

namespace Homelab.Tests.Components;

public sealed class AuditLogPageTests : HomelabComponentTestBase
{
    private static readonly DateTimeOffset s_now = TestSnapshots.Now;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private string Uri => Services.GetRequiredService<NavigationManager>().Uri;

    [Fact]
    public void Render_NoRecords_SaysNoActionYet()
    {
        var cut = Render<AuditLogPage>();

        Assert.Equal("No action has been attempted yet.", cut.Find("[data-testid=audit-empty]").TextContent);
    }

    [Fact]
    public async Task Render_Records_NewestFirstWithEveryColumnAndTheTraceLink()
    {
        var trace = Guid.CreateVersion7();
        var old = await Audit.AppendAsync(Record("docker-server/radarr", s_now.AddMinutes(-5)) with { Via = ActionVia.Ui, Outcome = ActionOutcome.Failed, Message = "exit code 1" }, Ct);
        var agent = await Audit.AppendAsync(Record("docker-server/sonarr", s_now.AddMinutes(-1)) with { TraceId = trace }, Ct);

        var cut = Render<AuditLogPage>();

        var rows = cut.FindAll("[data-testid^=audit-row-]");
        Assert.Equal([$"audit-row-{agent.Id}", $"audit-row-{old.Id}"], rows.Select(r => r.GetAttribute("data-testid")));
        var first = rows[0].TextContent;
        foreach (var text in new[] { "local user", "agent", "container.restart", "docker-server/sonarr", "succeeded", "running after 3 s", "3.00 s", "1 min ago" })
        {
            Assert.Contains(text, first, StringComparison.Ordinal);
        }

        Assert.Equal($"/traces/{trace}", rows[0].QuerySelector("[data-testid=audit-trace-link]")!.GetAttribute("href"));
        Assert.Null(rows[1].QuerySelector("[data-testid=audit-trace-link]"));
        Assert.Equal("failed", rows[1].QuerySelector("[data-testid=audit-outcome]")!.TextContent);
    }

    [Fact]
    public async Task FilterVia_Agent_NarrowsTheListAndPutsItInTheAddress()
    {
        await Audit.AppendAsync(Record("a") with { Via = ActionVia.Ui }, Ct);
        var agent = await Audit.AppendAsync(Record("b"), Ct);
        var cut = Render<AuditLogPage>();

        cut.Find("select[data-testid=audit-filter-via]").Change("agent");

        cut.WaitForAssertion(() => Assert.Equal($"audit-row-{agent.Id}", Assert.Single(cut.FindAll("[data-testid^=audit-row-]")).GetAttribute("data-testid")));
        Assert.Contains("via=agent", Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilterOutcomeAndText_FromALink_OpenTheFilteredView()
    {
        await Audit.AppendAsync(Record("docker-server/sonarr") with { Outcome = ActionOutcome.TimedOut }, Ct);
        await Audit.AppendAsync(Record("docker-server/radarr") with { Outcome = ActionOutcome.TimedOut }, Ct);
        await Audit.AppendAsync(Record("docker-server/sonarr"), Ct);
        NavigateTo("/audit?outcome=timedout&q=SONARR");

        var cut = Render<AuditLogPage>();

        var row = Assert.Single(cut.FindAll("[data-testid^=audit-row-]"));
        Assert.Equal("timed out", row.QuerySelector("[data-testid=audit-outcome]")!.TextContent);
        Assert.Equal("timedout", cut.Find("select[data-testid=audit-filter-outcome]").GetAttribute("value"));
    }

    [Fact]
    public async Task Search_Text_NarrowsTheListAndPutsItInTheAddress()
    {
        await Audit.AppendAsync(Record("docker-server/sonarr"), Ct);
        await Audit.AppendAsync(Record("docker-server/radarr"), Ct);
        var cut = Render<AuditLogPage>();

        cut.Find("[data-testid=audit-search] input, input[data-testid=audit-search]").Change("radarr");

        cut.WaitForAssertion(() => Assert.Equal("docker-server/radarr", Assert.Single(cut.FindAll("[data-testid=audit-target]")).TextContent));
        Assert.Contains("q=radarr", Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_IdInTheAddress_ShowsThatRecordAndHighlightsItsRow()
    {
        var trace = Guid.CreateVersion7();
        var wanted = await Audit.AppendAsync(Record("docker-server/sonarr") with { TraceId = trace }, Ct);
        await Audit.AppendAsync(Record("docker-server/radarr"), Ct);
        NavigateTo($"/audit?id={wanted.Id}");

        var cut = Render<AuditLogPage>();

        var selected = cut.Find("[data-testid=audit-selected]");
        Assert.Contains($"Record #{wanted.Id}", selected.TextContent, StringComparison.Ordinal);
        Assert.Contains("docker-server/sonarr", selected.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/traces/{trace}", cut.Find("[data-testid=audit-selected-trace]").GetAttribute("href"));
        Assert.Equal("true", cut.Find($"[data-testid=audit-row-{wanted.Id}]").GetAttribute("aria-current"));
        Assert.Null(cut.Find($"[data-testid=audit-row-{wanted.Id + 1}]").GetAttribute("aria-current"));
    }

    [Fact]
    public void Render_UnknownId_SaysThereIsNoSuchRecord()
    {
        NavigateTo("/audit?id=404");

        var cut = Render<AuditLogPage>();

        Assert.Equal("There is no audit record #404.", cut.Find("[data-testid=audit-selected-missing]").TextContent);
    }

    [Fact]
    public async Task Older_MoreThanAPage_LoadsTheNextPageBelow()
    {
        for (var i = 0; i < AuditLogPage.PageSize + 3; i++)
        {
            await Audit.AppendAsync(Record($"t{i}", s_now.AddSeconds(-i)), Ct);
        }

        var cut = Render<AuditLogPage>();
        Assert.Equal(AuditLogPage.PageSize, cut.FindAll("[data-testid^=audit-row-]").Count);

        cut.Find("[data-testid=audit-older]").Click();

        cut.WaitForAssertion(() => Assert.Equal(AuditLogPage.PageSize + 3, cut.FindAll("[data-testid^=audit-row-]").Count));
        Assert.Equal("t52", cut.FindAll("[data-testid=audit-target]")[^1].TextContent);
    }
}
