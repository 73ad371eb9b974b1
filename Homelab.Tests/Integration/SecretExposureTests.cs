using System.Net;
using Homelab.Dashboard.Configuration;
using Homelab.Tests.Dashboard.Adapters.Proxmox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Homelab.Tests.Integration;

/// <summary>
/// The credentials the dashboard holds for its upstreams never reach a page, an API answer or a log line, and the
/// settings page lists them only as set.
/// </summary>
public sealed class SecretExposureTests(SecretExposureTests.SecretsAppFactory app) : IClassFixture<SecretExposureTests.SecretsAppFactory>
{
    private static readonly string[] s_secrets = ["Zq-qbt-pw-7781", "Zq-vpn-key-4410", "5e1b2f7a-zq00-4c8e-9d3a-secret000099"];

    [Fact]
    public async Task Pages_WithConfiguredSecrets_NeverContainThem()
    {
        using var client = app.CreateClient();
        await HomelabAppFactory.WaitForAsync(() => app.Logs.Messages.Any(l => l.Contains("logged in", StringComparison.Ordinal)), TimeSpan.FromSeconds(15), "qBittorrent login");

        foreach (var path in new[] { "/", "/cluster", "/containers", "/torrents", "/sources", "/settings", "/chat", "/audit", "/healthz" })
        {
            var body = await client.GetStringAsync(path, TestContext.Current.CancellationToken);
            foreach (var secret in s_secrets)
            {
                Assert.False(body.Contains(secret, StringComparison.Ordinal), $"{path} shows a secret");
            }
        }

        foreach (var secret in s_secrets)
        {
            Assert.DoesNotContain(app.Logs.Messages, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Settings_SecretKeys_AreListedAsSetButHidden()
    {
        using var client = app.CreateClient();

        var body = WebUtility.HtmlDecode(await client.GetStringAsync("/settings", TestContext.Current.CancellationToken));

        Assert.Contains("Homelab:Simulator:QBittorrentPassword", body, StringComparison.Ordinal);
        Assert.Contains(ConfigurationRedactor.Hidden, body, StringComparison.Ordinal);
        Assert.Contains("Homelab:Simulator:DelayScale", body, StringComparison.Ordinal);
    }

    /// <summary>The demo host with its simulated upstreams' credentials set to recognisable values, and every log line kept.</summary>
    public sealed class SecretsAppFactory : HomelabAppFactory
    {
        public SecretsAppFactory()
        {
            Settings["Homelab:Simulator:QBittorrentPassword"] = s_secrets[0];
            Settings["Homelab:Simulator:GluetunApiKey"] = s_secrets[1];
            Settings["Homelab:Simulator:ProxmoxTokenSecret"] = s_secrets[2];
        }

        internal TestLoggerProvider Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging =>
            {
                logging.SetMinimumLevel(LogLevel.Debug);
                logging.AddProvider(Logs);
            });
        }
    }
}
