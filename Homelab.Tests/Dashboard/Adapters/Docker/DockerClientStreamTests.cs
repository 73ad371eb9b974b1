using System.Net;
using System.Text;
using Homelab.Domain.Containers;
using Homelab.Domain.Sources;
using Homelab.Tests.Shared;
using static Homelab.Tests.Dashboard.Adapters.Docker.DockerTestClients;

namespace Homelab.Tests.Dashboard.Adapters.Docker;

public sealed class DockerClientStreamTests
{
    private const string Multiplexed = "application/vnd.docker.multiplexed-stream";
    private const string Raw = "application/vnd.docker.raw-stream";
    private const string InspectNoTty = """{"Id":"a1","Name":"/sonarr","State":{"Status":"running"},"Config":{"Tty":false}}""";
    private const string InspectTty = """{"Id":"a1","Name":"/sonarr","State":{"Status":"running"},"Config":{"Tty":true}}""";

    private static readonly DateTimeOffset s_first = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    private static byte[][] TwoFramedLines() =>
    [
        Frame(1, "2026-11-26T10:00:00.123456789Z [Info] RssSyncService: RSS Sync Completed\n"),
        Frame(2, "2026-11-26T10:00:01.000000000Z [Warn] Indexer unavailable\n"),
    ];

    [Fact]
    public async Task OpenLogsAsync_MultiplexedContentType_SeparatesStdoutAndStderrWithTimestamps()
    {
        var (client, handler) = Create(_ => Stream(new TestChunkedStream(TwoFramedLines()), Multiplexed));

        var opened = await client.OpenLogsAsync("sonarr", new LogRequest(Tail: 50), TestContext.Current.CancellationToken);
        var lines = await ToListAsync(opened.Value);

        Assert.Equal(
            [
                new LogLine(LogStream.Stdout, s_first, "[Info] RssSyncService: RSS Sync Completed"),
                new LogLine(LogStream.Stderr, new DateTimeOffset(2026, 11, 26, 10, 0, 1, TimeSpan.Zero), "[Warn] Indexer unavailable"),
            ],
            lines);

        // The framing came from the Content-Type: no inspect was needed.
        Assert.Equal(["/_ping", "/v1.52/containers/sonarr/logs"], handler.Requests.Select(r => r.Uri.AbsolutePath));
        Assert.Equal("?stdout=1&stderr=1&timestamps=1&tail=50", handler.Requests[^1].Uri.Query);
    }

    [Fact]
    public async Task OpenLogsAsync_SinceAndFollow_AreSentAsDockerExpectsThem()
    {
        var (client, handler) = Create(_ => Stream(new TestChunkedStream([]), Multiplexed));

        var since = DateTimeOffset.FromUnixTimeSeconds(1_764_150_000).AddTicks(5);
        await client.OpenLogsAsync("sonarr", new LogRequest(Tail: null, Follow: true, Since: since), TestContext.Current.CancellationToken);

        Assert.Equal("?stdout=1&stderr=1&timestamps=1&tail=all&since=1764150000.000000500&follow=1", handler.Requests[^1].Uri.Query);
    }

    [Fact]
    public async Task OpenLogsAsync_RawStreamContentType_ReadsRawLines()
    {
        var (client, _) = Create(_ => Stream(new TestChunkedStream([Encoding.UTF8.GetBytes("2026-11-26T10:00:00.123456789Z tty line one\r\n2026-11-26T10:00:01Z tty line two\n")]), Raw));

        var lines = await ToListAsync((await client.OpenLogsAsync("sonarr", new LogRequest(), TestContext.Current.CancellationToken)).Value);

        Assert.Equal([new LogLine(LogStream.Stdout, s_first, "tty line one"), new LogLine(LogStream.Stdout, new DateTimeOffset(2026, 11, 26, 10, 0, 1, TimeSpan.Zero), "tty line two")], lines);
    }

