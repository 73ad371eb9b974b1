using System.Security.Cryptography;

// BitTorrent v1 is defined on SHA-1: piece hashes and the info-hash. Nothing here is a security decision.
#pragma warning disable CA5350

namespace Homelab.Tests.Shared;

/// <summary>A generated file of random bytes and a single-file, trackerless .torrent describing it.</summary>
/// <param name="Hash">The v1 info-hash in lower-case hex, as qBittorrent names the torrent.</param>
/// <param name="FilePath">Where the complete file lies (in the seeder's folder).</param>
/// <param name="TorrentFile">The bencoded .torrent.</param>
public sealed record TestTorrent(string Name, string Hash, long Size, string FilePath, byte[] TorrentFile)
{
    /// <summary>Small enough to hash quickly, big enough for several pieces per MiB so progress moves smoothly.</summary>
    public const int PieceLength = 64 * 1024;

    /// <summary>Writes <paramref name="size"/> random bytes to <paramref name="directory"/>/<paramref name="name"/> and describes them.</summary>
    public static TestTorrent Create(string directory, string name, long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var path = Path.Combine(directory, name);
        var pieces = new MemoryStream();
        var buffer = new byte[PieceLength];
        using (var file = File.Create(path))
        {
            for (long written = 0; written < size; written += PieceLength)
            {
                var piece = buffer.AsSpan(0, (int)Math.Min(PieceLength, size - written));
                RandomNumberGenerator.Fill(piece);
                file.Write(piece);
                pieces.Write(SHA1.HashData(piece));
            }
        }

        var info = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["length"] = size,
            ["name"] = name,
            ["piece length"] = PieceLength,
            ["pieces"] = pieces.ToArray(),
        };
        var torrent = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["created by"] = "Homelab.Tests",
            ["creation date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["info"] = info,
        };

        // BitTorrent v1 names a torrent by the SHA-1 of its bencoded info dictionary.
        var hash = Convert.ToHexStringLower(SHA1.HashData(Bencode.Encode(info)));
        return new TestTorrent(name, hash, size, path, Bencode.Encode(torrent));
    }
}
