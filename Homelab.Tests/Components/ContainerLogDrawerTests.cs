using Bunit;
using Homelab.Dashboard.Components.Controls;
using Homelab.Dashboard.Components.Pages;
using Homelab.Dashboard.Model;
using Homelab.Domain.Containers;
using Homelab.Domain.Sources;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Components;

public sealed class ContainerLogDrawerTests : HomelabComponentTestBase
{
    private static LogLine Out(string text, int second = 0) => new(LogStream.Stdout, TestSnapshots.Now.AddSeconds(second), text);

    private static LogLine Err(string text, int second = 0) => new(LogStream.Stderr, TestSnapshots.Now.AddSeconds(second), text);

    private IRenderedComponent<ContainersPage> OpenLogsOf(string name)
    {
        var cut = Render<ContainersPage>();
        cut.Find($"[data-testid=container-row-{name}] [data-testid=action-logs]").Click();
        return cut;
    }

    private static IReadOnlyList<string> LineTexts(IRenderedComponent<ContainersPage> cut) =>
        [.. cut.FindAll("[data-testid=log-line] .hl-log-text").Select(e => e.TextContent)];

    [Fact]
    public void OpenLogs_ShowsTheTailWithStderrMarked()
    {
        var source = AddContainerHost();
        source.Tail.AddRange([Out("Starting Sonarr", 1), Err("Database is locked", 2), Out("\u001b[32mReady\u001b[0m", 3)]);

        var cut = OpenLogsOf("sonarr");

        cut.WaitForAssertion(() => Assert.Equal(["Starting Sonarr", "Database is locked", "Ready"], LineTexts(cut)));
        var lines = cut.FindAll("[data-testid=log-line]");
        Assert.Contains("hl-log-err", lines[1].ClassName, StringComparison.Ordinal);
        Assert.Equal("err", lines[1].QuerySelector(".hl-log-stream")!.TextContent);
        Assert.Equal("out", lines[0].QuerySelector(".hl-log-stream")!.TextContent);
        Assert.Equal("12:00:01", lines[0].QuerySelector(".hl-log-time")!.TextContent);
        var request = Assert.Single(source.Requests);
        Assert.Equal(new LogRequest(Tail: ContainerLogDrawer.TailLines, Follow: false), request);
        Assert.Contains("sonarr", cut.Find("[data-testid=log-drawer]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Follow_StreamsNewLinesAfterTheTail()
    {
        var source = AddContainerHost();
        source.Tail.Add(Out("old line"));
        var cut = OpenLogsOf("sonarr");
        cut.WaitForAssertion(() => Assert.Equal(["old line"], LineTexts(cut)));

        cut.Find("[data-testid=log-drawer] input[type=checkbox]").Change(true);
        await source.WaitForFollowAsync();
        source.Follow.Writer.TryWrite(Out("new line 1"));
        source.Follow.Writer.TryWrite(Err("new failure"));

        cut.WaitForAssertion(() => Assert.Equal(["old line", "new line 1", "new failure"], LineTexts(cut)));
        Assert.Equal(new LogRequest(Tail: ContainerLogDrawer.TailLines, Follow: true), source.Requests[^1]);
        Assert.Contains("following", cut.Find(".hl-log-foot").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_CancelsTheFollowStream()
    {
        var source = AddContainerHost();
        var cut = OpenLogsOf("sonarr");
        cut.Find("[data-testid=log-drawer] input[type=checkbox]").Change(true);
        await source.WaitForFollowAsync();

        cut.Find("[data-testid=log-close]").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Empty(cut.FindAll("[data-testid=log-lines]"));
            Assert.Equal(0, source.OpenStreams);
        });
        Assert.Equal(1, source.CancelledStreams);
    }

    [Fact]
    public async Task LeavingThePage_CancelsTheFollowStream()
    {
        var source = AddContainerHost();
        var cut = OpenLogsOf("sonarr");
        cut.Find("[data-testid=log-drawer] input[type=checkbox]").Change(true);
        await source.WaitForFollowAsync();

        await DisposeComponentsAsync();

        Assert.Equal(0, source.OpenStreams);
        Assert.Equal(1, source.CancelledStreams);
    }

    [Fact]
    public void SourceFails_ShowsAnErrorLine()
    {
        var source = AddContainerHost();
        source.OpenError = new SourceError(SourceErrorKind.Unreachable, "Connection refused");

        var cut = OpenLogsOf("sonarr");

        cut.WaitForAssertion(() => Assert.Equal("could not read the log: Connection refused", cut.Find("[data-testid=log-error] .hl-log-text").TextContent));
        Assert.Contains("hl-log-error", cut.Find("[data-testid=log-error]").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSuchHost_ShowsAnErrorLine()
    {
        var cut = OpenLogsOf("sonarr");

        cut.WaitForAssertion(() => Assert.Contains("no Docker host named docker-server", cut.Find("[data-testid=log-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Follow_ManyLines_KeepsOnlyTheNewestUpToTheCap()
    {
        var source = AddContainerHost();
        var sonarr = TestSnapshots.FindContainer(Live.Current, "sonarr");
        var cut = Render<ContainerLogDrawer>(p => p.Add(d => d.Container, sonarr).Add(d => d.MaxLines, 20));
        cut.Find("input[type=checkbox]").Change(true);
        await source.WaitForFollowAsync();

        for (var i = 0; i < 50; i++)
        {
            source.Follow.Writer.TryWrite(Out($"line {i}"));
        }

        cut.WaitForAssertion(() =>
        {
            var texts = cut.FindAll("[data-testid=log-line] .hl-log-text").Select(e => e.TextContent).ToList();
            Assert.Equal(20, texts.Count);
            Assert.Equal("line 30", texts[0]);
            Assert.Equal("line 49", texts[^1]);
        });
        Assert.Contains("older lines dropped; keeping the last 20", cut.Find(".hl-log-foot").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_KeepsAThousandLines()
    {
        var cut = Render<ContainerLogDrawer>(p => p.Add(d => d.Container, null));

        Assert.Equal(LogBuffer.DefaultCapacity, cut.Instance.MaxLines);
        Assert.Equal(1_000, LogBuffer.DefaultCapacity);
    }
}
