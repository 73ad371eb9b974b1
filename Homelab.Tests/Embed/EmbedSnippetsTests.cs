using Homelab.Dashboard.Embed;

namespace Homelab.Tests.Embed;

public sealed class EmbedSnippetsTests
{
    private static readonly Uri s_base = new("https://dash.example.com/");

    [Fact]
    public void EmbedUrl_View_CarriesTheTokenEscaped()
    {
        Assert.Equal("https://dash.example.com/embed/vpn?token=hle_a-b_c", EmbedSnippets.EmbedUrl(s_base, EmbedScope.Vpn, "hle_a-b_c"));
    }

    [Fact]
    public void HomepageYaml_ViewAndApiScopes_IframeAndCustomApiWidgets()
    {
        var yaml = EmbedSnippets.HomepageYaml(s_base, [EmbedScope.Cluster, EmbedScope.HomepageApi], "hle_x");

        Assert.Contains("type: iframe", yaml);
        Assert.Contains("src: https://dash.example.com/embed/cluster?token=hle_x", yaml);
        Assert.Contains("referrerPolicy: no-referrer", yaml);
        Assert.Contains("type: customapi", yaml);
        Assert.Contains("url: https://dash.example.com/api/homepage/torrents", yaml);
        Assert.Contains("X-API-Key: hle_x", yaml);
        Assert.Contains("field: cpu", yaml);
        Assert.Contains("format: percent", yaml);
        Assert.Contains("suffix: /s", yaml);
        Assert.DoesNotContain("embed/containers", yaml);
    }
}
