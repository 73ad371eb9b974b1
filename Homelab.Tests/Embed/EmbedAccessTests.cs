using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Homelab.Dashboard.Embed;
using Homelab.Dashboard.Embed.Tokens;
using Homelab.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Homelab.Domain.Live;

namespace Homelab.Tests.Embed;

/// <summary>What an embed token opens, and what it does not, on a running dashboard where nobody is signed in.</summary>
public sealed class EmbedAccessTests(EmbedAppFactory app) : IClassFixture<EmbedAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client() => new() { BaseAddress = app.BaseAddress };

    private async Task WaitForClusterAsync()
    {
        var live = app.Services.GetRequiredService<ILiveHomelab>();
        await HomelabAppFactory.WaitForAsync(() => live.Current.Cluster?.Nodes.Count == 3, TimeSpan.FromSeconds(15), "the cluster");
    }

    [Theory]
    [InlineData("/embed/cluster", EmbedScope.Cluster)]
    [InlineData("/embed/containers", EmbedScope.Containers)]
    [InlineData("/embed/torrents", EmbedScope.Torrents)]
    [InlineData("/embed/vpn", EmbedScope.Vpn)]
    public async Task EmbedPage_TokenWithThatScope_200Html(string path, EmbedScope scope)
    {
        var token = await app.CreateTokenAsync(scope);
        using var client = Client();

        using var response = await client.GetAsync($"{path}?token={token.Value}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"data-view=\"{scope.Name()}\"", html);
        Assert.DoesNotContain("blazor.web.js", html);
    }

    [Fact]
    public async Task EmbedPage_NoToken_401()
    {
        using var client = Client();

        using var response = await client.GetAsync("/embed/cluster", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task EmbedPage_TokenForAnotherView_403()
    {
        var token = await app.CreateTokenAsync(EmbedScope.Vpn);
        using var client = Client();

        using var response = await client.GetAsync($"/embed/cluster?token={token.Value}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task EmbedEvents_Token_StreamsTheRenderedFragment()
    {
        await WaitForClusterAsync();
        var token = await app.CreateTokenAsync(EmbedScope.Cluster);
        using var client = Client();
        using var response = await client.GetAsync($"/embed/cluster/events?token={token.Value}", HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));

        var eventName = "";
        var data = new List<string>();
        while (await reader.ReadLineAsync(Ct) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Add(line["data: ".Length..]);
            }
            else if (line.Length == 0 && data.Count > 0)
            {
                break;
            }
        }

        Assert.Equal("fragment", eventName);
        Assert.Contains("embed-node-pve", string.Join('\n', data));
    }

    [Theory]
    [InlineData("cluster", "nodes_online")]
    [InlineData("containers", "running")]
    [InlineData("torrents", "download_speed")]
    [InlineData("vpn", "connected")]
    public async Task HomepageApi_ApiKeyHeader_200FlatJsonWithNumbers(string view, string numberField)
    {
        var token = await app.CreateTokenAsync(EmbedScope.HomepageApi);
        using var client = Client();
        client.DefaultRequestHeaders.Add("X-API-Key", token.Value);

        using var response = await client.GetAsync($"/api/homepage/{view}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty(numberField).ValueKind);
    }

    [Fact]
    public async Task HomepageApi_BearerToken_200()
    {
        var token = await app.CreateTokenAsync(EmbedScope.HomepageApi);
        using var client = Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.Value);

        using var response = await client.GetAsync("/api/homepage/cluster", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HomepageApi_NoKey_401ProblemJson()
    {
        using var client = Client();

        using var response = await client.GetAsync("/api/homepage/cluster", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Embed token required", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task HomepageApi_WrongKey_401()
    {
        using var client = Client();
        client.DefaultRequestHeaders.Add("X-API-Key", EmbedTokenSecret.Create());

        using var response = await client.GetAsync("/api/homepage/cluster", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task HomepageApi_EmbedOnlyToken_403()
    {
        var token = await app.CreateTokenAsync(EmbedScope.Cluster);
        using var client = Client();
        client.DefaultRequestHeaders.Add("X-API-Key", token.Value);

        using var response = await client.GetAsync("/api/homepage/cluster", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Token_EverywhereElse_Refused()
    {
        var token = await app.CreateTokenAsync([.. EmbedScopes.All]);
        using var client = Client();
        client.DefaultRequestHeaders.Add("X-API-Key", token.Value);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.Value);

        foreach (var path in new[] { "/", "/containers", "/settings/tokens", "/sources" })
        {
            using var page = await client.GetAsync($"{path}?token={token.Value}", Ct);
            Assert.True(page.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{path}: {page.StatusCode}");
        }

        using var negotiate = await client.PostAsync($"/hubs/homelab/negotiate?negotiateVersion=1&token={token.Value}", null, Ct);
        Assert.True(negotiate.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"negotiate: {negotiate.StatusCode}");

        using var agent = await client.PostAsJsonAsync($"/api/ai/agent?token={token.Value}", new { message = "stop every container" }, Ct);
        Assert.True(agent.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"agent: {agent.StatusCode}");
    }

    [Fact]
    public async Task RevokedToken_401()
    {
        var token = await app.CreateTokenAsync(EmbedScope.Cluster, EmbedScope.HomepageApi);
        using var client = Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/embed/cluster?token={token.Value}", Ct)).StatusCode);

        await app.Services.GetRequiredService<EmbedTokenStore>().RevokeAsync(token.Token.Id, "tests", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/embed/cluster?token={token.Value}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/homepage/cluster?token={token.Value}", Ct)).StatusCode);
    }

    [Fact]
    public async Task ExpiredToken_401()
    {
        var token = await app.CreateTokenAsync(DateTimeOffset.UtcNow.AddSeconds(-1), EmbedScope.Cluster);
        using var client = Client();

        using var response = await client.GetAsync($"/embed/cluster?token={token.Value}", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Tokens_ValidAndWrong_NeverInTheLog()
    {
        var token = await app.CreateTokenAsync(EmbedScope.Cluster, EmbedScope.HomepageApi);
        var wrong = EmbedTokenSecret.Create();
        using var client = Client();

        (await client.GetAsync($"/embed/cluster?token={token.Value}", Ct)).Dispose();
        (await client.GetAsync($"/embed/cluster?token={wrong}", Ct)).Dispose();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/homepage/vpn") { Headers = { { "X-API-Key", wrong } } };
        (await client.SendAsync(request, Ct)).Dispose();

        Assert.Contains(app.Logs.Messages, m => m.Contains("wrong, expired or revoked token", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Messages, m => m.Contains(token.Value, StringComparison.Ordinal) || m.Contains(wrong, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmbedPage_Headers_FramedByAllowedOriginsWithoutXFrameOptions()
    {
        var token = await app.CreateTokenAsync(EmbedScope.Cluster);
        using var client = Client();

        using var response = await client.GetAsync($"/embed/cluster?token={token.Value}", Ct);

        Assert.False(response.Headers.Contains("X-Frame-Options"));
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains($"frame-ancestors 'self' {EmbedAppFactory.AllowedOrigin}", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("no-referrer", string.Join(' ', response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }
}
