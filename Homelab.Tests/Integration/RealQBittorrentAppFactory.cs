using Homelab.Tests.Dashboard.Adapters.Proxmox;
using Homelab.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Homelab.Tests.Integration;

/// <summary>
/// The dashboard in demo mode, except that its qBittorrent is a real one: <c>Homelab:QBittorrent</c> points at
/// <paramref name="qbittorrent"/>, which replaces the simulated source. Warnings and errors are kept in <see cref="Logs"/>.
/// </summary>
/// <param name="password">Overrides the instance's real password, to see a refused login.</param>
public class RealQBittorrentAppFactory(RealQBittorrent qbittorrent, string? password = null) : HomelabAppFactory
{
    internal TestLoggerProvider Logs { get; } = new();

    public RealQBittorrent QBittorrent => qbittorrent;

    public override ValueTask InitializeAsync()
    {
        ArgumentNullException.ThrowIfNull(qbittorrent);
        Settings["Homelab:QBittorrent:Url"] = qbittorrent.Url.ToString();
        Settings["Homelab:QBittorrent:Username"] = RealQBittorrent.Username;
        Settings["Homelab:QBittorrent:Password"] = password ?? qbittorrent.Password;

        // The shortest interval the options allow: more readings of a transfer that lasts a few seconds.
        Settings["Homelab:QBittorrent:PollInterval"] = "00:00:00.500";
        return base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}

/// <summary>The dashboard watching <see cref="RealQBittorrentPair.Downloader"/>, shared by a test class in the pair's collection.</summary>
public sealed class RealQBittorrentDashboard(RealQBittorrentPair pair) : RealQBittorrentAppFactory(pair.Downloader);
