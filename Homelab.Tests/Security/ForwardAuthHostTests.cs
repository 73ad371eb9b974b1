using System.Net;
using System.Text.Json.Serialization;
using Homelab.Dashboard.Hubs;
using Homelab.Domain.Live;
using Homelab.Tests.Integration;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Homelab.Tests.Security;

internal static class ForwardAuthRequests
{
    public static HttpRequestMessage Get(string path, string? user = null, string? groups = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        if (user is not null)
        {
            request.Headers.Add("Remote-User", user);
        }

        if (groups is not null)
        {
            request.Headers.Add("Remote-Groups", groups);
        }

        return request;
    }

    public static HttpClient Client(HomelabAppFactory app) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public static HubConnection Hub(HomelabAppFactory app, string? user, string? groups = null) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, HomelabHub.Path), o =>
            {
                if (user is not null)
                {
                    o.Headers["Remote-User"] = user;
                }

                if (groups is not null)
                {
                    o.Headers["Remote-Groups"] = groups;
                }
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
}

/// <summary>127.0.0.1 is not a trusted proxy here: its Remote-User headers must count for nothing.</summary>
public sealed class UntrustedForwardAuthHostTests(UntrustedForwardAuthAppFactory app) : IClassFixture<UntrustedForwardAuthAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetPage_SpoofedRemoteUserFromAnUntrustedPeer_Is401WithTheProxyPage()
    {
        using var client = ForwardAuthRequests.Client(app);
        using var request = ForwardAuthRequests.Get("/", "admin", "admins");
        request.Headers.Add("X-Forwarded-For", "10.255.255.1");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Sign in through your proxy", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hub_SpoofedRemoteUserFromAnUntrustedPeer_CannotConnect()
    {
        await using var connection = ForwardAuthRequests.Hub(app, "admin", "admins");

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
    }

    [Fact]
    public async Task Health_NoSignIn_StillAnswers()
    {
        using var client = ForwardAuthRequests.Client(app);

        using var response = await client.GetAsync("/healthz", Ct);

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

/// <summary>127.0.0.1 is the trusted proxy: its headers sign people in, with roles from the group map.</summary>
public sealed class TrustedForwardAuthHostTests(TrustedForwardAuthAppFactory app) : IClassFixture<TrustedForwardAuthAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetPage_RemoteUserFromTheTrustedProxy_IsServedAndShowsTheUser()
    {
        using var client = ForwardAuthRequests.Client(app);
        using var request = ForwardAuthRequests.Get("/", "alice", "homelab-ops");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("data-testid=\"user-name\"", html, StringComparison.Ordinal);
        Assert.Contains(">operator<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPage_TrustedProxyWithoutRemoteUser_Is401()
    {
        using var client = ForwardAuthRequests.Client(app);
        using var request = ForwardAuthRequests.Get("/");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AdminPage_Operator_Is403_Admin_IsServed()
    {
        using var client = ForwardAuthRequests.Client(app);
        using var asOperator = ForwardAuthRequests.Get("/settings/accounts", "otto", "homelab-ops");
        using var asAdmin = ForwardAuthRequests.Get("/settings/accounts", "ada", "admins");

        using var operatorResponse = await client.SendAsync(asOperator, Ct);
        using var adminResponse = await client.SendAsync(asAdmin, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, operatorResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminResponse.StatusCode);
    }

    [Fact]
    public async Task Hub_Viewer_ConnectsAndReads()
    {
        await using var connection = ForwardAuthRequests.Hub(app, "vera", "family");
        await connection.StartAsync(Ct);

        var snapshot = await connection.InvokeAsync<HomelabSnapshot>(nameof(HomelabHub.GetSnapshot), Ct);

        Assert.NotNull(snapshot);
    }
}
