namespace Homelab.Domain.Downloads;

/// <summary>The client's global transfer state (<c>transfer/info</c>, or <c>server_state</c> in maindata).</summary>
public sealed record TransferInfo
{
    /// <summary>Bytes/s.</summary>
    public long DownloadSpeed { get; init; }

    public long UploadSpeed { get; init; }

    /// <summary>Bytes this session.</summary>
    public long DownloadedSession { get; init; }

    public long UploadedSession { get; init; }

    /// <summary>Bytes/s; 0 means no limit.</summary>
    public long DownloadLimit { get; init; }

    public long UploadLimit { get; init; }

    public long? AllTimeDownloaded { get; init; }

    public long? AllTimeUploaded { get; init; }

    public double? GlobalRatio { get; init; }

    public long? FreeSpaceOnDisk { get; init; }

    public int? DhtNodes { get; init; }

    /// <summary><c>connected</c>, <c>firewalled</c> or <c>disconnected</c>.</summary>
    public string ConnectionStatus { get; init; } = "";
}

/// <summary>The changed <c>server_state</c> keys of one maindata answer.</summary>
public sealed record TransferPatch
{
    public long? DownloadSpeed { get; init; }

    public long? UploadSpeed { get; init; }

    public long? DownloadedSession { get; init; }

    public long? UploadedSession { get; init; }

    public long? DownloadLimit { get; init; }

    public long? UploadLimit { get; init; }

    public long? AllTimeDownloaded { get; init; }

    public long? AllTimeUploaded { get; init; }

    public double? GlobalRatio { get; init; }

    public long? FreeSpaceOnDisk { get; init; }

    public int? DhtNodes { get; init; }

    public string? ConnectionStatus { get; init; }

    public TransferInfo ApplyTo(TransferInfo transfer)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        return transfer with
        {
            DownloadSpeed = DownloadSpeed ?? transfer.DownloadSpeed,
            UploadSpeed = UploadSpeed ?? transfer.UploadSpeed,
            DownloadedSession = DownloadedSession ?? transfer.DownloadedSession,
            UploadedSession = UploadedSession ?? transfer.UploadedSession,
            DownloadLimit = DownloadLimit ?? transfer.DownloadLimit,
            UploadLimit = UploadLimit ?? transfer.UploadLimit,
            AllTimeDownloaded = AllTimeDownloaded ?? transfer.AllTimeDownloaded,
            AllTimeUploaded = AllTimeUploaded ?? transfer.AllTimeUploaded,
            GlobalRatio = GlobalRatio ?? transfer.GlobalRatio,
            FreeSpaceOnDisk = FreeSpaceOnDisk ?? transfer.FreeSpaceOnDisk,
            DhtNodes = DhtNodes ?? transfer.DhtNodes,
            ConnectionStatus = ConnectionStatus ?? transfer.ConnectionStatus,
        };
    }
}

/// <summary>One point of the global speed history, for the sparkline.</summary>
public sealed record TransferSample(DateTimeOffset Time, long DownloadSpeed, long UploadSpeed);
