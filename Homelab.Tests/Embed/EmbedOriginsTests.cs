using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Embed;

namespace Homelab.Tests.Embed;

public sealed class EmbedOriginsTests
{
    [Theory]
    [InlineData("https://home.example.com", "https://home.example.com")]
    [InlineData("https://Home.Example.com/", "https://home.example.com")]
    [InlineData("https://home.example.com:443", "https://home.example.com")]
    [InlineData("http://127.0.0.2:3000", "http://127.0.0.2:3000")]
    [InlineData(" http://homepage.lan:3000 ", "http://homepage.lan:3000")]
    public void TryNormalize_Origin_ReturnsSchemeHostPort(string value, string expected)
    {
        Assert.True(EmbedOrigins.TryNormalize(value, out var origin, out var error), error);
        Assert.Equal(expected, origin);
    }

    [Theory]
    [InlineData("home.example.com")]
    [InlineData("https://home.example.com/dashboard")]
    [InlineData("https://home.example.com/?a=1")]
    [InlineData("https://user:pass@home.example.com")]
    [InlineData("ftp://home.example.com")]
    [InlineData("*")]
    [InlineData("https://a.example.com; script-src *")]
    [InlineData("")]
    public void TryNormalize_NotAnOrigin_Fails(string value)
    {
        Assert.False(EmbedOrigins.TryNormalize(value, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Validate_BadOrigin_NamesTheSetting()
    {
        var options = new HomelabOptions { Embed = new EmbedOptions { AllowedOrigins = ["https://ok.example.com", "https://bad.example.com/path"] } };

        var result = new ValidateEmbedOptions().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Homelab:Embed:AllowedOrigins:1", result.FailureMessage);
    }

    [Fact]
    public void Validate_NoOrigins_Succeeds()
    {
        Assert.True(new ValidateEmbedOptions().Validate(null, new HomelabOptions()).Succeeded);
    }
}
