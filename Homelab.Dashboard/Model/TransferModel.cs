using Homelab.Domain.Downloads;

namespace Homelab.Dashboard.Model;

/// <summary>A speed history as a sparkline with its scale printed beside it.</summary>
/// <param name="PeakText">"12.4 MiB/s": the top of the scale, so the line's height is never a secret.</param>
/// <param name="LatestText">The newest bucket's speed, where the line ends.</param>
public sealed record SpeedLine(Sparkline Line, string? PeakText, string? LatestText)
{
    /// <summary>Five minutes in five-second buckets: enough shape, and only the newest bucket moves each second.</summary>
    public const int Buckets = 60;

    public static readonly TimeSpan BucketWidth = TimeSpan.FromSeconds(5);

    public static SpeedLine Empty { get; } = new(Sparkline.Empty, null, null);

    /// <summary>
    /// The window ends at the newest sample. Buckets are aligned to the clock (not to the sample count), so a bucket
    /// once full never changes; a bucket with no sample is a gap, not a made-up zero.
    /// </summary>
    public static SpeedLine From(IReadOnlyList<TransferSample> samples, Func<TransferSample, long> speed)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(speed);
        if (samples.Count == 0)
        {
            return Empty;
        }

        var width = BucketWidth.Ticks;
        var last = samples[^1].Time.UtcTicks / width;
        var first = last - Buckets + 1;
        var peaks = new long?[Buckets];
        foreach (var sample in samples)
        {
            var bucket = (sample.Time.UtcTicks / width) - first;
            if (bucket is >= 0 and < Buckets)
            {
                var value = Math.Max(0, speed(sample));
                peaks[bucket] = Math.Max(peaks[bucket] ?? 0, value);
            }
        }

        var top = peaks.Max(p => p ?? 0);

        // An idle client is a flat line at the bottom, not a division by zero.
        var fractions = peaks.Select(p => p is { } v ? (double?)(top > 0 ? (double)v / top : 0) : null).ToList();
        // The latest value is the newest bucket's, as the line's end shows it.
        return new SpeedLine(Sparkline.FromFractions(fractions), TorrentText.Speed(top), TorrentText.Speed(peaks[^1] ?? 0));
    }
}

/// <summary>The client's global transfer state as a strip: speeds with their history, limits, disk and connection.</summary>
/// <param name="ConnectionLevel">"ok", "warning", "error" or "unknown", for colour; the word is always shown too.</param>
public sealed record TransferModel(
    string Down,
    string Up,
    string? DownLimit,
    string? UpLimit,
    SpeedLine DownHistory,
    SpeedLine UpHistory,
    string? FreeSpace,
    string? Connection,
    string ConnectionLevel,
    string? DhtNodes)
{
    public static TransferModel Empty { get; } = From(null);

    public static TransferModel From(DownloadsSnapshot? downloads)
    {
        var transfer = downloads?.Transfer ?? new TransferInfo();
        var history = downloads?.History.AsImmutableArray() ?? [];
        var connection = string.IsNullOrWhiteSpace(transfer.ConnectionStatus) ? null : transfer.ConnectionStatus.Trim().ToLowerInvariant();
        return new TransferModel(
            TorrentText.Speed(transfer.DownloadSpeed),
            TorrentText.Speed(transfer.UploadSpeed),
            transfer.DownloadLimit > 0 ? TorrentText.Speed(transfer.DownloadLimit) : null,
            transfer.UploadLimit > 0 ? TorrentText.Speed(transfer.UploadLimit) : null,
            SpeedLine.From(history, s => s.DownloadSpeed),
            SpeedLine.From(history, s => s.UploadSpeed),
            transfer.FreeSpaceOnDisk is { } free ? UiFormat.Bytes(free) : null,
            connection,
            connection switch
            {
                "connected" => "ok",
                "firewalled" => "warning",
                "disconnected" => "error",
                _ => "unknown",
            },
            transfer.DhtNodes is { } dht ? dht.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }
}
