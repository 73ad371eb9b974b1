using System.Net;
using System.Net.Sockets;
using Homelab.Dashboard.Adapters.QBittorrent;
using Homelab.Dashboard.Configuration;
using Homelab.Domain.Downloads;
using Homelab.Domain.Sources;
using Homelab.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace Homelab.Tests.Dashboard.Adapters.QBittorrent;

/// <summary>Versions decide the verbs; commands go as forms; transport and protocol failures become errors, never exceptions.</summary>
public sealed class QBittorrentClientCommandTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("v4.5.2", "2.8.19", "torrents/pause", "torrents/resume")]
    [InlineData("v4.6.7", "2.9.3", "torrents/pause", "torrents/resume")]
    [InlineData("v5.0.4", "2.11.2", "torrents/stop", "torrents/start")]
    [InlineData("v5.1.2", "2.11.4", "torrents/stop", "torrents/start")]
    [InlineData("v5.2.0", "2.15.1", "torrents/stop", "torrents/start")]
    public async Task SendCommandAsync_PauseAndResume_UseTheVerbsOfTheReportedVersion(string version, string webApi, string pause, string resume)
    {
        var qbt = new QBittorrentTestClient { Version = version, WebApiVersion = webApi }
            .Route(pause, _ => TestHttpMessageHandler.Text(""))
            .Route(resume, _ => TestHttpMessageHandler.Text(""));

        var info = (await qbt.Client.GetClientInfoAsync(Cancel)).Value;
        var paused = await qbt.Client.SendCommandAsync(TorrentCommand.Pause, ["h1", "h2"], deleteFiles: false, Cancel);
        var resumed = await qbt.Client.SendCommandAsync(TorrentCommand.Resume, ["h1"], deleteFiles: false, Cancel);

        Assert.Equal(new TorrentClientInfo(version, webApi), info);
        Assert.True(paused.Value);
        Assert.True(resumed.Value);
        var sent = qbt.RequestsTo(pause).Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("hashes=h1%7Ch2", sent.Body);
        Assert.Equal("hashes=h1", qbt.RequestsTo(resume).Single().Body);
        Assert.Single(qbt.RequestsTo("app/webapiVersion"));
    }

    [Fact]
    public async Task SendCommandAsync_RecheckAndDelete_FormsAsQBittorrentExpects()
    {
        var qbt = new QBittorrentTestClient { WebApiVersion = "2.15.1" }
            .Route("torrents/recheck", _ => new HttpResponseMessage(HttpStatusCode.NoContent))
            .Route("torrents/delete", _ => new HttpResponseMessage(HttpStatusCode.OK));

        Assert.True((await qbt.Client.SendCommandAsync(TorrentCommand.Recheck, [], deleteFiles: false, Cancel)).Value);
        Assert.True((await qbt.Client.SendCommandAsync(TorrentCommand.Delete, ["h1"], deleteFiles: true, Cancel)).Value);
        Assert.True((await qbt.Client.SendCommandAsync(TorrentCommand.Delete, ["h2", "h3"], deleteFiles: false, Cancel)).Value);

        Assert.Equal("hashes=all", qbt.RequestsTo("torrents/recheck").Single().Body);
        Assert.Equal(["hashes=h1&deleteFiles=true", "hashes=h2%7Ch3&deleteFiles=false"], qbt.RequestsTo("torrents/delete").Select(r => r.Body));
    }

    [Fact]
    public async Task SendCommandAsync_VersionUnreadable_SendsNothingRatherThanGuessing()
    {
        var qbt = new QBittorrentTestClient { WebApiVersion = "<html>proxy</html>" };

        var result = await qbt.Client.SendCommandAsync(TorrentCommand.Pause, ["h1"], deleteFiles: false, Cancel);

        Assert.Equal(SourceErrorKind.InvalidResponse, result.Error?.Kind);
        Assert.Contains("app/webapiVersion", result.Error!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(qbt.Requests, r => r.Uri.AbsolutePath.StartsWith("/api/v2/torrents/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendCommandAsync_OldVerbGone_NotFoundAndTheVersionIsReadAgain()
    {
        var qbt = new QBittorrentTestClient { WebApiVersion = "2.9.3" };

        var result = await qbt.Client.SendCommandAsync(TorrentCommand.Pause, ["h1"], deleteFiles: false, Cancel);
        qbt.WebApiVersion = "2.11.2";
        qbt.Route("torrents/stop", _ => TestHttpMessageHandler.Text(""));
        var again = await qbt.Client.SendCommandAsync(TorrentCommand.Pause, ["h1"], deleteFiles: false, Cancel);

        Assert.Equal(SourceErrorKind.NotFound, result.Error?.Kind);
        Assert.Contains("torrents/pause", result.Error!.Message, StringComparison.Ordinal);
        Assert.True(again.Value);
        Assert.Equal(2, qbt.RequestsTo("app/webapiVersion").Count);
    }

    [Fact]
    public async Task AnyCall_405_SaysThePathIsPostOnly()
    {
        var qbt = new QBittorrentTestClient().Route("sync/maindata", _ => TestHttpMessageHandler.Text("Method Not Allowed", HttpStatusCode.MethodNotAllowed));

        var result = await qbt.Client.GetMainDataAsync(0, Cancel);

        Assert.Equal(405, result.Error?.StatusCode);
        Assert.Equal("qBittorrent only accepts POST for sync/maindata (HTTP 405)", result.Error!.Message);
    }

    [Fact]
    public async Task AnyCall_401OnAnOrdinaryCall_PointsAtCsrfAndHostValidationNotThePassword()
    {
        var qbt = new QBittorrentTestClient().Route("torrents/info", _ => TestHttpMessageHandler.Text("Unauthorized", HttpStatusCode.Unauthorized));

        var result = await qbt.Client.GetTorrentsAsync(null, Cancel);

        Assert.Equal(SourceErrorKind.Unauthorized, result.Error?.Kind);
        Assert.Contains("Host header validation", result.Error!.Message, StringComparison.Ordinal);
        Assert.Single(qbt.RequestsTo("auth/login"));
    }

    [Fact]
    public async Task AnyCall_Redirect_IsAnInvalidResponseNamingTheTarget()
    {
        var qbt = new QBittorrentTestClient();
        qbt.Login = _ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.Found);
            response.Headers.Location = new Uri("https://auth.homelab.internal/?rd=qbittorrent");
            return response;
        };

        var result = await qbt.Client.GetMainDataAsync(0, Cancel);

        Assert.Equal(SourceErrorKind.InvalidResponse, result.Error?.Kind);
        Assert.Contains("https://auth.homelab.internal/?rd=qbittorrent", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCall_NoAnswerInTime_TimesOut()
    {
        var qbt = new QBittorrentTestClient(requestTimeout: TimeSpan.FromMilliseconds(150)) { Before = (_, token) => Task.Delay(Timeout.Infinite, token) };

        var started = TimeProvider.System.GetTimestamp();
        var result = await qbt.Client.GetMainDataAsync(0, Cancel);

        Assert.Equal(SourceErrorKind.Timeout, result.Error?.Kind);
        Assert.InRange(TimeProvider.System.GetElapsedTime(started), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AnyCall_CallerCancels_Throws()
    {
        var qbt = new QBittorrentTestClient { Before = (_, token) => Task.Delay(Timeout.Infinite, token) };
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => qbt.Client.GetMainDataAsync(0, cancel.Token));
    }

    [Fact]
    public async Task AnyCall_ConnectionRefused_Unreachable()
    {
        var qbt = new QBittorrentTestClient { Before = (_, _) => throw new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)) };

        var result = await qbt.Client.GetTorrentsAsync(null, Cancel);

        Assert.Equal(SourceErrorKind.Unreachable, result.Error?.Kind);
        Assert.Equal("connection refused", result.Error!.Message);
    }

    [Fact]
    public async Task AnyCall_HugeAnswer_IsAnInvalidResponse()
    {
        var qbt = new QBittorrentTestClient().Route("torrents/info", _ => TestHttpMessageHandler.Json(new string(' ', 17 * 1024 * 1024)));

        var result = await qbt.Client.GetTorrentsAsync(null, Cancel);

        Assert.Equal(SourceErrorKind.InvalidResponse, result.Error?.Kind);
        Assert.Contains("larger than", result.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://gluetun:8080", "http://gluetun:8080/api/v2/")]
    [InlineData("http://gluetun:8080/", "http://gluetun:8080/api/v2/")]
    [InlineData("http://gluetun:8080/api/v2", "http://gluetun:8080/api/v2/")]
    [InlineData("https://proxy.homelab.internal/qbittorrent/", "https://proxy.homelab.internal/qbittorrent/api/v2/")]
    public void ApiBase_AnyFormOfTheUrl_IsTheApiRoot(string configured, string expected) =>
        Assert.Equal(new Uri(expected), QBittorrentAdapterFactory.ApiBase(new Uri(configured)));

    [Fact]
    public void Create_BuildsTheRealClient()
    {
        var source = QBittorrentAdapterFactory.Create(
            new QBittorrentConnection(new Uri("http://127.0.0.1:1"), "admin", "x", null, Simulated: false),
            new QBittorrentOptions(),
            NullLoggerFactory.Instance,
            TimeProvider.System);

        Assert.IsType<QBittorrentClient>(source);
        ((IDisposable)source).Dispose();
    }
}
