using System.Buffers;
using System.Text.Json;
using Homelab.Dashboard.Simulator.State;

namespace Homelab.Dashboard.Simulator.QBittorrent;

/// <summary>
/// <c>sync/maindata</c> as qBittorrent's SyncController answers it, per session: rid 0 or a rid the session was not
/// last sent gets <c>full_update</c>; the last rid gets a diff (changed torrents with only their changed fields,
/// <c>torrents_removed</c>, changed categories and <c>categories_removed</c>, changed <c>server_state</c> keys).
/// rid counts up per session and wraps after 1,000,000.
/// </summary>
internal static class QBittorrentSimSync
{
    public static byte[] MainData(QBittorrentSimSession session, int rid, SimulatedHomelab homelab, QBittorrentSimVersion version)
    {
        lock (session.Gate)
        {
            var torrents = homelab.ReadTorrents();
            var server = homelab.ReadTransfer();
            var full = rid == 0 || rid != session.Rid || session.SentTorrents is null;
            var sentTorrents = full ? null : session.SentTorrents;
            var sentCategories = full ? null : session.SentCategories;
            var next = session.Rid % 1_000_000 + 1;

            var buffer = new ArrayBufferWriter<byte>(full ? 64 * 1024 + torrents.Count * 900 : 4096);
            var current = new Dictionary<string, SimTorrentView>(torrents.Count, StringComparer.Ordinal);
            using (var w = new Utf8JsonWriter(buffer, QBittorrentSimJson.WriterOptions))
            {
                w.WriteStartObject();
                w.WriteNumber("rid", next);
                if (full)
                {
                    w.WriteBoolean("full_update", true);
                }

                var wroteTorrents = false;
                foreach (var torrent in torrents)
                {
                    current[torrent.Hash] = torrent;
                    SimTorrentView? before = null;
                    if (sentTorrents is not null && sentTorrents.TryGetValue(torrent.Hash, out before) && before == torrent)
                    {
                        // Nothing to send, as qBittorrent leaves out a torrent whose fields are all unchanged. A view is
                        // kept until something moves, but a tick rebuilds every running torrent's, and an idle seeder's
                        // or the stalled download's new view can equal the old one: an empty object would be noise.
                        continue;
                    }

                    if (!wroteTorrents)
                    {
                        w.WriteStartObject("torrents");
                        wroteTorrents = true;
                    }

                    w.WriteStartObject(torrent.Hash);
                    QBittorrentSimJson.WriteTorrentFields(w, torrent, before, version, withHash: false);
                    w.WriteEndObject();
                }

                if (wroteTorrents)
                {
                    w.WriteEndObject();
                }
                else if (full)
                {
                    w.WriteStartObject("torrents");
                    w.WriteEndObject();
                }

                if (sentTorrents is not null)
                {
                    var removed = sentTorrents.Keys.Where(hash => !current.ContainsKey(hash)).ToList();
                    if (removed.Count > 0)
                    {
                        w.WriteStartArray("torrents_removed");
                        removed.ForEach(w.WriteStringValue);
                        w.WriteEndArray();
                    }
                }

                var categories = SimulatorTorrents.Categories;
                var newCategories = categories.Where(c => sentCategories is null || !sentCategories.Contains(c.Key)).ToList();
                if (full || newCategories.Count > 0)
                {
                    w.WriteStartObject("categories");
                    QBittorrentSimJson.WriteCategories(w, newCategories);
                    w.WriteEndObject();
                }

                if (sentCategories is not null && sentCategories.Where(c => !categories.ContainsKey(c)).ToList() is { Count: > 0 } goneCategories)
                {
                    w.WriteStartArray("categories_removed");
                    goneCategories.ForEach(w.WriteStringValue);
                    w.WriteEndArray();
                }

                var sentServer = full ? null : session.SentServerState;
                if (full || sentServer != server)
                {
                    w.WriteStartObject("server_state");
                    QBittorrentSimJson.WriteServerStateFields(w, server, sentServer, version);
                    w.WriteEndObject();
                }

                if (full)
                {
                    w.WriteStartArray("tags");
                    foreach (var tag in torrents.SelectMany(t => t.Tags.Split(", ", StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                    {
                        w.WriteStringValue(tag);
                    }

                    w.WriteEndArray();
                    w.WriteStartObject("trackers");
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            session.Rid = next;
            session.SentTorrents = current;
            session.SentServerState = server;
            session.SentCategories = [.. SimulatorTorrents.Categories.Keys];
            return buffer.WrittenSpan.ToArray();
        }
    }
}
