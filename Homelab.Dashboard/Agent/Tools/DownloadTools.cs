using System.ComponentModel;
using Homelab.Dashboard.Live;
using Homelab.Dashboard.Model;
using Homelab.Domain.Agent.Tools;
using Homelab.Domain.Downloads;
using Homelab.Domain.Live;

namespace Homelab.Dashboard.Agent.Tools;

/// <summary>Read-only tools over qBittorrent and the VPN in front of it, from the live snapshot.</summary>
internal sealed class DownloadTools(ToolContext context)
{
    public const int DefaultTorrentLimit = 25;

    public const int MaxTorrentLimit = 100;

    private static readonly string[] s_filterWords = ["all", "downloading", "seeding", "completed", "paused", "active", "stalled", "checking", "errored"];

    public IEnumerable<AgentTool> Create() =>
    [
        ToolFactory.Create(ListTorrents, "list_torrents", ToolEffect.ReadOnly, context.ResultLimit),
        ToolFactory.Create(GetTorrent, "get_torrent", ToolEffect.ReadOnly, context.ResultLimit),
        ToolFactory.Create(GetTransferInfo, "get_transfer_info", ToolEffect.ReadOnly, context.ResultLimit),
        ToolFactory.Create(GetVpnStatus, "get_vpn_status", ToolEffect.ReadOnly, context.ResultLimit),
    ];

    [Description("Lists qBittorrent torrents, busiest first, with state, progress, size, speeds, ETA and category. Each row's hash identifies it for other tools.")]
    public string ListTorrents(
        [Description("Only this group: all, downloading, seeding, completed, paused, active, stalled, checking or errored")] string? filter = null,
        [Description("Only this category, e.g. movies-radarr")] string? category = null,
        [Description("Words that must all appear in the name")] string? search = null,
        [Description("Most rows to return, 1 to 100; default 25")] int limit = DefaultTorrentLimit)
    {
        if (!TryDownloads(out var snapshot, out var downloads, out var error))
        {
            return error;
        }

        var wanted = TorrentFilter.All;
        if (!string.IsNullOrWhiteSpace(filter))
        {
            if (!s_filterWords.Contains(filter.Trim().ToLowerInvariant()) && filter.Trim().ToLowerInvariant() is not ("stopped" or "error"))
            {
                return context.Error($"filter must be one of {string.Join(", ", s_filterWords)}, not '{UntrustedText.Inline(filter, 30)}'");
            }

            wanted = TorrentText.ParseFilter(filter);
        }

        string? wantedCategory = null;
        if (!string.IsNullOrWhiteSpace(category))
        {
            wantedCategory = downloads.Categories.FirstOrDefault(c => string.Equals(c, category.Trim(), StringComparison.OrdinalIgnoreCase));
            if (wantedCategory is null)
            {
                return context.Error($"no category is named '{UntrustedText.Inline(category, 60)}'; categories: {string.Join(", ", downloads.Categories.Select(c => UntrustedText.Inline(c, 40)))}");
            }
        }

        if (limit is < 1 or > MaxTorrentLimit)
        {
            return context.Error($"limit must be between 1 and {MaxTorrentLimit}, not {limit}");
        }

        var words = string.IsNullOrWhiteSpace(search) ? [] : ToolTargets.Words(search);
        var matching = downloads.Torrents.Values
            .Where(t => t.Matches(wanted))
            .Where(t => wantedCategory is null || string.Equals(t.Category, wantedCategory, StringComparison.Ordinal))
            .Where(t => words.Length == 0 || ToolTargets.ContainsAll(t.Name, words))
            .OrderByDescending(t => t.State.IsErrored())
            .ThenByDescending(t => t.DownloadSpeed + t.UploadSpeed)
            .ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return context.Json(new
        {
            Count = matching.Count,
            Shown = matching.Count > limit ? limit : (int?)null,
            Torrents = matching.Take(limit).Select(t => new
            {
                Name = UntrustedText.Inline(t.Name, 120),
                Hash = ToolTargets.ShortHash(t.Hash),
                State = t.State.Label(),
                ProgressPct = ToolContext.Round(t.Progress * 100),
                SizeGib = ToolContext.Round(t.Size / (double)(1L << 30), 2),
                DownMibS = t.DownloadSpeed > 0 ? ToolContext.MibPerSecond(t.DownloadSpeed) : (double?)null,
                UpMibS = t.UploadSpeed > 0 ? ToolContext.MibPerSecond(t.UploadSpeed) : (double?)null,
                EtaMin = t.Eta is { } eta && t.Progress < 1 ? ToolContext.Round(eta.TotalMinutes, 0) : (double?)null,
                Category = t.Category.Length == 0 ? null : UntrustedText.Inline(t.Category, 40),
            }),
            Note = context.StaleNote(snapshot, SourceIds.QBittorrent),
        });
    }