    [Theory]
    [InlineData(InspectNoTty, true)]
    [InlineData(InspectTty, false)]
    public async Task OpenLogsAsync_NoUsableContentType_AsksInspectForTheTty(string inspect, bool multiplexed)
    {
        var body = multiplexed ? TwoFramedLines() : [Encoding.UTF8.GetBytes("2026-11-26T10:00:00.123456789Z [Info] RssSyncService: RSS Sync Completed\n")];
        var (client, handler) = Create(request => request.RequestUri!.AbsolutePath.EndsWith("/json", StringComparison.Ordinal)
            ? TestHttpMessageHandler.Json(inspect)
            : Stream(new TestChunkedStream(body), "application/octet-stream"));

        var lines = await ToListAsync((await client.OpenLogsAsync("sonarr", new LogRequest(), TestContext.Current.CancellationToken)).Value);

        Assert.Equal(new LogLine(LogStream.Stdout, s_first, "[Info] RssSyncService: RSS Sync Completed"), lines[0]);
        Assert.Contains(handler.Requests, r => r.Uri.AbsolutePath == "/v1.52/containers/sonarr/json");
    }

    [Fact]
    public async Task OpenLogsAsync_RawContentTypeBeforeApi142_IsNotTrustedAndInspectDecides()
    {
        // Daemons before API 1.42 labelled every log stream raw, multiplexed or not.
        var (client, handler) = Create(request => request.RequestUri!.AbsolutePath.EndsWith("/json", StringComparison.Ordinal)
            ? TestHttpMessageHandler.Json(InspectNoTty)
            : Stream(new TestChunkedStream(TwoFramedLines()), Raw), apiVersion: "1.41");

        var lines = await ToListAsync((await client.OpenLogsAsync("sonarr", new LogRequest(), TestContext.Current.CancellationToken)).Value);

        Assert.Equal([LogStream.Stdout, LogStream.Stderr], lines.Select(l => l.Stream));
        Assert.Contains(handler.Requests, r => r.Uri.AbsolutePath == "/v1.41/containers/sonarr/json");
    }

    [Fact]
    public async Task OpenLogsAsync_NoSuchContainer_IsNotFound()
    {
        var (client, _) = Create(_ => TestHttpMessageHandler.Json("""{"message":"No such container: ghost"}""", HttpStatusCode.NotFound));

        var result = await client.OpenLogsAsync("ghost", new LogRequest(), TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.NotFound, result.Error?.Kind);
    }

    [Fact]
    public async Task OpenLogsAsync_ConnectionDropsMidStream_EndsQuietlyWithTheLinesSoFar()
    {
        var chunks = new[] { Frame(1, "2026-11-26T10:00:00.123456789Z first\n"), Frame(1, "2026-11-26T10:00:01Z half a li") };
        var (client, _) = Create(_ => Stream(new TestChunkedStream(chunks, TestChunkedStream.Ending.Drop), Multiplexed));

        var lines = await ToListAsync((await client.OpenLogsAsync("sonarr", new LogRequest(Follow: true), TestContext.Current.CancellationToken)).Value);

        Assert.Equal(["first", "half a li"], lines.Select(l => l.Text));
    }

