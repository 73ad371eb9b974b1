using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Homelab.Dashboard.Adapters.Http;
using Homelab.Domain.Common;
using Homelab.Domain.Downloads;

namespace Homelab.Dashboard.Adapters.QBittorrent;

/// <summary>
/// Reads qBittorrent's WebUI API JSON into the domain: <c>sync/maindata</c> diffs, <c>torrents/info</c> lists and
/// <c>server_state</c>. Every field may be missing; the wire's sentinels (8640000, -1) become "unknown".
/// </summary>
internal static class QBittorrentWire
{
    /// <summary>qBittorrent's "infinite" ETA: 100 days in seconds (<c>MAX_ETA</c>).</summary>
    public const long InfiniteEta = 8_640_000;

    /// <summary>Reads a whole answer into a value; false when the answer is not what was asked for.</summary>
    public delegate bool Reader<T>(JsonElement root, [MaybeNullWhen(false)] out T value);

    public static bool TryParseMainData(JsonElement root, [MaybeNullWhen(false)] out MainDataUpdate update) => (update = ParseMainData(root)) is not null;

    public static bool TryParseTorrents(JsonElement root, out EquatableArray<Torrent> torrents)
    {
        var parsed = ParseTorrents(root);
        torrents = parsed ?? EquatableArray<Torrent>.Empty;
        return parsed is not null;
    }

    /// <summary>A <c>sync/maindata</c> answer, or null when it is not one (no object, no <c>rid</c>).</summary>
    public static MainDataUpdate? ParseMainData(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || root.Int64("rid") is not { } rid)
        {
            return null;
        }

        var torrents = new Dictionary<string, TorrentPatch>(StringComparer.Ordinal);
        if (root.Object("torrents") is { } map)
        {
            foreach (var entry in map.EnumerateObject())
            {
                if (entry.Value.ValueKind == JsonValueKind.Object && entry.Name.Length > 0)
                {
                    torrents[entry.Name] = ParseTorrentPatch(entry.Value);
                }
            }
        }

