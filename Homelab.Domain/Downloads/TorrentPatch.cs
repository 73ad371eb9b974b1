using Homelab.Domain.Common;

namespace Homelab.Domain.Downloads;

/// <summary>
/// What one <c>sync/maindata</c> answer says about one torrent: only the fields that changed are set. Units and
/// meaning as in <see cref="Torrent"/>; the adapter has already turned wire quirks (8640000, -1) into these.
/// </summary>
public sealed record TorrentPatch
{
    public string? Name { get; init; }

    public TorrentState? State { get; init; }

    public double? Progress { get; init; }

    public long? Size { get; init; }

    public long? TotalSize { get; init; }

    public long? Downloaded { get; init; }

    public long? Uploaded { get; init; }

    public long? AmountLeft { get; init; }

    public long? DownloadSpeed { get; init; }

    public long? UploadSpeed { get; init; }

    /// <summary>Set when the field was present; its <see cref="PatchValue{T}.Value"/> may be null (unknown ETA).</summary>
    public PatchValue<TimeSpan?> Eta { get; init; }

    public PatchValue<double?> Ratio { get; init; }

    public string? Category { get; init; }

    public EquatableArray<string>? Tags { get; init; }

    public PatchValue<DateTimeOffset?> AddedOn { get; init; }

    public PatchValue<DateTimeOffset?> CompletedOn { get; init; }

    public string? SavePath { get; init; }

    public int? Seeds { get; init; }

    public int? Leechers { get; init; }

    public PatchValue<int?> QueuePosition { get; init; }

    /// <summary>Applies the fields this patch carries and keeps the rest, never replacing the whole torrent.</summary>
    public Torrent ApplyTo(Torrent torrent)
    {
        ArgumentNullException.ThrowIfNull(torrent);
        return torrent with
        {
            Name = Name ?? torrent.Name,
            State = State ?? torrent.State,
            Progress = Progress ?? torrent.Progress,
            Size = Size ?? torrent.Size,
            TotalSize = TotalSize ?? torrent.TotalSize,
            Downloaded = Downloaded ?? torrent.Downloaded,
            Uploaded = Uploaded ?? torrent.Uploaded,
            AmountLeft = AmountLeft ?? torrent.AmountLeft,
            DownloadSpeed = DownloadSpeed ?? torrent.DownloadSpeed,
            UploadSpeed = UploadSpeed ?? torrent.UploadSpeed,
            Eta = Eta.Or(torrent.Eta),
            Ratio = Ratio.Or(torrent.Ratio),
            Category = Category ?? torrent.Category,
            Tags = Tags ?? torrent.Tags,
            AddedOn = AddedOn.Or(torrent.AddedOn),
            CompletedOn = CompletedOn.Or(torrent.CompletedOn),
            SavePath = SavePath ?? torrent.SavePath,
            Seeds = Seeds ?? torrent.Seeds,
            Leechers = Leechers ?? torrent.Leechers,
            QueuePosition = QueuePosition.Or(torrent.QueuePosition),
        };
    }
}
