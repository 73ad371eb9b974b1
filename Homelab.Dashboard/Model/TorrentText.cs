using System.Globalization;
using Homelab.Domain.Downloads;

namespace Homelab.Dashboard.Model;

/// <summary>How the dashboard writes torrent figures: progress, speeds, ETA, ratio, dates and filter words.</summary>
public static class TorrentText
{
    /// <summary>The value the category filter uses for torrents without a category.</summary>
    public const string Uncategorized = "(none)";

    private static readonly TorrentFilter[] s_filters = Enum.GetValues<TorrentFilter>();

    /// <summary>Every filter, in the order qBittorrent's sidebar lists them.</summary>
    public static IReadOnlyList<TorrentFilter> Filters => s_filters;

    /// <summary>
    /// "42.3%", "0.0%", "100%". Rounded down, so a torrent missing its last piece never reads 100%.
    /// </summary>
    public static string Progress(double fraction)
    {
        if (double.IsNaN(fraction) || fraction <= 0)
        {
            return "0.0%";
        }

        if (fraction >= 1)
        {
            return "100%";
        }

        return (Math.Floor(fraction * 1000) / 10).ToString("0.0", CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>The progress bar's width in percent, for a style attribute ("42.3").</summary>
    public static string ProgressWidth(double fraction) =>
        (double.IsNaN(fraction) ? 0 : Math.Clamp(Math.Floor(fraction * 1000) / 10, 0, 100)).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>"5.2 MiB/s", "0 B/s".</summary>
    public static string Speed(long bytesPerSecond) => UiFormat.Bytes(bytesPerSecond) + "/s";

    /// <summary>A speed for a table cell: empty when nothing moves, so moving torrents stand out (as in qBittorrent).</summary>
    public static string SpeedCell(long bytesPerSecond) => bytesPerSecond > 0 ? Speed(bytesPerSecond) : "";

    /// <summary>
    /// "12 min", "5 h 12 min"; "∞" while the torrent wants data but none arrives (qBittorrent's 8640000); "–" when it
    /// is not downloading at all (complete, paused, errored or being checked), where a time to completion means nothing.
    /// </summary>
    public static string Eta(Torrent torrent)
    {
        ArgumentNullException.ThrowIfNull(torrent);
        if (!IsWaitingForData(torrent))
        {
            return "–";
        }

        return torrent.Eta is { } eta ? UiFormat.Duration(eta) : "∞";
    }

    /// <summary>What the ETA cell means, for its tooltip.</summary>
    public static string EtaTitle(Torrent torrent)
    {
        ArgumentNullException.ThrowIfNull(torrent);
        if (!IsWaitingForData(torrent))
        {
            return "not downloading";
        }

        return torrent.Eta is null ? "no estimate: no data is arriving" : "estimated time to completion";
    }

    /// <summary>"0.00", "3.42"; "∞" above qBittorrent's cap of 9999.</summary>
    public static string Ratio(double? ratio) => ratio is { } value ? value.ToString("0.00", CultureInfo.InvariantCulture) : "∞";

    public static string RatioTitle(double? ratio) => ratio is null ? "above 9999, qBittorrent's cap" : "uploaded ÷ downloaded";

    /// <summary>"2026-11-24 18:03" (UTC): fixed text, so a row never changes just because time passes.</summary>
    public static string Added(DateTimeOffset? addedOn) =>
        addedOn is { } at ? at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "–";

    /// <summary>"downloading", "seeding", "stalled", "paused", "queued", "checking", "error"…: one word per colour and icon.</summary>
    public static string StateGroup(TorrentState state) => state switch
    {
        TorrentState.Error or TorrentState.MissingFiles => "error",
        TorrentState.Downloading or TorrentState.ForcedDown or TorrentState.MetaDownloading or TorrentState.ForcedMetaDownloading or TorrentState.Allocating => "downloading",
        TorrentState.Uploading or TorrentState.ForcedUp => "seeding",
        TorrentState.StalledDown => "stalled",
        TorrentState.StalledUp => "idle",
        TorrentState.StoppedDown or TorrentState.StoppedUp => "paused",
        TorrentState.QueuedDown or TorrentState.QueuedUp => "queued",
        TorrentState.CheckingDown or TorrentState.CheckingUp or TorrentState.CheckingResumeData => "checking",
        TorrentState.Moving => "moving",
        _ => "unknown",
    };

    /// <summary>The <c>?filter=</c> word: qBittorrent's own filter values.</summary>
    public static string FilterQuery(TorrentFilter filter) => filter.ToString().ToLowerInvariant();

    /// <summary>The word people read in the filter list.</summary>
    public static string FilterLabel(TorrentFilter filter) => filter switch
    {
        TorrentFilter.Stopped => "paused",
        _ => FilterQuery(filter),
    };

    /// <summary>Reads <c>?filter=</c>: qBittorrent's values (4.x <c>paused</c> and 5.x <c>stopped</c> alike); unknown words mean all.</summary>
    public static TorrentFilter ParseFilter(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "downloading" => TorrentFilter.Downloading,
        "seeding" => TorrentFilter.Seeding,
        "completed" => TorrentFilter.Completed,
        "stopped" or "paused" => TorrentFilter.Stopped,
        "active" => TorrentFilter.Active,
        "stalled" => TorrentFilter.Stalled,
        "checking" => TorrentFilter.Checking,
        "errored" or "error" => TorrentFilter.Errored,
        _ => TorrentFilter.All,
    };

    /// <summary>"linux", or "uncategorised" for the empty category.</summary>
    public static string CategoryLabel(string category) => string.IsNullOrEmpty(category) ? "uncategorised" : category;

    private static bool IsWaitingForData(Torrent torrent) =>
        torrent.Progress < 1 && !torrent.State.IsComplete() && !torrent.State.IsStopped() && !torrent.State.IsErrored() && !torrent.State.IsChecking();
}
