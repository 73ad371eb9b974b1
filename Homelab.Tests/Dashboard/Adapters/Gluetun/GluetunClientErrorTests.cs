using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Homelab.Dashboard.Adapters.Gluetun;
using Homelab.Dashboard.Configuration;
using Homelab.Domain.Downloads;
using Homelab.Domain.Sources;
using Homelab.Tests.Dashboard.Adapters.Proxmox;
using Homelab.Tests.Shared;
using Microsoft.Extensions.Logging;
using static Homelab.Tests.Dashboard.Adapters.Gluetun.GluetunTestServer;

namespace Homelab.Tests.Dashboard.Adapters.Gluetun;

/// <summary>What goes wrong: refused keys, garbage, slow or dead servers, a caller that gives up.</summary>
public sealed class GluetunClientErrorTests : IDisposable
{
    private readonly GluetunTestServer _server = new();
    private readonly TestLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggerFactory;

    public GluetunClientErrorTests() => _loggerFactory = _logs.CreateFactory();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _loggerFactory.Dispose();

    private GluetunClient CreateClient(string? apiKey = ApiKey, TimeSpan? requestTimeout = null, bool simulated = false) =>
        _server.CreateClient(apiKey, requestTimeout, _loggerFactory.CreateLogger<GluetunClient>(), simulated: simulated);

    /// <summary>
    /// Short only where the test waits for it to pass (a hanging answer); elsewhere long, so that on a busy machine a
    /// slow answer from the loopback test server is not taken for the timeout the test is not about.
    /// </summary>
    private static TimeSpan TimeoutFor(Breakage breakage, TimeSpan whenHanging) =>
        breakage == Breakage.Hangs ? whenHanging : TimeSpan.FromSeconds(30);

    private void RefuseEverything(Func<HttpResponseMessage>? refusal = null)
    {
        foreach (var path in _server.Routes.Keys.ToList())
        {
            _server.Routes[path] = Answer(refusal ?? (() => Text("Unauthorized", HttpStatusCode.Unauthorized)));
        }
    }

