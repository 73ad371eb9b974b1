using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Homelab.Tests.Integration;

/// <summary>With no keys in <c>Homelab:Agent:ApiKeys</c>, the agent API answers 403 to everyone.</summary>
public sealed class AgentApiOffTests(AgentApiOffAppFactory app) : IClassFixture<AgentApiOffAppFactory>
{
    [Theory]
    [InlineData("/api/ai/agent")]
    [InlineData("/api/ai/agent/stream")]
    public async Task Post_NoKeysConfigured_Returns403SayingWhy(string path)
    {
        using var client = app.Client();

        var response = await client.PostAsJsonAsync(path, new { message = "hi" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("the agent API is off: no API keys are configured (Homelab:Agent:ApiKeys)", body.RootElement.GetProperty("detail").GetString());
        Assert.Empty(app.Chat.Sent);
    }
}
