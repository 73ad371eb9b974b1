using Homelab.Domain.Common;

namespace Homelab.Domain.Downloads;

/// <summary>The torrent client's state as the dashboard shows it.</summary>
public sealed record DownloadsSnapshot
{
    /// <summary>How many speed samples the history keeps (five minutes at one a second).</summary>
    public const int HistoryLength = 300;

    public EquatableDictionary<string, Torrent> Torrents { get; init; } = EquatableDictionary<string, Torrent>.Empty;

    public EquatableArray<string> Categories { get; init; } = EquatableArray<string>.Empty;

    public TransferInfo Transfer { get; init; } = new();

    /// <summary>Global speeds, oldest first, for the sparkline.</summary>
    public EquatableArray<TransferSample> History { get; init; } = EquatableArray<TransferSample>.Empty;

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Torrents currently moving data.</summary>
    public int MovingCount => Torrents.Values.Count(t => t.IsMoving);
}
