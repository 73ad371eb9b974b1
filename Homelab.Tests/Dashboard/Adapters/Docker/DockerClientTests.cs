using System.Net;
using System.Net.Sockets;
using Homelab.Dashboard.Adapters.Docker;
using Homelab.Domain.Containers;
using Homelab.Domain.Sources;
using Homelab.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using static Homelab.Tests.Dashboard.Adapters.Docker.DockerTestClients;

namespace Homelab.Tests.Dashboard.Adapters.Docker;

public sealed class DockerClientTests
{
    private const string SonarrId = "4f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8";

    private const string ListWithHealth = """
        [{"Id":"4f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8","Names":["/sonarr"],"Image":"lscr.io/linuxserver/sonarr:4.0.16",
          "ImageID":"sha256:9a8b","Command":"/init","Created":1763000000,"State":"running","Status":"Up 3 hours (healthy)",
          "Ports":[{"IP":"::","PrivatePort":8989,"PublicPort":8989,"Type":"tcp"},{"IP":"0.0.0.0","PrivatePort":8989,"PublicPort":8989,"Type":"tcp"}],
          "Labels":{"com.docker.compose.project":"media","com.docker.compose.service":"sonarr"},
          "Health":{"Status":"unhealthy","FailingStreak":4}}]
        """;

