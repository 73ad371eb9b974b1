using Homelab.Dashboard.Configuration;

namespace Homelab.Tests.Dashboard.Configuration;

public sealed class ConfigurationRedactorTests
{
    [Theory]
    [InlineData("Homelab:Proxmox:TokenSecret", "5e1b2f7a-1111")]
    [InlineData("Homelab:QBittorrent:Password", "hunter2")]
    [InlineData("Homelab:QBittorrent:ApiKey", "qbt_abc")]
    [InlineData("Homelab:Gluetun:ApiKey", "vpn-key")]
    [InlineData("Homelab:Agent:ApiKeys:0:Sha256", "ab12")]
    [InlineData("Homelab:Auth:Oidc:ClientSecret", "s3cret")]
    [InlineData("Homelab:Auth:Local:InitialAdmin:Password", "first-admin-pw")]
    public void Display_SecretKey_ShowsOnlyThatItIsSet(string key, string value)
    {
        var shown = ConfigurationRedactor.Display(key, value);

        Assert.Equal(ConfigurationRedactor.Hidden, shown);
        Assert.DoesNotContain(value, shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Homelab:Proxmox:TokenId", "dash@pve!ro")]
    [InlineData("Homelab:Proxmox:Url", "https://pve.lan:8006")]
    [InlineData("Homelab:Docker:Hosts:0:Name", "docker-server")]
    public void Display_OrdinaryKey_ShowsTheValue(string key, string value)
    {
        Assert.Equal(value, ConfigurationRedactor.Display(key, value));
    }

    [Fact]
    public void Display_UrlWithPassword_KeepsTheUserAndDropsThePassword()
    {
        var shown = ConfigurationRedactor.Display("Homelab:Ollama:Url", "http://admin:pa55word@ollama.lan:11434/");

        Assert.Equal("http://admin:••••••@ollama.lan:11434/", shown);
    }

    [Fact]
    public void Display_EmptySecret_SaysEmptyRatherThanSet()
    {
        Assert.Equal("(empty)", ConfigurationRedactor.Display("Homelab:QBittorrent:Password", ""));
    }
}
