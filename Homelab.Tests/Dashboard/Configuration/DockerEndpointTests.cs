using Homelab.Dashboard.Configuration;

namespace Homelab.Tests.Dashboard.Configuration;

public sealed class DockerEndpointTests
{
    [Fact]
    public void TryParse_UnixSocket_KeepsPathAndUsesPlaceholderHost()
    {
        Assert.True(DockerEndpoint.TryParse("unix:///var/run/docker.sock", out var endpoint, out _));

        Assert.Equal("/var/run/docker.sock", endpoint.SocketPath);
        Assert.Equal("unix:///var/run/docker.sock", endpoint.Display);
    }

    [Theory]
    [InlineData("tcp://docker-server:2375", "http://docker-server:2375/")]
    [InlineData("http://10.0.0.5:2375", "http://10.0.0.5:2375/")]
    [InlineData("https://docker.lan:2376", "https://docker.lan:2376/")]
    public void TryParse_NetworkEndpoint_BecomesHttpBase(string value, string expected)
    {
        Assert.True(DockerEndpoint.TryParse(value, out var endpoint, out _));

        Assert.Equal(expected, endpoint.BaseAddress.ToString());
        Assert.Null(endpoint.SocketPath);
    }

    [Theory]
    [InlineData("docker-server:2375")]
    [InlineData("tcp://docker-server")]
    [InlineData("unix://")]
    [InlineData("npipe:////./pipe/docker_engine")]
    public void TryParse_Unusable_ExplainsWhy(string value)
    {
        Assert.False(DockerEndpoint.TryParse(value, out _, out var why));
        Assert.NotEmpty(why);
    }
}
