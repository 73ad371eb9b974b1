using Homelab.Dashboard.Configuration;
using Homelab.Domain.Common;
using Homelab.Domain.Downloads;
using Homelab.Domain.Ports;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Adapters.QBittorrent;

/// <summary>Builds the qBittorrent adapter with its session handling and timeouts.</summary>
internal static class QBittorrentAdapterFactory
{
    public static ITorrentSource Create(QBittorrentConnection connection, QBittorrentOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        _ = (connection, options, loggerFactory, timeProvider);
        return new NotYetAvailable();
    }

    /// <summary>Placeholder until the adapter lands: reports itself as an unreachable source.</summary>
    private sealed class NotYetAvailable : ITorrentSource
    {
        private static SourceError Missing => new(SourceErrorKind.Unreachable, "the qBittorrent adapter is not built yet");

        public Task<SourceResult<TorrentClientInfo>> GetClientInfoAsync(CancellationToken cancellationToken) => Task.FromResult(SourceResult<TorrentClientInfo>.Fail(Missing));

        public Task<SourceResult<MainDataUpdate>> GetMainDataAsync(long rid, CancellationToken cancellationToken) => Task.FromResult(SourceResult<MainDataUpdate>.Fail(Missing));

        public Task<SourceResult<EquatableArray<Torrent>>> GetTorrentsAsync(IReadOnlyCollection<string>? hashes, CancellationToken cancellationToken) => Task.FromResult(SourceResult<EquatableArray<Torrent>>.Fail(Missing));

        public Task<SourceResult<bool>> SendCommandAsync(TorrentCommand command, IReadOnlyCollection<string> hashes, bool deleteFiles, CancellationToken cancellationToken) => Task.FromResult(SourceResult<bool>.Fail(Missing));
    }
}
