namespace Homelab.Domain.Downloads;

/// <summary>
/// qBittorrent's torrent states, one value per state string, with 4.x and 5.x spellings folded together
/// (<c>pausedUP</c> and <c>stoppedUP</c> are both <see cref="StoppedUp"/>).
/// </summary>
public enum TorrentState
{
    Unknown,
    Error,
    MissingFiles,
    Uploading,
    StoppedUp,
    QueuedUp,
    StalledUp,
    CheckingUp,
    ForcedUp,
    Allocating,
    Downloading,
    MetaDownloading,
    ForcedMetaDownloading,
    StoppedDown,
    QueuedDown,
    StalledDown,
    CheckingDown,
    ForcedDown,
    CheckingResumeData,
    Moving,
}

/// <summary>The groups the torrents page filters by, as qBittorrent's own sidebar does.</summary>
public enum TorrentFilter
{
    All,
    Downloading,
    Seeding,
    Completed,
    Stopped,
    Active,
    Stalled,
    Checking,
    Errored,
}

/// <summary>Parsing and meaning of qBittorrent's state strings.</summary>
public static class TorrentStateRules
{
    public static TorrentState Parse(string? state) => state switch
    {
        "error" => TorrentState.Error,
        "missingFiles" => TorrentState.MissingFiles,
        "uploading" => TorrentState.Uploading,
        "pausedUP" or "stoppedUP" => TorrentState.StoppedUp,
        "queuedUP" => TorrentState.QueuedUp,
        "stalledUP" => TorrentState.StalledUp,
        "checkingUP" => TorrentState.CheckingUp,
        "forcedUP" => TorrentState.ForcedUp,
        "allocating" => TorrentState.Allocating,
        "downloading" => TorrentState.Downloading,
        "metaDL" => TorrentState.MetaDownloading,
        "forcedMetaDL" => TorrentState.ForcedMetaDownloading,
        "pausedDL" or "stoppedDL" => TorrentState.StoppedDown,
        "queuedDL" => TorrentState.QueuedDown,
        "stalledDL" => TorrentState.StalledDown,
        "checkingDL" => TorrentState.CheckingDown,
        "forcedDL" => TorrentState.ForcedDown,
        "checkingResumeData" => TorrentState.CheckingResumeData,
        "moving" => TorrentState.Moving,
        _ => TorrentState.Unknown,
    };

    /// <summary>The state string as a given Web API version spells it (5.x says stopped where 4.x said paused).</summary>
    public static string WireName(this TorrentState state, bool stoppedNaming) => state switch
    {
        TorrentState.Error => "error",
        TorrentState.MissingFiles => "missingFiles",
        TorrentState.Uploading => "uploading",
        TorrentState.StoppedUp => stoppedNaming ? "stoppedUP" : "pausedUP",
        TorrentState.QueuedUp => "queuedUP",
        TorrentState.StalledUp => "stalledUP",
        TorrentState.CheckingUp => "checkingUP",
        TorrentState.ForcedUp => "forcedUP",
        TorrentState.Allocating => "allocating",
        TorrentState.Downloading => "downloading",
        TorrentState.MetaDownloading => "metaDL",
        TorrentState.ForcedMetaDownloading => "forcedMetaDL",
        TorrentState.StoppedDown => stoppedNaming ? "stoppedDL" : "pausedDL",
        TorrentState.QueuedDown => "queuedDL",
        TorrentState.StalledDown => "stalledDL",
        TorrentState.CheckingDown => "checkingDL",
        TorrentState.ForcedDown => "forcedDL",
        TorrentState.CheckingResumeData => "checkingResumeData",
        TorrentState.Moving => "moving",
        _ => "unknown",
    };

    public static bool IsStopped(this TorrentState state) => state is TorrentState.StoppedUp or TorrentState.StoppedDown;

    public static bool IsChecking(this TorrentState state) => state is TorrentState.CheckingUp or TorrentState.CheckingDown or TorrentState.CheckingResumeData;

    public static bool IsErrored(this TorrentState state) => state is TorrentState.Error or TorrentState.MissingFiles;

    /// <summary>Every piece is here: seeding, or finished and stopped.</summary>
    public static bool IsComplete(this TorrentState state) => state is TorrentState.Uploading or TorrentState.StoppedUp or TorrentState.QueuedUp
        or TorrentState.StalledUp or TorrentState.CheckingUp or TorrentState.ForcedUp;

    public static bool IsDownloading(this TorrentState state) => state is TorrentState.Downloading or TorrentState.MetaDownloading
        or TorrentState.ForcedMetaDownloading or TorrentState.StoppedDown or TorrentState.QueuedDown or TorrentState.StalledDown
        or TorrentState.CheckingDown or TorrentState.ForcedDown or TorrentState.Allocating;

    /// <summary>Whether <paramref name="torrent"/> belongs under <paramref name="filter"/>, with qBittorrent's meaning of each.</summary>
    public static bool Matches(this Torrent torrent, TorrentFilter filter)
    {
        ArgumentNullException.ThrowIfNull(torrent);
        var state = torrent.State;
        return filter switch
        {
            TorrentFilter.All => true,
            TorrentFilter.Downloading => state.IsDownloading(),
            TorrentFilter.Seeding => state is TorrentState.Uploading or TorrentState.StalledUp or TorrentState.ForcedUp or TorrentState.QueuedUp,
            TorrentFilter.Completed => state.IsComplete(),
            TorrentFilter.Stopped => state.IsStopped(),
            TorrentFilter.Active => torrent.DownloadSpeed > 0 || torrent.UploadSpeed > 0,
            TorrentFilter.Stalled => state is TorrentState.StalledUp or TorrentState.StalledDown,
            TorrentFilter.Checking => state.IsChecking(),
            TorrentFilter.Errored => state.IsErrored(),
            _ => false,
        };
    }

    /// <summary>A short word for people: "downloading", "seeding", "stalled", "paused", "error"…</summary>
    public static string Label(this TorrentState state) => state switch
    {
        TorrentState.Error => "error",
        TorrentState.MissingFiles => "missing files",
        TorrentState.Uploading or TorrentState.ForcedUp => "seeding",
        TorrentState.StoppedUp => "completed, paused",
        TorrentState.QueuedUp => "queued to seed",
        TorrentState.StalledUp => "seeding (idle)",
        TorrentState.CheckingUp or TorrentState.CheckingDown or TorrentState.CheckingResumeData => "checking",
        TorrentState.Allocating => "allocating",
        TorrentState.Downloading or TorrentState.ForcedDown => "downloading",
        TorrentState.MetaDownloading or TorrentState.ForcedMetaDownloading => "fetching metadata",
        TorrentState.StoppedDown => "paused",
        TorrentState.QueuedDown => "queued",
        TorrentState.StalledDown => "stalled",
        TorrentState.Moving => "moving",
        _ => "unknown",
    };
}
