namespace Homelab.Tests.Dashboard.Adapters.QBittorrent;

/// <summary>
/// Wire JSON as qBittorrent sends it (field names and shapes from the WebUI API v2 reference and a real 4.5.2; values
/// made up): a full maindata answer, a diff, and a <c>torrents/info</c> list.
/// </summary>
internal static class QBittorrentWireSamples
{
    public const string Ubuntu = "8c2e4f1a9b3d5e7f60718293a4b5c6d7e8f90a1b";
    public const string Severance = "aa01bb02cc03dd04ee05ff060718293a4b5c6d7e";
    public const string Dune = "d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f607";

    /// <summary>rid 0 answered: every torrent whole (no <c>hash</c> inside), categories keyed by name, the server state.</summary>
    public const string FullUpdate = $$$"""
        {"full_update":true,"rid":1,
         "torrents":{
           "{{{Ubuntu}}}":{"name":"ubuntu-24.04.3-desktop-amd64.iso","state":"downloading","progress":0.4172,"size":6114656256,
             "total_size":6114656256,"downloaded":2551034880,"uploaded":104857600,"amount_left":3563621376,"dlspeed":5242880,
             "upspeed":65536,"eta":680,"ratio":0.041,"category":"linux","tags":"iso, lts","added_on":1764158400,
             "completion_on":-1,"save_path":"/data/media/downloads/linux","num_seeds":48,"num_leechs":7,"priority":2,
             "auto_tmm":false,"magnet_uri":"magnet:?xt=urn:btih:8c2e"},
           "{{{Severance}}}":{"name":"Severance.S02E08.1080p.WEB.H264-SuccessfulCrab","state":"pausedUP","progress":1,
             "size":3221225472,"total_size":3221225472,"downloaded":3221225472,"uploaded":43486543872000,"amount_left":0,
             "dlspeed":0,"upspeed":0,"eta":8640000,"ratio":-1,"category":"tv-sonarr","tags":"","added_on":1763900000,
             "completion_on":1763903600,"save_path":"/data/media/downloads/tv-sonarr","num_seeds":0,"num_leechs":0,"priority":0}
         },
         "categories":{"linux":{"name":"linux","savePath":""},"tv-sonarr":{"name":"tv-sonarr","savePath":"/data/media/downloads/tv-sonarr"}},
         "tags":["iso","lts"],"trackers":{},
         "server_state":{"alltime_dl":91625968981,"alltime_ul":170136834949,"connection_status":"connected","dht_nodes":312,
           "dl_info_data":2551034880,"dl_info_speed":5242880,"dl_rate_limit":0,"free_space_on_disk":2524000000000,
           "global_ratio":"1.86","queueing":true,"refresh_interval":1500,"up_info_data":104857600,"up_info_speed":65536,
           "up_rate_limit":1048576,"use_alt_speed_limits":false}}
        """;

    /// <summary>The next answer: only changed torrents, each with only its changed fields; removals; changed server keys.</summary>
    public const string Diff = $$$"""
        {"rid":2,
         "torrents":{"{{{Ubuntu}}}":{"progress":0.4391,"dlspeed":4980000,"eta":8640000,"num_seeds":51},
                     "{{{Dune}}}":{"name":"Dune.Part.Two.2024.2160p.UHD.BluRay.x265-WiKi","state":"metaDL","progress":0,"size":0,
                       "category":"radarr","added_on":1764160000,"completion_on":-1,"priority":-1}},
         "torrents_removed":["{{{Severance}}}"],
         "categories_removed":["tv-sonarr"],
         "categories":{"radarr":{"name":"radarr","savePath":""}},
         "server_state":{"dl_info_speed":4980000,"global_ratio":"1.87"}}
        """;

    /// <summary><c>torrents/info</c>: whole torrents with their hash, 4.x and 5.x state spellings mixed.</summary>
    public const string TorrentsInfo = $$$"""
        [{"hash":"{{{Ubuntu}}}","name":"ubuntu.iso","state":"pausedUP","progress":1,"size":10,"eta":8640000,"ratio":2.5,"tags":"iso"},
         {"hash":"{{{Severance}}}","name":"severance","state":"stoppedUP","progress":1,"ratio":-1},
         {"hash":"{{{Dune}}}","name":"dune","state":"stoppedDL","progress":0.1},
         {"hash":"b0b0","name":"arch","state":"pausedDL"},
         {"name":"no hash, skipped"},
         "not an object"]
        """;
}
