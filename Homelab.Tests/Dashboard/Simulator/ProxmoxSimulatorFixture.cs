using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Simulator;

/// <summary>
/// One running simulator for a test class (fast delays), plus raw HTTPS access to its Proxmox API.
/// </summary>
/// <remarks>
/// Tests of one class run one after another, so a class may change the homelab as long as each test touches its own
/// guests or nodes (each class lists which). A test that changes what the others read starts its own with
/// <see cref="StartAsync"/>; that costs a few hundred milliseconds, mostly for a fresh RSA key.
/// </remarks>
public sealed class ProxmoxSimulatorFixture : IAsyncLifetime
{
    /// <summary>Long enough to measure, short enough to keep the suite quick.</summary>
    public static readonly TimeSpan AuthFailureDelay = TimeSpan.FromMilliseconds(200);

    internal SimulatorFixture Simulator { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Simulator = await StartAsync();

    public async ValueTask DisposeAsync() => await Simulator.DisposeAsync();

    internal static Task<SimulatorFixture> StartAsync() => SimulatorFixture.StartAsync(delayScale: 0.05, authFailureDelay: AuthFailureDelay);

    /// <summary>An HTTPS client for <c>/api2/json/</c> that trusts the simulator's self-signed certificate by its fingerprint.</summary>
    /// <param name="authorization">The Authorization header; the simulator's own token when null, none when empty.</param>
    internal static HttpClient RawClient(SimulatorFixture simulator, string? authorization = null)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256)) == simulator.ProxmoxFingerprint,
            },
        };
        var client = new HttpClient(handler) { BaseAddress = new Uri(simulator.ProxmoxUrl, "/api2/json/"), Timeout = TimeSpan.FromSeconds(10) };
        authorization ??= $"PVEAPIToken={simulator.TokenId}={simulator.TokenSecret}";
        if (authorization.Length > 0)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>GETs a path, asserts 200, and returns <c>data</c>.</summary>
    internal static async Task<JsonElement> GetDataAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {response.ReasonPhrase}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("data").Clone();
    }

    /// <summary>Sends a request and returns status, reason phrase and the parsed body.</summary>
    internal static async Task<(int Status, string? Reason, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(body);
        return ((int)response.StatusCode, response.ReasonPhrase, document.RootElement.Clone());
    }
}
