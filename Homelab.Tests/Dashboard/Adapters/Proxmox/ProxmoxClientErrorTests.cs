using System.Net;
using System.Net.Sockets;
using Homelab.Dashboard.Adapters.Proxmox;
using Homelab.Domain.Cluster;
using Homelab.Domain.Sources;
using Homelab.Tests.Shared;
using static Homelab.Tests.Dashboard.Adapters.Proxmox.ProxmoxTestClient;

namespace Homelab.Tests.Dashboard.Adapters.Proxmox;

/// <summary>Every upstream failure becomes a <see cref="SourceError"/> people can act on; only the caller's cancellation escapes.</summary>
public sealed class ProxmoxClientErrorTests
{
    private static readonly GuestRef s_media = new("pve1", GuestKind.Qemu, 100);

    [Fact]
    public async Task AnyCall_401_SaysWhichSettingsToCheckWithoutTheSecret()
    {
        var logs = new TestLoggerProvider();
        var (client, _) = Create(_ => Error(401, "invalid token value!"), logs.CreateLogger<ProxmoxClient>());

        var result = await client.GetNodeDetailsAsync("pve1", TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.Unauthorized, result.Error?.Kind);
        Assert.Equal(401, result.Error!.StatusCode);
        Assert.StartsWith("authentication failed: check Homelab:Proxmox:TokenId and TokenSecret", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("invalid token value!", result.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(logs.Messages);
        Assert.All(logs.Messages, m => Assert.DoesNotContain(Secret, m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnyCall_UpstreamEchoesTheAuthorizationHeader_SecretIsRedacted()
    {
        var logs = new TestLoggerProvider();
        var (client, _) = Create(request => Error(401, $"bad header {request.Headers.GetValues("Authorization").Single()}"), logs.CreateLogger<ProxmoxClient>());

        var result = await client.GetClusterAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.Unauthorized, result.Error?.Kind);
        Assert.DoesNotContain(Secret, result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("***", result.Error.Message, StringComparison.Ordinal);
        Assert.All(logs.Messages, m => Assert.DoesNotContain(Secret, m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PowerAction_403_KeepsProxmoxPermissionText()
    {
        var (client, _) = Create(_ => Error(403, "Permission check failed (/vms/100, VM.PowerMgmt)"));

        var result = await client.StartPowerActionAsync(s_media, PowerAction.Stop, TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.Forbidden, result.Error?.Kind);
        Assert.Contains("Permission check failed (/vms/100, VM.PowerMgmt)", result.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(595, "No route to host")]
    [InlineData(596, "Connection timed out")]
    [InlineData(599, "Too many redirections")]
    public async Task NodeCall_ProxyErrors_AreNodeUnreachable(int status, string reason)
    {
        var (client, _) = Create(_ => TestHttpMessageHandler.Status(status, reason));

        var result = await client.GetNodeDetailsAsync("pve2", TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.NodeUnreachable, result.Error?.Kind);
        Assert.Equal(status, result.Error!.StatusCode);
        Assert.Contains(reason, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GuestStatus_500_UsesProxmoxMessage()
    {
        var (client, _) = Create(_ => Error(500, "VM 100 not running"));

        var result = await client.GetGuestStatusAsync(s_media, TestContext.Current.CancellationToken);

        Assert.Equal(new SourceError(SourceErrorKind.UpstreamError, "VM 100 not running", 500), result.Error);
    }

    [Fact]
    public async Task AnyCall_500WithReasonPhraseOnly_UsesTheReasonPhrase()
    {
        var (client, _) = Create(_ => TestHttpMessageHandler.Status(500, "got timeout", "<html>oops</html>"));

        var result = await client.GetGuestStatusAsync(s_media, TestContext.Current.CancellationToken);

        Assert.Equal("got timeout", result.Error?.Message);
    }

    [Fact]
    public async Task AnyCall_400_IncludesTheParameterErrors()
    {
        var (client, _) = Create(_ => Error(400, "Parameter verification failed.", """{"vmid":"type check ('integer') failed - got 'abc'"}"""));

        var result = await client.GetGuestStatusAsync(s_media, TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.BadRequest, result.Error?.Kind);
        Assert.Equal("Parameter verification failed. (vmid: type check ('integer') failed - got 'abc')", result.Error!.Message);
    }

    [Fact]
    public async Task AnyCall_ReverseProxy502Html_IsUnreachableWithTheReason()
    {
        var (client, _) = Create(_ => TestHttpMessageHandler.Text("<html><body>502 Bad Gateway</body></html>", HttpStatusCode.BadGateway, "Bad Gateway"));

        var result = await client.GetClusterAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.Unreachable, result.Error?.Kind);
        Assert.Equal("Bad Gateway", result.Error!.Message);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><head><title>Login</title></head></html>", "HTML")]
    [InlineData("""{"data":[{"id":"qemu/100","type":"qe""", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    public async Task AnyCall_200WithGarbage_IsInvalidResponse(string body, string hint)
    {
        var (client, _) = Create(_ => TestHttpMessageHandler.Text(body));

        var result = await client.GetClusterAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.InvalidResponse, result.Error?.Kind);
        Assert.Contains(hint, result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCall_RedirectToLoginPortal_IsInvalidResponse()
    {
        var (client, _) = Create(_ => new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri("https://sso.lan/login") } });

        var result = await client.GetClusterAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.InvalidResponse, result.Error?.Kind);
        Assert.Contains("https://sso.lan/login", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCall_NoAnswerWithinTheClientTimeout_IsTimeout()
    {
        var (client, _) = Create(async (_, token) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return Data("[]");
        }, timeout: TimeSpan.FromMilliseconds(200));

        var result = await client.GetClusterAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.Timeout, result.Error?.Kind);
    }

    [Fact]
    public async Task AnyCall_CallerCancels_CancellationPropagates()
    {
        var (client, _) = Create(async (_, token) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return Data("[]");
        });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetClusterAsync(cancel.Token));
    }

    [Fact]
    public async Task AnyCall_ConnectionRefused_IsUnreachable()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var http = new HttpClient();
        ProxmoxAdapterFactory.ConfigureClient(http, new Uri($"http://127.0.0.1:{port}"), TokenId, Secret, TimeSpan.FromSeconds(5));
        var client = new ProxmoxClient(http, Microsoft.Extensions.Logging.Abstractions.NullLogger<ProxmoxClient>.Instance, TimeProvider.System);

        var result = await client.GetNodeHistoryAsync("pve1", TestContext.Current.CancellationToken);

        Assert.Equal(new SourceError(SourceErrorKind.Unreachable, "connection refused"), result.Error);
    }

    [Theory]
    [InlineData("https://pve.lan:8006", "https://pve.lan:8006/api2/json/")]
    [InlineData("https://pve.lan:8006/", "https://pve.lan:8006/api2/json/")]
    [InlineData("https://pve.lan:8006/api2/json", "https://pve.lan:8006/api2/json/")]
    [InlineData("https://lab.example/proxmox/", "https://lab.example/proxmox/api2/json/")]
    public void ApiBase_ConfiguredUrl_PointsAtApi2Json(string configured, string expected)
    {
        Assert.Equal(new Uri(expected), ProxmoxAdapterFactory.ApiBase(new Uri(configured)));
    }
}
