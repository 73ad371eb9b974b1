using System.Text.Json;
using Microsoft.Playwright;

namespace Homelab.Tests.Browser;

/// <summary>axe-core (injected from Homelab.Tests/node_modules, installed by test.sh) finds no serious or critical violation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture fixture)
{
    public static TheoryData<string> MainPages => ["/", "/cluster", "/containers", "/torrents", "/sources", "/chat", "/traces", "/audit"];

    private static readonly Lazy<string> s_axePath = new(FindAxe);

    private static string FindAxe()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "Homelab.Tests", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("axe-core is not installed: run ./test.sh, or `npm ci` in Homelab.Tests.");
    }

    private static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        // Evaluated through the DevTools protocol rather than added as a script tag: the pages' content security
        // policy (rightly) refuses inline scripts, and axe is the test's tool, not the page's.
        await page.EvaluateAsync(await File.ReadAllTextAsync(s_axePath.Value));
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const results = await axe.run(document, { resultTypes: ["violations"] });
              return results.violations
                .filter((v) => v.impact === "serious" || v.impact === "critical")
                .map((v) => `${v.impact} ${v.id}: ${v.help}\n` + v.nodes.slice(0, 6)
                  .map((n) => `  ${n.target.join(" ")}: ${n.any?.[0]?.message ?? n.all?.[0]?.message ?? n.none?.[0]?.message ?? ""}`).join("\n"));
            }
            """);
        return [.. violations.EnumerateArray().Select(v => v.GetString()!)];
    }

    [Theory]
    [MemberData(nameof(MainPages))]
    public async Task MainPage_Desktop_HasNoSeriousAxeViolations(string path)
    {
        var page = await fixture.OpenAsync(path);

        var violations = await SeriousViolationsAsync(page);

        Assert.True(violations.Count == 0, $"{path}:\n{string.Join("\n", violations)}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(MainPages))]
    public async Task MainPage_Phone_HasNoSeriousAxeViolations(string path)
    {
        var page = await fixture.OpenAsync(path, 360, 740);

        var violations = await SeriousViolationsAsync(page);

        Assert.True(violations.Count == 0, $"{path}:\n{string.Join("\n", violations)}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ReconnectDialog_AfterRetriesGaveUp_HasNoSeriousAxeViolations()
    {
        var page = await fixture.OpenAsync("/", 360, 740);
        // The state blazor.web.js leaves when its retries gave up: the class on the dialog, then the event.
        await page.EvaluateAsync("""
            () => {
              const dialog = document.getElementById("components-reconnect-modal");
              dialog.classList.add("components-reconnect-failed");
              dialog.dispatchEvent(new CustomEvent("components-reconnect-state-changed", { detail: { state: "failed" } }));
            }
            """);
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("The connection to the dashboard was lost.");

        var violations = await SeriousViolationsAsync(page);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OfflinePage_HasNoSeriousAxeViolations()
    {
        var page = await fixture.OpenAsync("/");
        await page.GotoAsync("/offline.html");

        var violations = await SeriousViolationsAsync(page);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await page.Context.CloseAsync();
    }
}
