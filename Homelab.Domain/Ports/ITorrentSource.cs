using Homelab.Domain.Common;
using Homelab.Domain.Downloads;
using Homelab.Domain.Sources;

namespace Homelab.Domain.Ports;

/// <summary>A qBittorrent instance (WebUI API v2, qBittorrent 4.5 to 5.2).</summary>
/// <remarks>
/// The adapter owns the session: it logs in when it has none, retries once after an expired session, and never logs
/// in again after a refused login until it is asked again (callers back off). Never throws for upstream failures.
/// </remarks>
public interface ITorrentSource
{
    /// <summary>The client's versions (read after login, or with the API key).</summary>
    Task<SourceResult<TorrentClientInfo>> GetClientInfoAsync(CancellationToken cancellationToken);

    /// <summary>
    /// <c>sync/maindata</c> from <paramref name="rid"/>. After a new session the adapter asks from 0, and the answer is a
    /// full update.
    /// </summary>
    Task<SourceResult<MainDataUpdate>> GetMainDataAsync(long rid, CancellationToken cancellationToken);

    /// <summary><c>torrents/info</c> for these hashes (or all): a fresh, stateless read, used to confirm end states.</summary>
    Task<SourceResult<EquatableArray<Torrent>>> GetTorrentsAsync(IReadOnlyCollection<string>? hashes, CancellationToken cancellationToken);

    /// <summary>Sends a command for these hashes, or for all when <paramref name="hashes"/> is empty.</summary>
    Task<SourceResult<bool>> SendCommandAsync(TorrentCommand command, IReadOnlyCollection<string> hashes, bool deleteFiles, CancellationToken cancellationToken);
}

/// <summary>The VPN container's control server (gluetun).</summary>
public interface IVpnSource
{
    /// <summary>Tunnel state, public address with its location, and the forwarded port, in one read.</summary>
    Task<SourceResult<VpnStatus>> GetStatusAsync(CancellationToken cancellationToken);
}