    [Fact]
    public async Task ListAsync_Api152_ReadsHealthFromTheListAndPinsTheVersion()
    {
        var (client, handler) = Create(_ => TestHttpMessageHandler.Json(ListWithHealth));

        var result = await client.ListAsync(TestContext.Current.CancellationToken);

        var sonarr = Assert.Single(result.Value);
        Assert.Equal(SonarrId, sonarr.Id);
        Assert.Equal("sonarr", sonarr.Name);
        Assert.Equal(ContainerState.Running, sonarr.State);

        // The Health block wins over the status text when both are there.
        Assert.Equal(ContainerHealth.Unhealthy, sonarr.Health);
        Assert.Equal("Up 3 hours (healthy)", sonarr.StatusText);
        Assert.Equal("media", sonarr.ComposeProject);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1763000000), sonarr.Created);
        Assert.Equal("/v1.52/containers/json?all=true", handler.Requests[^1].Uri.PathAndQuery);
        Assert.Equal(new Version(1, 52), client.ApiVersion);
    }

    [Fact]
    public async Task ListAsync_OlderDaemonWithoutHealth_ReadsHealthFromStatusText()
    {
        var (client, handler) = Create(_ => TestHttpMessageHandler.Json("""
            [{"Id":"a1","Names":["/kavita"],"State":"running","Status":"Up 5 seconds (health: starting)"},
             {"Id":"b2","Names":["/linkwarden"],"State":"running","Status":"Up 2 days (unhealthy)"},
             {"Id":"c3","Names":["/bazarr"],"State":"running","Status":"Up 2 days"}]
            """), apiVersion: "1.44");

        var result = await client.ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal([ContainerHealth.Starting, ContainerHealth.Unhealthy, ContainerHealth.None], result.Value.Select(c => c.Health));
        Assert.StartsWith("/v1.44/containers/json", handler.Requests[^1].Uri.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_NewerDaemon_CapsTheVersionAt152()
    {
        var (client, handler) = Create(_ => TestHttpMessageHandler.Json("[]"), apiVersion: "1.56");

        await client.ListAsync(TestContext.Current.CancellationToken);

        Assert.StartsWith("/v1.52/", handler.Requests[^1].Uri.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_SecondCall_DoesNotPingAgain()
    {
        var (client, handler) = Create(_ => TestHttpMessageHandler.Json("[]"));

        await client.ListAsync(TestContext.Current.CancellationToken);
        await client.ListAsync(TestContext.Current.CancellationToken);

        Assert.Single(handler.Requests, r => r.Uri.AbsolutePath == "/_ping");
    }

    [Fact]
    public async Task ListAsync_PingWithoutVersion_AsksVersionEndpoint()
    {
        var (client, handler) = Create(request => request.RequestUri!.AbsolutePath == "/version"
            ? TestHttpMessageHandler.Json("""{"Version":"25.0.5","ApiVersion":"1.44","MinAPIVersion":"1.24"}""")
            : TestHttpMessageHandler.Json("[]"), apiVersion: null);

        await client.ListAsync(TestContext.Current.CancellationToken);

        Assert.StartsWith("/v1.44/containers/json", handler.Requests[^1].Uri.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_NoVersionAnywhere_SendsUnprefixedPaths()
    {
        var (client, handler) = Create(request => request.RequestUri!.AbsolutePath == "/version"
            ? TestHttpMessageHandler.Text("Forbidden", HttpStatusCode.Forbidden)
            : TestHttpMessageHandler.Json("[]"), apiVersion: null);

        var result = await client.ListAsync(TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess);
        Assert.Equal("/containers/json?all=true", handler.Requests[^1].Uri.PathAndQuery);
        Assert.Null(client.ApiVersion);
    }

    [Fact]
    public async Task ListAsync_PingFailsOnce_NegotiatesAgainOnTheNextCall()
    {
        var pings = 0;
        var handler = new TestHttpMessageHandler(request =>
        {
            if (request.RequestUri!.AbsolutePath == "/_ping")
            {
                return ++pings == 1 ? throw new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)) : Ping("1.51");
            }

            return TestHttpMessageHandler.Json("[]");
        });
        var client = Over(handler);

        var first = await client.ListAsync(TestContext.Current.CancellationToken);
        var second = await client.ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.Unreachable, first.Error?.Kind);
        Assert.True(second.IsSuccess);
        Assert.Equal(2, pings);
        Assert.StartsWith("/v1.51/", handler.Requests[^1].Uri.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_NamesFromLinks_PicksTheContainersOwnName()
    {
        var (client, _) = Create(_ => TestHttpMessageHandler.Json("""[{"Id":"d4","Names":["/web/db","/db"],"State":"running"}]"""));

        var result = await client.ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal("db", Assert.Single(result.Value).Name);
    }

    [Fact]
    public async Task ListAsync_Ports_ListsEachBindingOnceInStableOrder()
    {
        var (client, _) = Create(_ => TestHttpMessageHandler.Json("""
            [{"Id":"e5","Names":["/gluetun"],"State":"running","Ports":[
              {"IP":"::","PrivatePort":8000,"PublicPort":8001,"Type":"tcp"},
              {"PrivatePort":5050,"Type":"tcp"},
              {"IP":"0.0.0.0","PrivatePort":8000,"PublicPort":8001,"Type":"tcp"},
              {"IP":"0.0.0.0","PrivatePort":53,"PublicPort":53,"Type":"udp"},
              {"Type":"tcp"}]}]
            """));

        var result = await client.ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(
            [new ContainerPort(53, 53, "udp", "0.0.0.0"), new ContainerPort(5050, null, "tcp", null), new ContainerPort(8000, 8001, "tcp", "0.0.0.0")],
            Assert.Single(result.Value).Ports);
    }

    [Fact]
    public async Task ListAsync_MissingAndWronglyTypedFields_UsesDefaultsAndSkipsEntriesWithoutId()
    {
        var (client, _) = Create(_ => TestHttpMessageHandler.Json("""
            [{"Id":"0123456789abcdef0123"},
             {"Names":["/no-id"],"State":"running"},
             {"Id":"f6","Names":null,"State":42,"Status":null,"Created":"yesterday","Ports":{},"Labels":null,"Health":null}]
            """));

        var result = await client.ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Value.Count);
        var bare = result.Value[0];
        Assert.Equal("0123456789ab", bare.Name);
        Assert.Equal(ContainerState.Unknown, bare.State);
        Assert.Equal(ContainerHealth.None, bare.Health);
        Assert.Null(bare.Created);
        Assert.Null(bare.ComposeProject);
        Assert.Empty(bare.Ports);
        Assert.Equal("f6", result.Value[1].Name);
    }

    [Fact]
    public async Task ListAsync_ObjectInsteadOfList_IsInvalidResponse()
    {
        var (client, _) = Create(_ => TestHttpMessageHandler.Json("""{"Id":"abc"}"""));

        var result = await client.ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.InvalidResponse, result.Error?.Kind);
    }

    [Fact]
    public async Task ListAsync_HtmlPage_IsInvalidResponseQuotingIt()
    {
        var (client, _) = Create(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("<html><body>Welcome to nginx!</body></html>", System.Text.Encoding.UTF8, "text/html"),
        });

        var result = await client.ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.InvalidResponse, result.Error?.Kind);
        Assert.Contains("text/html", result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("Welcome to nginx", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_SocketProxyForbidsContainers_IsForbiddenWithTheSwitchToSet()
    {
        // tecnativa/docker-socket-proxy (HAProxy) answers a section it does not allow with its own HTML page.
        var (client, _) = Create(_ => new HttpResponseMessage(HttpStatusCode.Forbidden)
        {
            Content = new StringContent("<html><body><h1>403 Forbidden</h1>\nRequest forbidden by administrative rules.\n</body></html>", System.Text.Encoding.UTF8, "text/html"),
        });

        var result = await client.ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.Forbidden, result.Error?.Kind);
        Assert.Equal(403, result.Error!.StatusCode);
        Assert.Contains("CONTAINERS=1", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_ClientVersionTooOld_IsBadRequestWithDockersTextAndRenegotiates()
    {
        var calls = 0;
        var (client, handler) = Create(_ => ++calls == 1
            ? TestHttpMessageHandler.Json("""{"message":"client version 1.41 is too old. Minimum supported API version is 1.44, please upgrade your client to a newer version"}""", HttpStatusCode.BadRequest)
            : TestHttpMessageHandler.Json("[]"), apiVersion: "1.41");

        var rejected = await client.ListAsync(TestContext.Current.CancellationToken);
        await client.ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.BadRequest, rejected.Error?.Kind);
        Assert.StartsWith("client version 1.41 is too old", rejected.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(2, handler.Requests.Count(r => r.Uri.AbsolutePath == "/_ping"));
    }

    [Fact]
    public async Task ListAsync_ServerError_IsUpstreamErrorWithDockersMessage()
    {
        var (client, _) = Create(_ => TestHttpMessageHandler.Json("""{"message":"Cannot connect to the Docker daemon at unix:///var/run/docker.sock"}""", HttpStatusCode.InternalServerError));

        var result = await client.ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.UpstreamError, result.Error?.Kind);
        Assert.Equal("Cannot connect to the Docker daemon at unix:///var/run/docker.sock", result.Error!.Message);
    }

    [Fact]
    public async Task ListAsync_ConnectionRefused_IsUnreachable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var http = new HttpClient(DockerAdapterFactory.CreateHandler(Homelab.Dashboard.Configuration.DockerEndpoint.Parse($"tcp://127.0.0.1:{port}"), TimeSpan.FromSeconds(5)))
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };
        using var client = new DockerClient(http, Host, TimeSpan.FromSeconds(5), NullLogger.Instance, TimeProvider.System);

        var result = await client.ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.Unreachable, result.Error?.Kind);
        Assert.Equal("connection refused", result.Error!.Message);
    }

    [Fact]
    public async Task ListAsync_NoAnswerInTime_IsTimeout()
    {
        var (client, _) = Create(async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return TestHttpMessageHandler.Json("[]");
        }, requestTimeout: TimeSpan.FromMilliseconds(200));

        var result = await client.ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.Timeout, result.Error?.Kind);
    }

    [Fact]
    public async Task ListAsync_CallerCancels_ThrowsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        var (client, _) = Create(async (_, cancellationToken) =>
        {
            await cancel.CancelAsync();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return TestHttpMessageHandler.Json("[]");
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListAsync(cancel.Token));
    }

    [Fact]
    public async Task InspectAsync_RunningContainer_ReadsStateHealthAndNanosecondTimes()
    {
        var (client, handler) = Create(_ => TestHttpMessageHandler.Json("""
            {"Id":"4f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8","Name":"/linkwarden","RestartCount":3,
             "State":{"Status":"running","Running":true,"Paused":false,"Restarting":false,"OOMKilled":false,"Dead":false,"Pid":4242,"ExitCode":0,"Error":"",
               "StartedAt":"2026-11-26T10:15:30.123456789Z","FinishedAt":"2026-11-26T10:15:25.5Z",
               "Health":{"Status":"unhealthy","FailingStreak":14,"Log":[{"Start":"2026-11-26T12:00:00Z","End":"2026-11-26T12:00:01Z","ExitCode":1,"Output":"curl: (7)"}]}},
             "Image":"sha256:1b2c","Config":{"Tty":false,"Image":"ghcr.io/linkwarden/linkwarden:v2.12.2"}}
            """));

        var result = await client.InspectAsync("linkwarden", TestContext.Current.CancellationToken);

        var details = result.Value;
        Assert.Equal("linkwarden", details.Name);
        Assert.Equal(ContainerState.Running, details.State);
        Assert.Equal(ContainerHealth.Unhealthy, details.Health);
        Assert.Equal(14, details.FailingStreak);
        Assert.Equal(3, details.RestartCount);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 10, 15, 30, TimeSpan.Zero).AddTicks(1_234_567), details.StartedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 10, 15, 25, 500, TimeSpan.Zero), details.FinishedAt);
        Assert.Equal(0, details.ExitCode);
        Assert.Null(details.Error);
        Assert.False(details.Tty);
        Assert.Equal("ghcr.io/linkwarden/linkwarden:v2.12.2", details.Image);
        Assert.Equal("/v1.52/containers/linkwarden/json", handler.Requests[^1].Uri.AbsolutePath);
    }

    [Fact]
    public async Task InspectAsync_NeverStarted_HasNoTimesAndNoHealth()
    {
        var (client, _) = Create(_ => TestHttpMessageHandler.Json("""
            {"Id":"9c","Name":"/lncrawl","State":{"Status":"created","Running":false,"Pid":0,"ExitCode":0,
              "StartedAt":"0001-01-01T00:00:00Z","FinishedAt":"0001-01-01T00:00:00Z","OOMKilled":true,"Error":"OCI runtime create failed"},
             "Config":{"Tty":true}}
            """));

        var details = (await client.InspectAsync("9c", TestContext.Current.CancellationToken)).Value;

        Assert.Equal(ContainerState.Created, details.State);
        Assert.Null(details.StartedAt);
        Assert.Null(details.FinishedAt);
        Assert.Equal(ContainerHealth.None, details.Health);
        Assert.Null(details.FailingStreak);
        Assert.True(details.OomKilled);
        Assert.Equal("OCI runtime create failed", details.Error);
        Assert.True(details.Tty);
    }

    [Fact]
    public async Task InspectAsync_OldDaemonWithoutStatusWord_DerivesStateFromFlags()
    {
        var (client, _) = Create(_ => TestHttpMessageHandler.Json("""{"Id":"7d","State":{"Running":true,"Restarting":true}}"""));

        var details = (await client.InspectAsync("7d", TestContext.Current.CancellationToken)).Value;

        Assert.Equal(ContainerState.Restarting, details.State);
        Assert.Equal("7d", details.Name);
    }

    [Fact]
    public async Task InspectAsync_NoSuchContainer_IsNotFoundWithDockersMessage()
    {
        var (client, _) = Create(_ => TestHttpMessageHandler.Json("""{"message":"No such container: nope"}""", HttpStatusCode.NotFound));

        var result = await client.InspectAsync("nope", TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.NotFound, result.Error?.Kind);
        Assert.Equal("No such container: nope", result.Error!.Message);
    }

    [Fact]
    public async Task InspectAsync_TruncatedJson_IsInvalidResponse()
    {
        var (client, _) = Create(_ => TestHttpMessageHandler.Json("""{"Id":"7d","State":{"Sta"""));

        var result = await client.InspectAsync("7d", TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.InvalidResponse, result.Error?.Kind);
    }

    [Fact]
    public async Task InspectAsync_IdNeedingEscapes_IsEscapedInThePath()
    {
        var (client, handler) = Create(_ => TestHttpMessageHandler.Json("""{"message":"No such container"}""", HttpStatusCode.NotFound));

        await client.InspectAsync("../images/x", TestContext.Current.CancellationToken);

        Assert.Equal("/v1.52/containers/..%2Fimages%2Fx/json", handler.Requests[^1].Uri.AbsolutePath);
    }
}
