namespace Homelab.Domain.Downloads;

/// <summary>What can be done to torrents.</summary>
public enum TorrentCommand
{
    /// <summary>Pause (qBittorrent 5: stop).</summary>
    Pause,

    /// <summary>Resume (qBittorrent 5: start).</summary>
    Resume,

    /// <summary>Verify the downloaded data against the piece hashes.</summary>
    Recheck,

    /// <summary>Remove from the client, optionally with its files.</summary>
    Delete,
}

/// <summary>What a torrent command means and when it is done.</summary>
public static class TorrentCommandRules
{
    public static string Title(this TorrentCommand command) => command switch
    {
        TorrentCommand.Pause => "Pause",
        TorrentCommand.Resume => "Resume",
        TorrentCommand.Recheck => "Recheck",
        TorrentCommand.Delete => "Delete",
        _ => command.ToString(),
    };

    public static string Progressive(this TorrentCommand command) => command switch
    {
        TorrentCommand.Pause => "pausing",
        TorrentCommand.Resume => "resuming",
        TorrentCommand.Recheck => "rechecking",
        TorrentCommand.Delete => "deleting",
        _ => command.ToString(),
    };

    /// <summary>Whether the command makes sense for a torrent in <paramref name="state"/>.</summary>
    public static bool AppliesTo(this TorrentCommand command, TorrentState state) => command switch
    {
        TorrentCommand.Pause => !state.IsStopped(),
        TorrentCommand.Resume => state.IsStopped() || state.IsErrored(),
        TorrentCommand.Recheck => !state.IsChecking(),
        TorrentCommand.Delete => true,
        _ => false,
    };
}