    [Description("One torrent in detail: state, progress, sizes, speeds, ETA, ratio, peers, category, tags, save path and dates.")]
    public string GetTorrent([Description("The torrent's hash (or its first 10 characters), or words from its name")] string torrent)
    {
        if (!TryDownloads(out var snapshot, out var downloads, out var error))
        {
            return error;
        }

        var found = ToolTargets.Torrent(downloads, torrent);
        if (found.Value is not { } t)
        {
            return context.Error(found.Error!);
        }

        return context.Json(new
        {
            Name = UntrustedText.Inline(t.Name, 300),
            t.Hash,
            State = t.State.Label(),
            ProgressPct = ToolContext.Round(t.Progress * 100),
            SizeGib = ToolContext.Round(t.Size / (double)(1L << 30), 2),
            DownloadedGib = ToolContext.Round(t.Downloaded / (double)(1L << 30), 2),
            UploadedGib = ToolContext.Round(t.Uploaded / (double)(1L << 30), 2),
            LeftGib = t.AmountLeft > 0 ? ToolContext.Round(t.AmountLeft / (double)(1L << 30), 2) : (double?)null,
            DownMibS = ToolContext.MibPerSecond(t.DownloadSpeed),
            UpMibS = ToolContext.MibPerSecond(t.UploadSpeed),
            EtaMin = t.Eta is { } eta && t.Progress < 1 ? ToolContext.Round(eta.TotalMinutes, 0) : (double?)null,
            Ratio = t.Ratio is { } ratio ? ToolContext.Round(ratio, 2) : (double?)null,
            RatioNote = t.Ratio is null ? "above 9999, qBittorrent's cap" : null,
            t.Seeds,
            t.Leechers,
            Category = t.Category.Length == 0 ? null : UntrustedText.Inline(t.Category, 40),
            Tags = t.Tags.IsEmpty ? null : t.Tags.Select(x => UntrustedText.Inline(x, 40)),
            SavePath = t.SavePath.Length == 0 ? null : UntrustedText.Inline(t.SavePath, 200),
            AddedAgo = t.AddedOn is { } added ? context.Age(added) : null,
            CompletedAgo = t.CompletedOn is { } done ? context.Age(done) : null,
            Queue = t.QueuePosition,
            Note = context.StaleNote(snapshot, SourceIds.QBittorrent),
        });
    }

    [Description("qBittorrent's global transfer state: speeds, limits, session totals, free disk space, connection, and torrent counts.")]
    public string GetTransferInfo()
    {
        if (!TryDownloads(out var snapshot, out var downloads, out var error))
        {
            return error;
        }

        var x = downloads.Transfer;
        var torrents = downloads.Torrents.Values;
        return context.Json(new
        {
            DownMibS = ToolContext.MibPerSecond(x.DownloadSpeed),
            UpMibS = ToolContext.MibPerSecond(x.UploadSpeed),
            DownLimitMibS = x.DownloadLimit > 0 ? ToolContext.MibPerSecond(x.DownloadLimit) : (double?)null,
            UpLimitMibS = x.UploadLimit > 0 ? ToolContext.MibPerSecond(x.UploadLimit) : (double?)null,
            SessionDownGib = ToolContext.Round(x.DownloadedSession / (double)(1L << 30), 2),
            SessionUpGib = ToolContext.Round(x.UploadedSession / (double)(1L << 30), 2),
            Ratio = x.GlobalRatio is { } ratio ? ToolContext.Round(ratio, 2) : (double?)null,
            FreeDiskGib = x.FreeSpaceOnDisk is { } free ? ToolContext.Gib(free) : (double?)null,
            Connection = x.ConnectionStatus.Length == 0 ? null : UntrustedText.Inline(x.ConnectionStatus, 30),
            DhtNodes = x.DhtNodes,
            Torrents = torrents.Count(),
            Downloading = torrents.Count(t => t.Matches(TorrentFilter.Downloading)),
            Seeding = torrents.Count(t => t.Matches(TorrentFilter.Seeding)),
            Paused = torrents.Count(t => t.Matches(TorrentFilter.Stopped)),
            Errored = torrents.Count(t => t.Matches(TorrentFilter.Errored)),
            Moving = downloads.MovingCount,
            Note = context.StaleNote(snapshot, SourceIds.QBittorrent),
        });
    }

    [Description("The VPN (gluetun) in front of the torrent client: tunnel state, public IP and location, forwarded port; warns when torrents move data without it.")]
    public string GetVpnStatus()
    {
        var snapshot = context.Snapshot;
        if (context.Unavailable(snapshot, SourceIds.Gluetun, "The VPN (gluetun)", snapshot.Vpn is not null) is { } why)
        {
            return context.Error(why);
        }

        var vpn = snapshot.Vpn!;
        var moving = snapshot.Downloads?.MovingCount ?? 0;
        return context.Json(new
        {
            State = vpn.State.ToString().ToLowerInvariant(),
            PublicIp = vpn.PublicIpKnown ? UntrustedText.Inline(vpn.PublicIp, 60) : null,
            Country = Inline(vpn.Country),
            City = Inline(vpn.City),
            Provider = Inline(vpn.Organization),
            ForwardedPort = vpn.ForwardedPort,
            Warning = vpn.State != VpnState.Running && moving > 0
                ? $"{moving} torrent(s) are moving data while the VPN is {vpn.State.ToString().ToLowerInvariant()}"
                : null,
            UpdatedAgo = vpn.UpdatedAt == default ? null : context.Age(vpn.UpdatedAt),
            Note = context.StaleNote(snapshot, SourceIds.Gluetun),
        });
    }

    private static string? Inline(string? text) => string.IsNullOrEmpty(text) ? null : UntrustedText.Inline(text, 80);

    private bool TryDownloads(out HomelabSnapshot snapshot, out DownloadsSnapshot downloads, out string error)
    {
        snapshot = context.Snapshot;
        downloads = snapshot.Downloads!;
        error = "";
        if (context.Unavailable(snapshot, SourceIds.QBittorrent, "qBittorrent", snapshot.Downloads is not null) is { } why)
        {
            error = context.Error(why);
            return false;
        }

        return true;
    }
}
