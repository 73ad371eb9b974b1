using System.Net;
using Homelab.Dashboard.Adapters.QBittorrent;
using Homelab.Domain.Downloads;
using Homelab.Domain.Sources;
using Homelab.Tests.Dashboard.Adapters.Proxmox;
using Homelab.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace Homelab.Tests.Dashboard.Adapters.QBittorrent;

/// <summary>Logging in by version, the API key, expired sessions, and never a second failed login within the cool-down.</summary>
public sealed class QBittorrentClientSessionTests
{
    private const string Maindata = """{"rid":1,"full_update":true}""";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string, int, string, string> SuccessfulLogins => new()
    {
        { "4.x to 5.1: 200 Ok. and an SID cookie", 200, "Ok.", "SID" },
        { "5.2: 204 and a cookie named after the port", 204, "", "QBT_SID_8080" },
    };

    [Theory]
    [MemberData(nameof(SuccessfulLogins))]
    public async Task AnyCall_LoginSucceeds_SendsTheFormThenTheCookieWhateverItsName(string why, int status, string body, string cookie)
    {
        _ = why;
        var qbt = new QBittorrentTestClient().Route("sync/maindata", Maindata);
        qbt.Login = _ =>
        {
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body) };
            response.Headers.Add("Set-Cookie", $"{cookie}=abc123; HttpOnly; path=/");
            return response;
        };

        var first = await qbt.Client.GetMainDataAsync(0, Cancel);
        var second = await qbt.Client.GetMainDataAsync(1, Cancel);

        Assert.True(first.IsSuccess, first.ToString());
        Assert.True(second.IsSuccess, second.ToString());
        var login = Assert.Single(qbt.RequestsTo("auth/login"));
        Assert.Equal(HttpMethod.Post, login.Method);
        Assert.Equal($"username=admin&password={QBittorrentTestClient.Password}", login.Body);
        Assert.All(qbt.RequestsTo("sync/maindata"), r => Assert.Equal($"{cookie}=abc123", r.Headers["Cookie"]));
    }

    public static TheoryData<string, int, string, SourceErrorKind, string> RefusedLogins => new()
    {
        { "4.x to 5.1: wrong credentials are 200 Fails.", 200, "Fails.", SourceErrorKind.Unauthorized, QBittorrentClient.CredentialsRefused },
        { "5.2: wrong credentials are 401", 401, "Unauthorized", SourceErrorKind.Unauthorized, QBittorrentClient.CredentialsRefused },
        { "any version: a banned address gets 403", 403, "Your IP address has been banned after too many failed authentication attempts.", SourceErrorKind.Forbidden, "qBittorrent has banned this address" },
    };

    [Theory]
    [MemberData(nameof(RefusedLogins))]
    public async Task AnyCall_LoginRefused_SaysWhatToDoWithoutThePassword(string why, int status, string body, SourceErrorKind kind, string message)
    {
        _ = why;
        var logs = new TestLoggerProvider();
        var qbt = new QBittorrentTestClient(logger: logs.CreateLogger<QBittorrentClient>()).Route("sync/maindata", Maindata);
        qbt.Login = _ => TestHttpMessageHandler.Text(body, (HttpStatusCode)status);

        var result = await qbt.Client.GetMainDataAsync(0, Cancel);

        Assert.Equal(kind, result.Error?.Kind);
        Assert.StartsWith(message, result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("Homelab:QBittorrent:Username and Password", result.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(QBittorrentTestClient.Password, result.Error.Message, StringComparison.Ordinal);
        Assert.Empty(qbt.RequestsTo("sync/maindata"));
        Assert.Contains(logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Text.Contains("refused the login for admin", StringComparison.Ordinal));
        Assert.All(logs.Messages, m => Assert.DoesNotContain(QBittorrentTestClient.Password, m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnyCall_RefusedLogin_NoSecondAttemptWithinTheCoolDownWhoeverAsks()
    {
        var time = new FakeTimeProvider(TestData.Start);
        var logs = new TestLoggerProvider();
        var qbt = new QBittorrentTestClient(timeProvider: time, logger: logs.CreateLogger<QBittorrentClient>()).Route("sync/maindata", Maindata);
        qbt.Login = _ => TestHttpMessageHandler.Text("Fails.");

        var first = await qbt.Client.GetMainDataAsync(0, Cancel);
        for (var i = 0; i < 5; i++)
        {
            // The collector, an action and a page, all within the cool-down.
            time.Advance(TimeSpan.FromSeconds(55));
            Assert.Equal(first.Error, (await qbt.Client.GetMainDataAsync(0, Cancel)).Error);
            Assert.Equal(first.Error, (await qbt.Client.GetClientInfoAsync(Cancel)).Error);
            Assert.Equal(first.Error, (await qbt.Client.GetTorrentsAsync(null, Cancel)).Error);
            Assert.Equal(first.Error, (await qbt.Client.SendCommandAsync(TorrentCommand.Pause, ["h"], deleteFiles: false, Cancel)).Error);
        }

        Assert.Single(qbt.Requests);
        Assert.Single(logs.Entries, e => e.EventId.Id == 8002);

        time.Advance(BackoffPolicy.AuthenticationFailureDelay - TimeSpan.FromSeconds(275));
        qbt.Login = _ => QBittorrentTestClient.LoginOk();
        var afterCoolDown = await qbt.Client.GetMainDataAsync(0, Cancel);

        Assert.True(afterCoolDown.IsSuccess, afterCoolDown.ToString());
        Assert.Equal(2, qbt.RequestsTo("auth/login").Count);
    }

    [Fact]
    public async Task AnyCall_ManyCallersAtOnceWithAWrongPassword_OneLoginAttempt()
    {
        var qbt = new QBittorrentTestClient();
        qbt.Before = (_, cancellationToken) => Task.Delay(50, cancellationToken);
        qbt.Login = _ => TestHttpMessageHandler.Text("Fails.");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => qbt.Client.GetMainDataAsync(0, Cancel)));

        Assert.All(results, r => Assert.Equal(SourceErrorKind.Unauthorized, r.Error?.Kind));
        Assert.Single(qbt.Requests);
    }

    [Fact]
    public async Task AnyCall_SessionExpired_LogsInOnceAndRetriesOnce()
    {
        var qbt = new QBittorrentTestClient();
        var sessions = 0;
        qbt.Login = _ => QBittorrentTestClient.LoginOk(sessionId: $"sid-{++sessions}");

        // qBittorrent forgot sid-1 (restart, or an hour idle); it knows sid-2.
        qbt.Route("torrents/info", r => r.Headers.TryGetValues("Cookie", out var c) && c.Single() == "SID=sid-2" ? TestHttpMessageHandler.Json("[]") : QBittorrentTestClient.Forbidden());
        await qbt.Client.GetClientInfoAsync(Cancel);

        var result = await qbt.Client.GetTorrentsAsync(null, Cancel);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(["auth/login", "app/version", "app/webapiVersion", "torrents/info", "auth/login", "torrents/info"], qbt.Requests.Select(r => QBittorrentTestClient.PathOf(r.Uri)));
    }

    [Fact]
    public async Task AnyCall_StillForbiddenAfterLoggingInAgain_GivesUpWithoutALoop()
    {
        var qbt = new QBittorrentTestClient().Route("torrents/info", _ => QBittorrentTestClient.Forbidden());

        var result = await qbt.Client.GetTorrentsAsync(null, Cancel);

        Assert.Equal(SourceErrorKind.Forbidden, result.Error?.Kind);
        Assert.Contains("right after a successful login", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(["auth/login", "torrents/info", "auth/login", "torrents/info"], qbt.Requests.Select(r => QBittorrentTestClient.PathOf(r.Uri)));
    }

    [Fact]
    public async Task AnyCall_ApiKey_BearerOnEveryRequestAndNeverAuth()
    {
        var qbt = new QBittorrentTestClient(username: null, password: null, apiKey: QBittorrentTestClient.ApiKey) { WebApiVersion = "2.15.1", Version = "v5.2.0" }
            .Route("sync/maindata", Maindata)
            .Route("torrents/stop", _ => new HttpResponseMessage(HttpStatusCode.NoContent));

        var update = await qbt.Client.GetMainDataAsync(0, Cancel);
        var stopped = await qbt.Client.SendCommandAsync(TorrentCommand.Pause, ["h1"], deleteFiles: false, Cancel);

        Assert.True(update.IsSuccess, update.ToString());
        Assert.True(stopped.Value);
        Assert.DoesNotContain(qbt.Requests, r => r.Uri.AbsolutePath.Contains("/auth/", StringComparison.Ordinal));
        Assert.All(qbt.Requests, r => Assert.Equal($"Bearer {QBittorrentTestClient.ApiKey}", r.Headers["Authorization"]));
    }

    [Fact]
    public async Task AnyCall_WrongApiKey_ForbiddenNamingTheSettingNotTheKey()
    {
        var logs = new TestLoggerProvider();
        var qbt = new QBittorrentTestClient(username: null, password: null, apiKey: QBittorrentTestClient.ApiKey, logger: logs.CreateLogger<QBittorrentClient>())
            .Route("sync/maindata", _ => QBittorrentTestClient.Forbidden());

        var result = await qbt.Client.GetMainDataAsync(0, Cancel);

        Assert.Equal(SourceErrorKind.Forbidden, result.Error?.Kind);
        Assert.Contains("Homelab:QBittorrent:ApiKey", result.Error!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(QBittorrentTestClient.ApiKey, result.Error.Message, StringComparison.Ordinal);
        Assert.Single(qbt.Requests);
        Assert.All(logs.Messages, m => Assert.DoesNotContain(QBittorrentTestClient.ApiKey, m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnyCall_NoCredentials_NeverLogsIn()
    {
        var qbt = new QBittorrentTestClient(username: null, password: null).Route("sync/maindata", Maindata);

        var update = await qbt.Client.GetMainDataAsync(0, Cancel);
        qbt.Route("sync/maindata", _ => QBittorrentTestClient.Forbidden());
        var refused = await qbt.Client.GetMainDataAsync(1, Cancel);

        Assert.True(update.IsSuccess, update.ToString());
        Assert.Equal(SourceErrorKind.Forbidden, refused.Error?.Kind);
        Assert.Contains("set Homelab:QBittorrent:Username and Password", refused.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(qbt.RequestsTo("auth/login"));
        Assert.All(qbt.Requests, r => Assert.False(r.Headers.ContainsKey("Authorization")));
    }

    [Fact]
    public async Task AnyCall_UpstreamEchoesThePassword_ItIsRedactedInMessagesAndLogs()
    {
        var logs = new TestLoggerProvider();
        var qbt = new QBittorrentTestClient(logger: logs.CreateLogger<QBittorrentClient>());
        qbt.Login = _ => TestHttpMessageHandler.Text($"proxy error: could not forward {qbt.RequestsTo("auth/login")[^1].Body}", HttpStatusCode.BadGateway);

        var result = await qbt.Client.GetMainDataAsync(0, Cancel);

        Assert.Equal(SourceErrorKind.Unreachable, result.Error?.Kind);
        Assert.Contains("***", result.Error!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(QBittorrentTestClient.Password, result.Error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(logs.Messages);
        Assert.All(logs.Messages, m => Assert.DoesNotContain(QBittorrentTestClient.Password, m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnyCall_LoginAnswersHtml_InvalidResponseAndNoCoolDown()
    {
        var qbt = new QBittorrentTestClient().Route("sync/maindata", Maindata);
        qbt.Login = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html><body>Sign in to Authelia</body></html>", System.Text.Encoding.UTF8, "text/html") };

        var first = await qbt.Client.GetMainDataAsync(0, Cancel);
        qbt.Login = _ => QBittorrentTestClient.LoginOk();
        var second = await qbt.Client.GetMainDataAsync(0, Cancel);

        Assert.Equal(SourceErrorKind.InvalidResponse, first.Error?.Kind);
        Assert.Contains("text/html", first.Error!.Message, StringComparison.Ordinal);
        Assert.True(second.IsSuccess, second.ToString());
    }

    [Fact]
    public async Task AnyCall_NeverSendsOriginOrReferer()
    {
        var qbt = new QBittorrentTestClient().Route("sync/maindata", Maindata);
        qbt.Http.DefaultRequestHeaders.Add("Origin", "http://dashboard.homelab.internal");
        qbt.Http.DefaultRequestHeaders.Referrer = new Uri("http://dashboard.homelab.internal/torrents");

        await qbt.Client.GetMainDataAsync(0, Cancel);

        Assert.Equal(2, qbt.Requests.Count);
        Assert.All(qbt.Requests, r => Assert.False(r.Headers.ContainsKey("Origin") || r.Headers.ContainsKey("Referer"), string.Join(", ", r.Headers.Keys)));
    }
}