    [Theory]
    [InlineData(false, "Homelab:Gluetun:ApiKey")]
    [InlineData(true, "Homelab:Simulator:GluetunApiKey")]
    public async Task GetStatus_KeyRefused_UnauthorizedNamingTheSettingAndGluetunsRolesButNotTheKey(bool simulated, string setting)
    {
        RefuseEverything();
        using var client = CreateClient(simulated: simulated);

        var result = await client.GetStatusAsync(Cancel);

        var error = result.Error!;
        Assert.Equal((SourceErrorKind.Unauthorized, 401), (error.Kind, error.StatusCode));
        Assert.True(error.IsAuthenticationFailure);
        Assert.Contains($"refused the API key from {setting} for GET /v1/vpn/status", error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP_CONTROL_SERVER_AUTH_DEFAULT_ROLE", error.Message, StringComparison.Ordinal);
        Assert.Contains("/gluetun/auth/config.toml", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Messages, m => m.Contains(ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetStatus_NoKeyAndRoutesPrivate_SaysToConfigureOne()
    {
        RefuseEverything();
        using var client = CreateClient(apiKey: null);

        var error = (await client.GetStatusAsync(Cancel)).Error!;

        Assert.Equal(SourceErrorKind.Unauthorized, error.Kind);
        Assert.Contains("no API key is configured: set Homelab:Gluetun:ApiKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP_CONTROL_SERVER_AUTH_DEFAULT_ROLE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatus_BasicAuthRole_SaysTheRouteNeedsAnApiKeyRole()
    {
        RefuseEverything(() =>
        {
            var refusal = Text("Unauthorized", HttpStatusCode.Unauthorized);
            refusal.Headers.WwwAuthenticate.ParseAdd("Basic realm=\"gluetun\"");
            return refusal;
        });
        using var client = CreateClient();

        var error = (await client.GetStatusAsync(Cancel)).Error!;

        Assert.Equal(SourceErrorKind.Unauthorized, error.Kind);
        Assert.Contains("asks for HTTP basic credentials", error.Message, StringComparison.Ordinal);
        Assert.Contains("apikey role", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatus_KeyHasNoRoleForThePublicIp_StatusStillReportedAndWarnedOnce()
    {
        // config.toml roles per route: the key may read the status and the port but not the address.
        _server.Routes["/v1/publicip/ip"] = Answer(() => Text("Unauthorized", HttpStatusCode.Unauthorized));
        using var client = CreateClient();

        var first = await client.GetStatusAsync(Cancel);
        await client.GetStatusAsync(Cancel);

        Assert.Equal((VpnState.Running, null, 51413), (first.Value.State, first.Value.PublicIp, first.Value.ForwardedPort));
        var warning = Assert.Single(_logs.Entries, e => e.EventId.Id == 9003);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("public address", warning.Text, StringComparison.Ordinal);
        Assert.Contains("GET /v1/publicip/ip", warning.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, warning.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatus_PartRecovers_LoggedOnce()
    {
        var broken = true;
        _server.Routes["/v1/portforward"] = Answer(() => broken ? Text("boom", HttpStatusCode.InternalServerError) : Body("""{"port":51413}"""));
        using var client = CreateClient();
        await client.GetStatusAsync(Cancel);

        broken = false;
        var recovered = (await client.GetStatusAsync(Cancel)).Value;
        await client.GetStatusAsync(Cancel);

        Assert.Equal(51413, recovered.ForwardedPort);
        Assert.Single(_logs.Entries, e => e.EventId.Id == 9003);
        Assert.Single(_logs.Entries, e => e.EventId.Id == 9004);
    }

    public enum Breakage
    {
        ServerError,
        HtmlPage,
        NotJson,
        Truncated,
        Hangs,
        Drops,
    }

    [Theory]
    [InlineData("/v1/publicip/ip", Breakage.ServerError)]
    [InlineData("/v1/publicip/ip", Breakage.HtmlPage)]
    [InlineData("/v1/publicip/ip", Breakage.Hangs)]
    [InlineData("/v1/publicip/ip", Breakage.Drops)]
    [InlineData("/v1/portforward", Breakage.NotJson)]
    [InlineData("/v1/portforward", Breakage.Truncated)]
    [InlineData("/v1/portforward", Breakage.Hangs)]
    [InlineData("/v1/portforward", Breakage.Drops)]
    public async Task GetStatus_AddressOrPortBroken_StatusStillReportedWithThatPartUnknown(string path, Breakage breakage)
    {
        _server.Routes[path] = Break(breakage);
        using var client = CreateClient(requestTimeout: TimeoutFor(breakage, TimeSpan.FromSeconds(1)));

        var vpn = (await client.GetStatusAsync(Cancel)).Value;

        Assert.Equal(VpnState.Running, vpn.State);
        if (path == "/v1/portforward")
        {
            Assert.Equal(("203.0.113.7", null), (vpn.PublicIp, vpn.ForwardedPort));
        }
        else
        {
            Assert.Equal((null, null, 51413), (vpn.PublicIp, vpn.Country, vpn.ForwardedPort));
        }

        Assert.Single(_logs.Entries, e => e.EventId.Id == 9003);
    }

    [Theory]
    [InlineData(Breakage.HtmlPage, SourceErrorKind.InvalidResponse, "GET /v1/vpn/status answered with an HTML page, not JSON")]
    [InlineData(Breakage.NotJson, SourceErrorKind.InvalidResponse, "GET /v1/vpn/status answered 'OK' instead of a JSON object")]
    [InlineData(Breakage.Truncated, SourceErrorKind.InvalidResponse, "GET /v1/vpn/status answered '{\"status\":\"runn' instead of a JSON object")]
    [InlineData(Breakage.ServerError, SourceErrorKind.UpstreamError, "GET /v1/vpn/status answered HTTP 500: something broke")]
    [InlineData(Breakage.Hangs, SourceErrorKind.Timeout, "no answer to GET /v1/vpn/status within 0.2 s")]
    [InlineData(Breakage.Drops, SourceErrorKind.Unreachable, "The response ended prematurely.")]
    public async Task GetStatus_StatusBroken_FailsWithWhatWentWrong(Breakage breakage, SourceErrorKind kind, string message)
    {
        _server.Routes["/v1/vpn/status"] = Break(breakage);
        using var client = CreateClient(requestTimeout: TimeoutFor(breakage, TimeSpan.FromMilliseconds(200)));

        var result = await client.GetStatusAsync(Cancel);

        Assert.Equal(kind, result.Error?.Kind);
        Assert.Contains(message, result.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"running\"")]
    [InlineData("")]
    public async Task GetStatus_StatusIsNotAnObject_InvalidResponse(string body)
    {
        _server.Routes["/v1/vpn/status"] = Answer(() => Body(body));
        using var client = CreateClient();

        var result = await client.GetStatusAsync(Cancel);

        Assert.Equal(SourceErrorKind.InvalidResponse, result.Error?.Kind);
    }

    [Fact]
    public async Task GetStatus_HugeAnswer_InvalidResponseWithoutReadingItAll()
    {
        _server.Routes["/v1/vpn/status"] = Answer(() => Body("{\"status\":\"" + new string('x', 200_000) + "\"}"));
        using var client = CreateClient();

        var result = await client.GetStatusAsync(Cancel);

        Assert.Equal(SourceErrorKind.InvalidResponse, result.Error?.Kind);
        Assert.Contains("larger than 64 KiB", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatus_ErrorTextEchoesTheKey_KeyIsRedacted()
    {
        _server.Routes["/v1/vpn/status"] = Answer(() => Text($"bad gateway for request with X-API-Key: {ApiKey}", HttpStatusCode.BadGateway));
        using var client = CreateClient();

        var error = (await client.GetStatusAsync(Cancel)).Error!;

        Assert.Equal(SourceErrorKind.Unreachable, error.Kind);
        Assert.Contains("X-API-Key: ***", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Messages, m => m.Contains(ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetStatus_StatusFails_DoesNotWaitForTheOtherReads()
    {
        var abandoned = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Routes["/v1/vpn/status"] = Answer(() => Text("Unauthorized", HttpStatusCode.Unauthorized));
        _server.Routes["/v1/publicip/ip"] = async cancellationToken =>
        {
            await using var registration = cancellationToken.Register(() => abandoned.TrySetResult(true));
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new UnreachableException();
        };
        using var client = CreateClient(requestTimeout: TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();

        var result = await client.GetStatusAsync(Cancel);

        Assert.Equal(SourceErrorKind.Unauthorized, result.Error?.Kind);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.True(abandoned.Task.IsCompleted);
        Assert.DoesNotContain(_logs.Entries, e => e.EventId.Id == 9003);
    }

    [Fact]
    public async Task GetStatus_CallerCancels_ThrowsAndAbandonsEveryRead()
    {
        foreach (var path in _server.Routes.Keys.ToList())
        {
            _server.Routes[path] = Hang();
        }

        using var client = CreateClient(requestTimeout: TimeSpan.FromSeconds(30));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        cts.CancelAfter(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetStatusAsync(cts.Token));
    }

    [Fact]
    public async Task GetStatus_AlreadyCancelled_Throws()
    {
        using var client = CreateClient();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetStatusAsync(new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task GetStatus_ConnectionRefused_Unreachable()
    {
        // A port that was free a moment ago: nothing listens there now.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var connection = new GluetunConnection(new Uri($"http://127.0.0.1:{port}"), ApiKey, Simulated: false);
        var source = GluetunAdapterFactory.Create(connection, new GluetunOptions { RequestTimeout = TimeSpan.FromSeconds(5) }, _loggerFactory, TimeProvider.System);
        using var owned = (IDisposable)source;

        var result = await source.GetStatusAsync(Cancel);

        Assert.Equal(SourceErrorKind.Unreachable, result.Error?.Kind);
        Assert.Equal("connection refused", result.Error!.Message);
    }

    private static Func<CancellationToken, Task<HttpResponseMessage>> Break(Breakage breakage) => breakage switch
    {
        Breakage.ServerError => Answer(() => Text("something broke", HttpStatusCode.InternalServerError)),
        Breakage.HtmlPage => Answer(() => Html("<!DOCTYPE html><html><body>Sign in</body></html>")),
        Breakage.NotJson => Answer(() => Body("OK")),
        Breakage.Truncated => Answer(() => TestHttpMessageHandler.Text("{\"status\":\"runn")),
        Breakage.Hangs => Hang(),
        Breakage.Drops => _ => Task.FromException<HttpResponseMessage>(new HttpRequestException("An error occurred while sending the request.", new IOException("The response ended prematurely."))),
        _ => throw new ArgumentOutOfRangeException(nameof(breakage)),
    };

    private static HttpResponseMessage Html(string html) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(html, System.Text.Encoding.UTF8, "text/html"),
    };
}
