using System.Net;
using Homelab.Dashboard.Adapters.Proxmox;
using Homelab.Tests.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Homelab.Tests.Dashboard.Adapters.Proxmox;

/// <summary>A <see cref="ProxmoxClient"/> over a <see cref="TestHttpMessageHandler"/>, configured as the factory does.</summary>
internal static class ProxmoxTestClient
{
    public const string TokenId = "dash@pve!ro";
    public const string Secret = "6f1c9e2a-51d3-4c7b-9a0e-1d2c3b4a5f60";
    public static readonly Uri BaseUrl = new("https://pve1.lan:8006");
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static (ProxmoxClient Client, TestHttpMessageHandler Handler) Create(
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond,
        TimeSpan? timeout = null,
        ILogger<ProxmoxClient>? logger = null)
    {
        var handler = new TestHttpMessageHandler(respond);
        var http = new HttpClient(handler);
        ProxmoxAdapterFactory.ConfigureClient(http, BaseUrl, TokenId, Secret, timeout ?? TimeSpan.FromSeconds(10));
        return (new ProxmoxClient(http, logger ?? NullLogger<ProxmoxClient>.Instance, new FakeTimeProvider(Now)), handler);
    }

    public static (ProxmoxClient Client, TestHttpMessageHandler Handler) Create(Func<HttpRequestMessage, HttpResponseMessage> respond, ILogger<ProxmoxClient>? logger = null) =>
        Create((request, _) => Task.FromResult(respond(request)), logger: logger);

    /// <summary>Answers by API path (relative to <c>/api2/json/</c>, without the query); anything else gets pveproxy's 501.</summary>
    public static Func<HttpRequestMessage, HttpResponseMessage> Routes(params (string Path, Func<HttpResponseMessage> Respond)[] routes) => request =>
    {
        var path = request.RequestUri!.AbsolutePath;
        foreach (var (route, respond) in routes)
        {
            if (path == "/api2/json/" + route)
            {
                return respond();
            }
        }

        var message = $"Method '{request.Method} {path["/api2/json".Length..]}' not implemented";
        return TestHttpMessageHandler.Status(501, message, $$"""{"data":null,"message":"{{message}}\n"}""");
    };

    /// <summary>A Proxmox answer: <c>{"data": ...}</c>.</summary>
    public static HttpResponseMessage Data(string json) => TestHttpMessageHandler.Json($$"""{"data":{{json}}}""");

    /// <summary>A Proxmox error: the message in the reason phrase and in the body.</summary>
    public static HttpResponseMessage Error(int status, string message, string? errors = null) =>
        TestHttpMessageHandler.Status(status, message, errors is null
            ? $$"""{"data":null,"message":"{{message}}\n"}"""
            : $$"""{"data":null,"message":"{{message}}\n","errors":{{errors}}}""");

    public static HttpResponseMessage Status(HttpStatusCode status, string reason) => TestHttpMessageHandler.Status((int)status, reason);
}
