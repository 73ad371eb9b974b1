using Homelab.Domain.Common;

namespace Homelab.Domain.Downloads;

/// <summary>One torrent as qBittorrent reports it. Sizes are bytes, speeds bytes/s.</summary>
public sealed record Torrent
{
    /// <summary>The info-hash (lower-case hex), qBittorrent's key for the torrent.</summary>
    public required string Hash { get; init; }

    public string Name { get; init; } = "";

    public TorrentState State { get; init; }

    /// <summary>Fraction done, 0–1.</summary>
    public double Progress { get; init; }

    /// <summary>Size of the selected files.</summary>
    public long Size { get; init; }

    public long TotalSize { get; init; }

    public long Downloaded { get; init; }

    public long Uploaded { get; init; }

    public long AmountLeft { get; init; }

    public long DownloadSpeed { get; init; }

    public long UploadSpeed { get; init; }

    /// <summary>Time to completion; null when unknown or infinite (qBittorrent's 8640000).</summary>
    public TimeSpan? Eta { get; init; }

    /// <summary>Share ratio; null when qBittorrent caps it (its -1 above 9999).</summary>
    public double? Ratio { get; init; }

    public string Category { get; init; } = "";

    public EquatableArray<string> Tags { get; init; } = EquatableArray<string>.Empty;

    public DateTimeOffset? AddedOn { get; init; }

    /// <summary>When it finished downloading; null while incomplete.</summary>
    public DateTimeOffset? CompletedOn { get; init; }

    public string SavePath { get; init; } = "";

    public int Seeds { get; init; }

    public int Leechers { get; init; }

    /// <summary>Queue position; null when queueing is off or the torrent is seeding.</summary>
    public int? QueuePosition { get; init; }

    /// <summary>Whether data is flowing right now.</summary>
    public bool IsMoving => DownloadSpeed > 0 || UploadSpeed > 0;
}
