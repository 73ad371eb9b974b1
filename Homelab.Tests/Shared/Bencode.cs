using System.Globalization;
using System.Text;

namespace Homelab.Tests.Shared;

/// <summary>
/// Just enough bencode to write a .torrent: integers, byte strings, lists and dictionaries. Dictionary keys are
/// written in raw byte order, as BEP 3 requires; otherwise the info-hash would not match what qBittorrent computes.
/// </summary>
internal static class Bencode
{
    /// <param name="value"><see cref="long"/>, <see cref="int"/>, <see cref="string"/> (UTF-8), <see cref="byte"/>[],
    /// a list of those, or an <see cref="IReadOnlyDictionary{TKey, TValue}"/> keyed by string.</param>
    public static byte[] Encode(object value)
    {
        using var stream = new MemoryStream();
        Write(stream, value);
        return stream.ToArray();
    }

    private static void Write(Stream stream, object value)
    {
        switch (value)
        {
            case int number:
                Write(stream, (long)number);
                break;
            case long number:
                Ascii(stream, string.Create(CultureInfo.InvariantCulture, $"i{number}e"));
                break;
            case string text:
                Bytes(stream, Encoding.UTF8.GetBytes(text));
                break;
            case byte[] bytes:
                Bytes(stream, bytes);
                break;
            case IReadOnlyDictionary<string, object> dictionary:
                stream.WriteByte((byte)'d');
                foreach (var (key, item) in dictionary.Select(p => (Key: Encoding.UTF8.GetBytes(p.Key), p.Value)).OrderBy(p => p.Key, ByteOrder.Instance))
                {
                    Bytes(stream, key);
                    Write(stream, item);
                }

                stream.WriteByte((byte)'e');
                break;
            case System.Collections.IEnumerable list:
                stream.WriteByte((byte)'l');
                foreach (var item in list)
                {
                    Write(stream, item);
                }

                stream.WriteByte((byte)'e');
                break;
            default:
                throw new ArgumentException($"Bencode has no way to write {value.GetType().Name}.", nameof(value));
        }
    }

    private static void Bytes(Stream stream, byte[] bytes)
    {
        Ascii(stream, string.Create(CultureInfo.InvariantCulture, $"{bytes.Length}:"));
        stream.Write(bytes);
    }

    private static void Ascii(Stream stream, string text) => stream.Write(Encoding.ASCII.GetBytes(text));

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
