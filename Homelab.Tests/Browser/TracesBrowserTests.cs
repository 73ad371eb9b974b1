using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Traces;
using Homelab.Domain.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Homelab.Tests.Browser;

/// <summary>The traces and audit pages in a real browser, linked both ways through the app's own stores.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TracesBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Traces_CallThatCausedAnAction_DetailLinksToAuditAndBack()
    {
        var ct = TestContext.Current.CancellationToken;
        var traces = fixture.App.Services.GetRequiredService<ITraceStore>();
        var audit = fixture.App.Services.GetRequiredService<IAuditLog>();
        var now = fixture.App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var caller = $"browser.test.{Guid.NewGuid():N}";
        var acting = Trace(now.AddSeconds(-20), caller + ".r0", "Restart sonarr, please.", TraceOutcome.Ok) with
        {
            ToolCallCount = 1,
            ToolNames = ["restart_container"],
            ToolCallsSucceeded = 1,
            Exchange = """{"messages":[{"role":"user","content":"Restart sonarr, please."}],"response":"Restarted."}""",
        };
        var failing = Trace(now.AddSeconds(-10), caller + ".r1", "And radarr?", TraceOutcome.Error) with { Error = "model not found" };
        var action = await audit.AppendAsync(new AuditRecord
        {
            At = now.AddSeconds(-19),
            Actor = "local user",
            Via = ActionVia.Agent,
            Action = "container.restart",
            Target = "docker-server/sonarr",
            Outcome = ActionOutcome.Succeeded,
            Message = "running after 3 s",
            Duration = TimeSpan.FromSeconds(3),
            TraceId = acting.Id,
        }, ct);
        traces.Record(acting);
        traces.Record(failing);
        await traces.FlushAsync(ct);

        var page = await fixture.OpenAsync($"/traces?caller={caller}");
        var rows = page.Locator("[data-testid^='trace-row-']");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(0).GetByTestId("trace-outcome")).ToHaveTextAsync("error");
        await Assertions.Expect(rows.Nth(1).GetByTestId("trace-tools")).ToHaveTextAsync("1: restart_container");

        await rows.Nth(1).GetByTestId("trace-link").ClickAsync();
        await page.WaitForURLAsync($"**/traces/{acting.Id}");
        await Assertions.Expect(page.GetByTestId("trace-exchange")).ToContainTextAsync("\"content\": \"Restart sonarr, please.\"");

        await page.GetByTestId("trace-action-link").ClickAsync();
        await page.WaitForURLAsync($"**/audit?id={action.Id}");
        await Assertions.Expect(page.GetByTestId("audit-selected")).ToContainTextAsync("docker-server/sonarr");
        await Assertions.Expect(page.GetByTestId($"audit-row-{action.Id}")).ToHaveAttributeAsync("aria-current", "true");

        await page.GetByTestId($"audit-row-{action.Id}").GetByTestId("audit-trace-link").ClickAsync();
        await page.WaitForURLAsync($"**/traces/{acting.Id}");
        await Assertions.Expect(page.GetByTestId("trace-field-caller")).ToHaveTextAsync(caller + ".r0");
        await page.Context.CloseAsync();
    }

    private static ModelCallTrace Trace(DateTimeOffset at, string caller, string prompt, TraceOutcome outcome) => new()
    {
        At = at,
        Caller = caller,
        Model = "qwen3.5:35b-a3b",
        Latency = TimeSpan.FromMilliseconds(1800),
        TimeToFirstToken = TimeSpan.FromMilliseconds(300),
        PromptTokens = 900,
        CompletionTokens = 60,
        Outcome = outcome,
        PromptPreview = prompt,
        ResponsePreview = outcome == TraceOutcome.Ok ? "Restarted." : "",
    };
}
