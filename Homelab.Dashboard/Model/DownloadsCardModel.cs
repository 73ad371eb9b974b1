using Homelab.Dashboard.Live;
using Homelab.Domain.Common;
using Homelab.Domain.Downloads;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Model;

/// <summary>The overview's downloads card: counts that link to the filtered table, speeds with history, and the VPN.</summary>
/// <param name="HasData">Whether qBittorrent has answered at least once (otherwise the counts are not zero, they are unknown).</param>
public sealed record DownloadsCardModel(
    int Total,
    bool HasData,
    EquatableArray<CountLink> Counts,
    TransferModel Transfer,
    VpnBadgeModel? Vpn,
    SourceStatus? Source)
{
    private static readonly TorrentFilter[] s_shown = [TorrentFilter.Downloading, TorrentFilter.Seeding, TorrentFilter.Stalled, TorrentFilter.Errored];

    /// <summary>The card, or null when neither qBittorrent nor gluetun is configured.</summary>
    public static DownloadsCardModel? From(HomelabSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var source = snapshot.FindSource(SourceIds.QBittorrent);
        var gluetun = snapshot.FindSource(SourceIds.Gluetun);
        var downloads = snapshot.Downloads;
        if (source is null && gluetun is null && downloads is null && snapshot.Vpn is null)
        {
            return null;
        }

        var counts = new int[TorrentText.Filters.Count];
        var moving = 0;
        var stalledDownloads = 0;
        foreach (var torrent in downloads?.Torrents.Values ?? [])
        {
            stalledDownloads += torrent.State == TorrentState.StalledDown ? 1 : 0;
            foreach (var filter in s_shown)
            {
                if (torrent.Matches(filter))
                {
                    counts[(int)filter]++;
                }
            }

            moving += torrent.IsMoving ? 1 : 0;
        }

        return new DownloadsCardModel(
            downloads?.Torrents.Count ?? 0,
            downloads is not null,
            [.. s_shown.Select(f => new CountLink(TorrentText.FilterLabel(f), counts[(int)f], $"/torrents?filter={TorrentText.FilterQuery(f)}", Level(f, counts[(int)f], stalledDownloads)))],
            TransferModel.From(downloads),
            VpnBadgeModel.From(snapshot.Vpn, gluetun, moving),
            source);
    }

    /// <summary>
    /// qBittorrent's "stalled" counts idle seeders too, which is normal; only a download without peers deserves a
    /// warning colour.
    /// </summary>
    private static UsageLevel Level(TorrentFilter filter, int count, int stalledDownloads) => count == 0
        ? UsageLevel.Normal
        : filter switch
        {
            TorrentFilter.Errored => UsageLevel.Critical,
            TorrentFilter.Stalled when stalledDownloads > 0 => UsageLevel.Warning,
            _ => UsageLevel.Normal,
        };
}
