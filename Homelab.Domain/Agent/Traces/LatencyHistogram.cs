using System.Buffers.Binary;

namespace Homelab.Domain.Agent.Traces;

/// <summary>
/// Counts latencies in fixed log-scale buckets, so percentiles can be read from hourly sums without the raw rows.
/// </summary>
/// <remarks>
/// Bucket 0 holds everything under 1 ms; then eight buckets per doubling up to 2^20 ms (about 17 minutes), and one
/// overflow bucket. A percentile is reported as its bucket's geometric middle, so it is within 2^(1/16) − 1 ≈ 4.4 %
/// of the true value between 1 ms and 17 minutes (<see cref="RelativeAccuracy"/>).
/// </remarks>
public sealed class LatencyHistogram
{
    public const int BucketsPerDoubling = 8;

    public const int Doublings = 20;

    /// <summary>Under 1 ms, the log-scale buckets, and the overflow.</summary>
    public const int BucketCount = (Doublings * BucketsPerDoubling) + 2;

    /// <summary>How far a reported percentile may be from the true value, as a fraction.</summary>
    public static readonly double RelativeAccuracy = Math.Pow(2, 1.0 / (2 * BucketsPerDoubling)) - 1;

    private readonly long[] _counts = new long[BucketCount];

    public long Count { get; private set; }

    public void Add(double milliseconds) => Add(BucketOf(milliseconds), 1);

    public void Add(int bucket, long count)
    {
        _counts[bucket] += count;
        Count += count;
    }

    public void Merge(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < BucketCount; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
    }

    /// <summary>The latency below which <paramref name="fraction"/> of the calls fall (nearest rank), or null with no calls.</summary>
    public TimeSpan? Percentile(double fraction)
    {
        if (Count == 0)
        {
            return null;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(fraction * Count));
        long seen = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return TimeSpan.FromMilliseconds(Middle(i));
            }
        }

        return TimeSpan.FromMilliseconds(Middle(BucketCount - 1));
    }

    public static int BucketOf(double milliseconds)
    {
        if (!(milliseconds >= 1))
        {
            return 0;
        }

        var index = 1 + (int)Math.Floor(Math.Log2(milliseconds) * BucketsPerDoubling);
        return Math.Min(index, BucketCount - 1);
    }

    /// <summary>The value reported for a bucket: its geometric middle; the overflow bucket reports its lower edge.</summary>
    public static double Middle(int bucket) => bucket switch
    {
        0 => 0.5,
        BucketCount - 1 => Math.Pow(2, Doublings),
        _ => Math.Pow(2, (bucket - 0.5) / BucketsPerDoubling),
    };

    /// <summary>Sparse encoding: (bucket, count) pairs for the buckets in use; a typical hour uses a dozen of 162.</summary>
    public byte[] ToBytes()
    {
        var used = _counts.Count(c => c > 0);
        var bytes = new byte[used * 10];
        var offset = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            if (_counts[i] > 0)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(offset), (ushort)i);
                BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(offset + 2), _counts[i]);
                offset += 10;
            }
        }

        return bytes;
    }

    /// <summary>Adds what <see cref="ToBytes"/> wrote; unknown buckets (from a different layout) are ignored.</summary>
    public void AddBytes(ReadOnlySpan<byte> bytes)
    {
        for (var offset = 0; offset + 10 <= bytes.Length; offset += 10)
        {
            int bucket = BinaryPrimitives.ReadUInt16LittleEndian(bytes[offset..]);
            var count = BinaryPrimitives.ReadInt64LittleEndian(bytes[(offset + 2)..]);
            if (bucket < BucketCount && count > 0)
            {
                Add(bucket, count);
            }
        }
    }
}
