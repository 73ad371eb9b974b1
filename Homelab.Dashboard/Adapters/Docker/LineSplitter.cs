using System.Buffers;
using System.Text;

namespace Homelab.Dashboard.Adapters.Docker;

/// <summary>
/// Cuts a byte stream into UTF-8 lines, whatever the read boundaries. A line longer than the cap is handed out in
/// pieces, so a peer that never sends a newline cannot make it buffer without bound.
/// </summary>
internal sealed class LineSplitter(int maxLineBytes)
{
    private readonly ArrayBufferWriter<byte> _pending = new();
    private readonly int _maxLineBytes = maxLineBytes > 0 ? maxLineBytes : throw new ArgumentOutOfRangeException(nameof(maxLineBytes));

    /// <summary>Bytes held for a line that has not ended yet.</summary>
    public int PendingBytes => _pending.WrittenCount;

    /// <summary>Adds bytes; every line they complete is passed to <paramref name="onLine"/> without its line break.</summary>
    public void Feed(ReadOnlySpan<byte> data, Action<string> onLine)
    {
        ArgumentNullException.ThrowIfNull(onLine);
        while (!data.IsEmpty)
        {
            var newline = data.IndexOf((byte)'\n');
            var take = newline < 0 ? data.Length : newline;
            var room = _maxLineBytes - _pending.WrittenCount;
            if (take > room)
            {
                Append(data[..room]);
                onLine(TakeLine());
                data = data[room..];
                continue;
            }

            Append(data[..take]);
            if (newline < 0)
            {
                return;
            }

            onLine(TakeLine());
            data = data[(newline + 1)..];
        }
    }

    /// <summary>Hands out what is left when the stream ends without a final newline.</summary>
    public void Complete(Action<string> onLine)
    {
        ArgumentNullException.ThrowIfNull(onLine);
        if (_pending.WrittenCount > 0)
        {
            onLine(TakeLine());
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.IsEmpty)
        {
            _pending.Write(bytes);
        }
    }

    private string TakeLine()
    {
        var bytes = _pending.WrittenSpan;
        if (!bytes.IsEmpty && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        // Invalid UTF-8 (a line cut inside a character at the cap) becomes U+FFFD rather than an exception.
        var line = Encoding.UTF8.GetString(bytes);
        _pending.ResetWrittenCount();
        return line;
    }
}