    [Fact]
    public async Task OpenLogsAsync_FollowCancelledByCaller_ThrowsOperationCanceled()
    {
        var (client, _) = Create(_ => Stream(new TestChunkedStream([Frame(1, "2026-11-26T10:00:00Z hello\n")], TestChunkedStream.Ending.Hang), Multiplexed));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var opened = await client.OpenLogsAsync("sonarr", new LogRequest(Follow: true), cancel.Token);
        var seen = new List<LogLine>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var line in opened.Value)
            {
                seen.Add(line);
                await cancel.CancelAsync();
            }
        });
        Assert.Equal("hello", Assert.Single(seen).Text);
    }

    [Fact]
    public async Task OpenEventsAsync_Stream_ParsesContainerEventsAndSkipsLinesItCannotUse()
    {
        var body = string.Join('\n',
            """{"status":"start","id":"c1","from":"sonarr","Type":"container","Action":"start","Actor":{"ID":"c1","Attributes":{"name":"sonarr","image":"lscr.io/linuxserver/sonarr"}},"scope":"local","time":1764151200,"timeNano":1764151200123456789}""",
            "<html>502 Bad Gateway</html>",
            """{"Type":"network","Action":"connect","Actor":{"ID":"n1","Attributes":{"name":"media_default"}},"time":1764151201,"timeNano":1764151201000000000}""",
            "",
            """{"Type":"container","Action":"health_status: unhealthy","Actor":{"ID":"c2","Attributes":{"name":"linkwarden"}},"time":1764151202,"timeNano":1764151202000000000}""",
            """{"Type":"container","Action":"die","Actor":{"ID":"c3","Attri""",
            """{"status":"die","id":"c4","from":"unpackerr","time":1764151203}""") + "\n";
        var (client, _) = Create(_ => Stream(new TestChunkedStream([Encoding.UTF8.GetBytes(body)]), "application/json"));

        var events = await ToListAsync((await client.OpenEventsAsync(null, TestContext.Current.CancellationToken)).Value);

        Assert.Equal(
            [
                new ContainerEvent("c1", "start", "sonarr", DateTimeOffset.FromUnixTimeSeconds(1764151200).AddTicks(1_234_567), 1764151200123456789),
                new ContainerEvent("c2", "health_status: unhealthy", "linkwarden", DateTimeOffset.FromUnixTimeSeconds(1764151202), 1764151202000000000),
                new ContainerEvent("c4", "die", null, DateTimeOffset.FromUnixTimeSeconds(1764151203), 1764151203000000000),
            ],
            events);
        Assert.Equal("health_status", events[1].ActionName);
    }

    [Fact]
    public async Task OpenEventsAsync_EventSplitAcrossReads_IsReassembled()
    {
        var line = Encoding.UTF8.GetBytes("""{"Type":"container","Action":"stop","Actor":{"ID":"c1","Attributes":{"name":"sonarr"}},"time":1764151200,"timeNano":1764151200000000000}""" + "\n");
        var chunks = line.Chunk(7).ToArray();
        var (client, _) = Create(_ => Stream(new TestChunkedStream(chunks), "application/json"));

        var events = await ToListAsync((await client.OpenEventsAsync(null, TestContext.Current.CancellationToken)).Value);

        Assert.Equal("stop", Assert.Single(events).Action);
    }

    [Fact]
    public async Task OpenEventsAsync_Since_SendsUnixSecondsAndTheContainerFilter()
    {
        var (client, handler) = Create(_ => Stream(new TestChunkedStream([]), "application/json"));

        await client.OpenEventsAsync(DateTimeOffset.FromUnixTimeSeconds(1_764_151_200).AddTicks(1_234_567), TestContext.Current.CancellationToken);

        var query = Uri.UnescapeDataString(handler.Requests[^1].Uri.Query);
        Assert.Equal("""?filters={"type":["container"]}&since=1764151200.123456700""", query);
    }

    [Fact]
    public async Task OpenEventsAsync_SocketProxyWithoutEvents_IsForbiddenWithTheEventsHint()
    {
        var (client, _) = Create(_ => TestHttpMessageHandler.Text("Forbidden", HttpStatusCode.Forbidden));

        var result = await client.OpenEventsAsync(null, TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.Forbidden, result.Error?.Kind);
        Assert.Contains("EVENTS=1", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenEventsAsync_ConnectionDrops_EndsQuietly()
    {
        var line = Encoding.UTF8.GetBytes("""{"Type":"container","Action":"start","Actor":{"ID":"c1"},"time":1764151200}""" + "\n");
        var (client, _) = Create(_ => Stream(new TestChunkedStream([line], TestChunkedStream.Ending.Drop), "application/json"));

        var events = await ToListAsync((await client.OpenEventsAsync(null, TestContext.Current.CancellationToken)).Value);

        Assert.Single(events);
    }

    [Fact]
    public async Task OpenEventsAsync_OpenTokenCancelled_StopsTheStream()
    {
        var (client, _) = Create(_ => Stream(new TestChunkedStream([], TestChunkedStream.Ending.Hang), "application/json"));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var opened = await client.OpenEventsAsync(null, cancel.Token);

        cancel.CancelAfter(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ToListAsync(opened.Value));
    }
}
