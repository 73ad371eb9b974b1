using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Homelab.Dashboard.Simulator.State;
using Homelab.Domain.Downloads;

namespace Homelab.Dashboard.Simulator.QBittorrent;

/// <summary>
/// qBittorrent's JSON, written field by field so that a diff can carry only what changed: a torrent against the
/// version a session was last sent, the server state likewise. Field names and units are the wire's.
/// </summary>
internal static class QBittorrentSimJson
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The torrent's fields that differ from <paramref name="p"/>; all of them (and the fixed ones) when there is none.</summary>
    public static void WriteTorrentFields(Utf8JsonWriter w, SimTorrentView c, SimTorrentView? p, QBittorrentSimVersion version, bool withHash)
    {
        if (withHash)
        {
            w.WriteString("hash", c.Hash);
        }

        if (p is null)
        {
            // Fixed for the simulator's torrents: written once, in a full view.
            w.WriteBoolean("auto_tmm", false);
            w.WriteNumber("availability", -1);
            w.WriteString("content_path", $"{c.SavePath}/{c.Name}");
            w.WriteNumber("dl_limit", 0);
            w.WriteString("download_path", "");
            w.WriteBoolean("f_l_piece_prio", false);
            w.WriteBoolean("force_start", false);
            w.WriteString("infohash_v1", c.Hash);
            w.WriteString("infohash_v2", "");
            w.WriteString("magnet_uri", $"magnet:?xt=urn:btih:{c.Hash}&dn={Uri.EscapeDataString(c.Name)}");
            w.WriteNumber("max_ratio", -1);
            w.WriteNumber("max_seeding_time", -1);
            w.WriteNumber("ratio_limit", -2);
            w.WriteNumber("seeding_time_limit", -2);
            w.WriteBoolean("seq_dl", false);
            w.WriteBoolean("super_seeding", false);
            w.WriteString("tracker", "");
            w.WriteNumber("trackers_count", 0);
            w.WriteNumber("up_limit", 0);
            if (version.StopStart)
            {
                w.WriteBoolean("private", false);
                w.WriteBoolean("has_metadata", true);
                w.WriteString("comment", "");
            }
        }

        Number(w, "added_on", c.AddedOn, p?.AddedOn);
        Number(w, "amount_left", c.AmountLeft, p?.AmountLeft);
        Text(w, "category", c.Category, p?.Category);
        Number(w, "completed", c.Completed, p?.Completed);
        Number(w, "completion_on", c.CompletionOn, p?.CompletionOn);
        Number(w, "dlspeed", c.DownloadSpeed, p?.DownloadSpeed);
        Number(w, "downloaded", c.Downloaded, p?.Downloaded);
        Number(w, "eta", c.Eta, p?.Eta);
        Number(w, "last_activity", c.LastActivity, p?.LastActivity);
        Text(w, "name", c.Name, p?.Name);
        Number(w, "num_complete", c.SwarmSeeds, p?.SwarmSeeds);
        Number(w, "num_incomplete", c.SwarmLeechers, p?.SwarmLeechers);
        Number(w, "num_leechs", c.Leechers, p?.Leechers);
        Number(w, "num_seeds", c.Seeds, p?.Seeds);
        Number(w, "priority", c.Priority, p?.Priority);
        Fraction(w, "progress", c.Progress, p?.Progress);
        Fraction(w, "ratio", c.Ratio, p?.Ratio);
        Text(w, "save_path", c.SavePath, p?.SavePath);
        Number(w, "seeding_time", c.SeedingTime, p?.SeedingTime);
        Number(w, "size", c.Size, p?.Size);
        if (p is null || p.State != c.State)
        {
            w.WriteString("state", c.State.WireName(version.StopStart));
        }

        Text(w, "tags", c.Tags, p?.Tags);
        Number(w, "time_active", c.TimeActive, p?.TimeActive);
        Number(w, "total_size", c.Size, p?.Size);
        Number(w, "uploaded", c.Uploaded, p?.Uploaded);
        Number(w, "upspeed", c.UploadSpeed, p?.UploadSpeed);
    }

    /// <summary>maindata's <c>server_state</c> keys that differ from <paramref name="p"/>, or all of them.</summary>
    public static void WriteServerStateFields(Utf8JsonWriter w, SimTransferView c, SimTransferView? p, QBittorrentSimVersion version)
    {
        if (p is null)
        {
            w.WriteNumber("average_time_queue", 11);
            w.WriteNumber("queued_io_jobs", 0);
            w.WriteBoolean("queueing", true);
            w.WriteString("read_cache_hits", "0");
            w.WriteString("read_cache_overload", "0");
            w.WriteNumber("refresh_interval", 1500);
            w.WriteNumber("total_buffers_size", 0);
            w.WriteNumber("total_queued_size", 0);
            w.WriteNumber("total_wasted_session", 0);
            w.WriteBoolean("use_alt_speed_limits", false);
            w.WriteString("write_cache_overload", "0");
        }

        Number(w, "alltime_dl", c.AllTimeDownloaded, p?.AllTimeDownloaded);
        Number(w, "alltime_ul", c.AllTimeUploaded, p?.AllTimeUploaded);
        Text(w, "connection_status", c.ConnectionStatus, p?.ConnectionStatus);
        Number(w, "dht_nodes", c.DhtNodes, p?.DhtNodes);
        Number(w, "dl_info_data", c.DownloadedSession, p?.DownloadedSession);
        Number(w, "dl_info_speed", c.DownloadSpeed, p?.DownloadSpeed);
        Number(w, "dl_rate_limit", c.DownloadLimit, p?.DownloadLimit);
        Number(w, "free_space_on_disk", c.FreeSpaceOnDisk, p?.FreeSpaceOnDisk);
        Text(w, "global_ratio", c.GlobalRatio, p?.GlobalRatio);
        Number(w, "total_peer_connections", c.PeerConnections, p?.PeerConnections);
        Number(w, "up_info_data", c.UploadedSession, p?.UploadedSession);
        Number(w, "up_info_speed", c.UploadSpeed, p?.UploadSpeed);
        Number(w, "up_rate_limit", c.UploadLimit, p?.UploadLimit);
        if (version.StopStart)
        {
            Text(w, "last_external_address_v4", c.ExternalAddress, p?.ExternalAddress);
            Text(w, "last_external_address_v6", "", p is null ? null : "");
        }
    }

    /// <summary><c>transfer/info</c>: the global speeds, this session's totals, limits and the connection.</summary>
    public static byte[] TransferInfo(SimTransferView c, QBittorrentSimVersion version) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("connection_status", c.ConnectionStatus);
        w.WriteNumber("dht_nodes", c.DhtNodes);
        w.WriteNumber("dl_info_data", c.DownloadedSession);
        w.WriteNumber("dl_info_speed", c.DownloadSpeed);
        w.WriteNumber("dl_rate_limit", c.DownloadLimit);
        w.WriteNumber("up_info_data", c.UploadedSession);
        w.WriteNumber("up_info_speed", c.UploadSpeed);
        w.WriteNumber("up_rate_limit", c.UploadLimit);
        if (version.StopStart)
        {
            w.WriteString("last_external_address_v4", c.ExternalAddress);
            w.WriteString("last_external_address_v6", "");
        }

        w.WriteEndObject();
    });

    /// <summary><c>torrents/info</c>: whole torrents, each with its hash.</summary>
    public static byte[] Torrents(IEnumerable<SimTorrentView> torrents, QBittorrentSimVersion version) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var torrent in torrents)
        {
            w.WriteStartObject();
            WriteTorrentFields(w, torrent, null, version, withHash: true);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    /// <summary><c>torrents/categories</c> and maindata's <c>categories</c>: objects keyed by name.</summary>
    public static void WriteCategories(Utf8JsonWriter w, IEnumerable<KeyValuePair<string, string>> categories)
    {
        foreach (var (name, savePath) in categories)
        {
            w.WriteStartObject(name);
            w.WriteString("name", name);
            w.WriteString("savePath", savePath);
            w.WriteEndObject();
        }
    }

    public static byte[] Categories(IEnumerable<KeyValuePair<string, string>> categories) => Write(w =>
    {
        w.WriteStartObject();
        WriteCategories(w, categories);
        w.WriteEndObject();
    });

    /// <summary>A few of <c>app/preferences</c>' keys, the ones a homelab owner would look at.</summary>
    public static byte[] Preferences(int webUiPort) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("save_path", "/data/media/downloads");
        w.WriteString("temp_path", "/data/media/downloads/incomplete");
        w.WriteBoolean("temp_path_enabled", false);
        w.WriteNumber("listen_port", 51413);
        w.WriteBoolean("upnp", false);
        w.WriteBoolean("dht", true);
        w.WriteBoolean("pex", true);
        w.WriteBoolean("lsd", false);
        w.WriteNumber("dl_limit", 0);
        w.WriteNumber("up_limit", 0);
        w.WriteBoolean("queueing_enabled", true);
        w.WriteNumber("max_active_downloads", 6);
        w.WriteNumber("max_active_uploads", 12);
        w.WriteNumber("max_active_torrents", 20);
        w.WriteString("current_network_interface", "tun0");
        w.WriteString("web_ui_address", "*");
        w.WriteNumber("web_ui_port", webUiPort);
        w.WriteString("web_ui_username", "admin");
        w.WriteBoolean("web_ui_csrf_protection_enabled", true);
        w.WriteBoolean("web_ui_host_header_validation_enabled", true);
        w.WriteNumber("web_ui_max_auth_fail_count", 5);
        w.WriteNumber("web_ui_ban_duration", 3600);
        w.WriteNumber("web_ui_session_timeout", 3600);
        w.WriteBoolean("bypass_local_auth", false);
        w.WriteEndObject();
    });

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Number(Utf8JsonWriter w, string name, long value, long? previous)
    {
        if (previous != value)
        {
            w.WriteNumber(name, value);
        }
    }

    private static void Fraction(Utf8JsonWriter w, string name, double value, double? previous)
    {
        if (previous != value)
        {
            w.WriteNumber(name, value);
        }
    }

    private static void Text(Utf8JsonWriter w, string name, string value, string? previous)
    {
        if (!string.Equals(previous, value, StringComparison.Ordinal))
        {
            w.WriteString(name, value);
        }
    }
}
