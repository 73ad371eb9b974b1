using System.Buffers;
using System.Text;

namespace Homelab.Dashboard.Adapters.Http;

/// <summary>Reads response bodies with a size cap, so a misbehaving upstream cannot exhaust memory.</summary>
internal static class BoundedContent
{
    /// <summary>Default cap for JSON answers (a big cluster's resources list is well under this).</summary>
    public const int DefaultMaxBytes = 16 * 1024 * 1024;

    private const int FirstBufferBytes = 16 * 1024;

    /// <summary>The body's bytes in a pooled buffer, or null if it is larger than <paramref name="maxBytes"/>.</summary>
    /// <remarks>
    /// Polls read the same answers every few seconds, and Docker's container list alone is ~75 KB: read into a
    /// growing <see cref="MemoryStream"/> and decoded to a string, every poll left a 128 KB array and a 150 KB string
    /// on the large object heap, which only a full collection frees. Renting the buffer and parsing JSON straight from
    /// the bytes makes a poll's garbage small and short-lived.
    /// </remarks>
    public static async Task<PooledBody?> ReadAsync(HttpContent content, CancellationToken cancellationToken, int maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(content);
        var declared = content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        return await ReadAsync(stream, declared, maxBytes, cancellationToken);
    }

    /// <summary>
    /// A stream's bytes (up to its end) in a pooled buffer, or null once they pass <paramref name="maxBytes"/>;
    /// <paramref name="declared"/> is the length announced for it, if any, and only sizes the first buffer.
    /// </summary>
    public static async Task<PooledBody?> ReadAsync(Stream stream, long? declared, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (declared > maxBytes)
        {
            return null;
        }

        // One byte more than declared, so a body longer than its declared length is still read to its end.
        var buffer = ArrayPool<byte>.Shared.Rent(declared is > 0 and var size ? (int)Math.Min(size + 1, maxBytes + 1L) : FirstBufferBytes);
        var length = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return null;
                }

                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, maxBytes + 1L));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return new PooledBody(buffer, length);
    }

    /// <summary>The body as UTF-8 text, or null if it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<string?> ReadStringAsync(HttpContent content, CancellationToken cancellationToken, int maxBytes = DefaultMaxBytes)
    {
        using var body = await ReadAsync(content, cancellationToken, maxBytes);
        return body?.Text();
    }
}

/// <summary>A response body in a buffer rented from the shared pool; dispose it (after any document parsed from it).</summary>
internal sealed class PooledBody : IDisposable
{
    private byte[]? _buffer;
    private readonly int _length;

    internal PooledBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    /// <summary>The bytes without a UTF-8 byte order mark, which JSON parsers refuse and some servers still send.</summary>
    public ReadOnlyMemory<byte> Utf8
    {
        get
        {
            ObjectDisposedException.ThrowIf(_buffer is null, this);
            var bytes = _buffer.AsMemory(0, _length);
            return bytes.Span.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
        }
    }

    /// <summary>The body decoded as UTF-8 (for error messages and the few plain-text answers).</summary>
    public string Text() => Encoding.UTF8.GetString(Utf8.Span);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