        return new MainDataUpdate
        {
            Rid = rid,
            FullUpdate = root.Boolean("full_update") ?? false,
            Torrents = torrents,
            TorrentsRemoved = Strings(root, "torrents_removed"),
            Categories = CategoryNames(root),
            CategoriesRemoved = Strings(root, "categories_removed"),
            ServerState = root.Object("server_state") is { } state ? ParseTransfer(state) : null,
        };
    }

    /// <summary>A <c>torrents/info</c> array as whole torrents; null when the answer is not an array. Entries without a hash are skipped.</summary>
    public static EquatableArray<Torrent>? ParseTorrents(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return root.Objects()
            .Select(item => (Hash: item.String("hash"), Item: item))
            .Where(entry => !string.IsNullOrEmpty(entry.Hash))
            .Select(entry => ParseTorrentPatch(entry.Item).ApplyTo(new Torrent { Hash = entry.Hash! }))
            .ToEquatableArray();
    }

    /// <summary>One torrent object (whole or partial): only the fields present are set.</summary>
    public static TorrentPatch ParseTorrentPatch(JsonElement torrent) => new()
    {
        Name = torrent.String("name"),
        State = torrent.String("state") is { } state ? TorrentStateRules.Parse(state) : null,
        Progress = torrent.Double("progress") is { } progress ? Math.Clamp(progress, 0, 1) : null,
        Size = torrent.Int64("size"),
        TotalSize = torrent.Int64("total_size"),
        Downloaded = torrent.Int64("downloaded"),
        Uploaded = torrent.Int64("uploaded"),
        AmountLeft = torrent.Int64("amount_left"),
        DownloadSpeed = torrent.Int64("dlspeed"),
        UploadSpeed = torrent.Int64("upspeed"),
        Eta = torrent.Int64("eta") is { } eta ? new PatchValue<TimeSpan?>(eta is >= 0 and < InfiniteEta ? TimeSpan.FromSeconds(eta) : null) : default,

        // -1 is qBittorrent's "above the 9999 cap".
        Ratio = torrent.Double("ratio") is { } ratio ? new PatchValue<double?>(ratio >= 0 ? ratio : null) : default,
        Category = torrent.String("category"),
        Tags = torrent.Field("tags") is not null ? (EquatableArray<string>?)Tags(torrent.String("tags")) : null,
        AddedOn = UnixTime(torrent, "added_on"),
        CompletedOn = UnixTime(torrent, "completion_on"),
        SavePath = torrent.String("save_path"),
        Seeds = torrent.Int32("num_seeds"),
        Leechers = torrent.Int32("num_leechs"),

        // 0 is "not queued" (queueing off), -1 is "seeding": neither is a queue position.
        QueuePosition = torrent.Int32("priority") is { } priority ? new PatchValue<int?>(priority > 0 ? priority : null) : default,
    };

    /// <summary><c>server_state</c> or <c>transfer/info</c>: only the keys present are set.</summary>
    public static TransferPatch ParseTransfer(JsonElement state) => new()
    {
        DownloadSpeed = state.Int64("dl_info_speed"),
        UploadSpeed = state.Int64("up_info_speed"),
        DownloadedSession = state.Int64("dl_info_data"),
        UploadedSession = state.Int64("up_info_data"),
        DownloadLimit = state.Int64("dl_rate_limit"),
        UploadLimit = state.Int64("up_rate_limit"),
        AllTimeDownloaded = state.Int64("alltime_dl"),
        AllTimeUploaded = state.Int64("alltime_ul"),

        // A string on the wire ("1.87"), and "-" before anything was downloaded: that reads as unknown.
        GlobalRatio = state.Double("global_ratio") is { } ratio && ratio >= 0 ? ratio : null,

        // -1 until qBittorrent has checked the disk.
        FreeSpaceOnDisk = state.Int64("free_space_on_disk") is { } free && free >= 0 ? free : null,
        DhtNodes = state.Int32("dht_nodes"),
        ConnectionStatus = state.String("connection_status"),
    };

    /// <summary><c>"iso, lts"</c> → [iso, lts]; empty or missing → none.</summary>
    public static EquatableArray<string> Tags(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? EquatableArray<string>.Empty
            : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToEquatableArray();

    /// <summary>The plain-text answer of <c>app/version</c> or <c>app/webapiVersion</c>, or null when it is not a version.</summary>
    public static string? VersionText(string? body)
    {
        var text = body?.Trim();
        return !string.IsNullOrEmpty(text) && text.Length <= 40 && TorrentClientInfo.TryParseApiVersion(text) is not null ? text : null;
    }

    private static PatchValue<DateTimeOffset?> UnixTime(JsonElement element, string name)
    {
        if (element.Int64(name) is not { } seconds)
        {
            return default;
        }

        // -1 (and 0 in some versions) means "not yet"; 4294967295 is the same -1 read as unsigned by older versions.
        return seconds is > 0 and < uint.MaxValue ? DateTimeOffset.FromUnixTimeSeconds(seconds) : new PatchValue<DateTimeOffset?>(null);
    }

    private static string[] Strings(JsonElement root, string name) =>
        root.Array(name) is { } array
            ? [.. array.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!).Where(s => s.Length > 0)]
            : [];

    /// <summary>Categories are an object keyed by name (<c>{"linux": {"name": "linux", "savePath": ""}}</c>); a list of names is read too.</summary>
    private static string[] CategoryNames(JsonElement root) => root.Field("categories") switch
    {
        { ValueKind: JsonValueKind.Object } map => [.. map.EnumerateObject().Select(p => p.Name).Where(n => n.Length > 0)],
        { ValueKind: JsonValueKind.Array } => Strings(root, "categories"),
        _ => [],
    };
}
