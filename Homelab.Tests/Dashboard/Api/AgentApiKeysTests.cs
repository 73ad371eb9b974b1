using Homelab.Dashboard.Api.Agent;
using Homelab.Dashboard.Configuration;
using Microsoft.AspNetCore.Http;

namespace Homelab.Tests.Dashboard.Api;

public sealed class AgentApiKeysTests
{
    // printf %s abc | sha256sum
    private const string AbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    [Fact]
    public void Hash_KnownKey_MatchesSha256sum()
    {
        Assert.Equal(AbcSha256, AgentApiKeys.Hash("abc"));
    }

    [Fact]
    public void Match_RightKey_ReturnsItsName()
    {
        List<AgentApiKeyOptions> keys = [Key("homepage", AgentApiKeys.Hash("other")), Key("discord-bot", AbcSha256)];

        Assert.Equal("discord-bot", AgentApiKeys.Match("abc", keys));
    }

    [Theory]
    [InlineData("abd")]
    [InlineData("ABC")]
    [InlineData("abc ")]
    [InlineData("")]
    public void Match_WrongKey_ReturnsNull(string presented)
    {
        Assert.Null(AgentApiKeys.Match(presented, [Key("discord-bot", AbcSha256)]));
    }

    [Fact]
    public void Match_UppercaseHexConfigured_StillMatches()
    {
        Assert.Equal("bot", AgentApiKeys.Match("abc", [Key("bot", AbcSha256.ToUpperInvariant())]));
    }

    [Fact]
    public void Match_MalformedHashConfigured_SkipsIt()
    {
        List<AgentApiKeyOptions> keys = [Key("broken", "abc"), Key("short", AbcSha256[..10]), Key("missing", null), Key("bot", AbcSha256)];

        Assert.Equal("bot", AgentApiKeys.Match("abc", keys));
    }

    [Theory]
    [InlineData("Authorization", "Bearer abc", "abc")]
    [InlineData("Authorization", "bearer  abc ", "abc")]
    [InlineData("X-API-Key", "abc", "abc")]
    [InlineData("Authorization", "Basic YWJj", null)]
    [InlineData("Authorization", "Bearer ", null)]
    [InlineData("X-Other", "abc", null)]
    public void Presented_Headers_ReadsBearerOrApiKey(string header, string value, string? expected)
    {
        var http = new DefaultHttpContext();
        http.Request.Headers[header] = value;

        Assert.Equal(expected, AgentApiKeys.Presented(http.Request));
    }

    private static AgentApiKeyOptions Key(string name, string? sha256) => new() { Name = name, Sha256 = sha256 };
}
