using Homelab.Domain.Common;
using Homelab.Domain.Downloads;

namespace Homelab.Domain.Actions;

/// <summary>Pause, resume, recheck or delete some torrents, or all of them.</summary>
/// <param name="Hashes">The torrents; empty means every torrent in the client.</param>
/// <param name="Display">How people name the selection: the torrent's name, or "all torrents".</param>
/// <param name="DeleteFiles">With <see cref="TorrentCommand.Delete"/>: also delete the downloaded files.</param>
public sealed record TorrentCommandRequest(EquatableArray<string> Hashes, string Display, TorrentCommand Command, bool DeleteFiles = false) : HomelabAction
{
    public bool All => Hashes.IsEmpty;

    public static TorrentCommandRequest ForAll(TorrentCommand command) => new(EquatableArray<string>.Empty, "all torrents", command);

    public static TorrentCommandRequest ForOne(Torrent torrent, TorrentCommand command, bool deleteFiles = false)
    {
        ArgumentNullException.ThrowIfNull(torrent);
        return new([torrent.Hash], torrent.Name, command, deleteFiles);
    }

    public override string TargetKey => All ? "torrents/all" : $"torrent/{string.Join(',', Hashes)}";

    public override string TargetDisplay => All ? "all torrents" : $"torrent {Display}";

    public override string Kind => All ? $"torrents.{Command.ToString().ToLowerInvariant()}-all" : $"torrent.{Command.ToString().ToLowerInvariant()}{(DeleteFiles ? "-with-files" : "")}";

    public override string ConfirmationTitle => All ? $"{Command.Title()} all torrents?" : $"{Command.Title()} {Display}?";

    public override string Effect => (Command, All) switch
    {
        (TorrentCommand.Pause, true) => "Pauses every torrent: downloads and seeding stop until they are resumed.",
        (TorrentCommand.Resume, true) => "Resumes every paused torrent.",
        (TorrentCommand.Pause, false) => $"Pauses {Display}: it stops downloading and seeding until resumed.",
        (TorrentCommand.Resume, false) => $"Resumes {Display}.",
        (TorrentCommand.Recheck, _) => $"Verifies every piece of {TargetDisplay} against its hashes; it does not download or seed meanwhile.",
        (TorrentCommand.Delete, _) when DeleteFiles => $"Removes {TargetDisplay} from qBittorrent and deletes its downloaded files from disk. This cannot be undone.",
        (TorrentCommand.Delete, _) => $"Removes {TargetDisplay} from qBittorrent; the downloaded files stay on disk.",
        _ => Command.ToString(),
    };

    public override bool Disruptive => Command != TorrentCommand.Resume;
}
