using Homelab.Domain.Downloads;
using Homelab.Domain.Ports;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Live;

/// <summary>
/// Reads qBittorrent's <c>sync/maindata</c> about once a second, merges each diff into its cache with
/// <see cref="MainDataMerger"/>, and publishes only the torrents that changed.
/// </summary>
internal sealed class QBittorrentCollector(
    ITorrentSource source,
    TimeSpan interval,
    LiveHomelabStore store,
    TimeProvider timeProvider,
    ILogger<QBittorrentCollector> logger) : PollingCollector(store, timeProvider, logger)
{
    private MainDataState _state = MainDataState.Empty;
    private bool _versionKnown;

    public override string SourceId => SourceIds.QBittorrent;

    protected override TimeSpan Interval => interval;

    protected override async Task<SourceError?> PollOnceAsync(CancellationToken cancellationToken)
    {
        var update = await source.GetMainDataAsync(_state.Rid, cancellationToken);
        if (!update.IsSuccess)
        {
            // A failed read may mean a lost session; the next one starts from a full update.
            _versionKnown = false;
            return update.Error;
        }

        var merge = MainDataMerger.Merge(_state, update.Value);
        _state = merge.State;
        var transfer = merge.State.Transfer;
        Store.SetDownloads(merge, new TransferSample(TimeProvider.GetUtcNow(), transfer.DownloadSpeed, transfer.UploadSpeed));
        if (!_versionKnown)
        {
            await ReadVersionAsync(cancellationToken);
        }

        return null;
    }

    /// <summary>Shows which qBittorrent this is on /sources; read once per session, since it decides the API's words.</summary>
    private async Task ReadVersionAsync(CancellationToken cancellationToken)
    {
        var info = await source.GetClientInfoAsync(cancellationToken);
        if (info.IsSuccess)
        {
            _versionKnown = true;
            Store.UpdateSource(SourceId, s => s with { Version = info.Value.ToString() });
        }
    }
}
