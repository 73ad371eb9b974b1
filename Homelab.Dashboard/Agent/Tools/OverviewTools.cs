using System.ComponentModel;
using Homelab.Domain.Agent.Tools;
using Homelab.Domain.Cluster;
using Homelab.Domain.Containers;
using Homelab.Domain.Downloads;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Agent.Tools;

/// <summary>Read-only tools over the whole homelab: the summary, source health, what needs attention, and the audit log.</summary>
internal sealed class OverviewTools(ToolContext context)
{
    public const int DefaultActionLimit = 10;

    public const int MaxActionLimit = 50;

    /// <summary>How many attention items the summary names; get_attention has them all.</summary>
    private const int SummaryAttentionItems = 5;

    /// <summary>How far back a target filter looks in the audit log.</summary>
    private const int AuditSearchDepth = 500;

    public IEnumerable<AgentTool> Create() =>
    [
        ToolFactory.Create(GetHomelabSummary, "get_homelab_summary", ToolEffect.ReadOnly, context.ResultLimit),
        ToolFactory.Create(ListSources, "list_sources", ToolEffect.ReadOnly, context.ResultLimit),
        ToolFactory.Create(GetAttention, "get_attention", ToolEffect.ReadOnly, context.ResultLimit),
        ToolFactory.Create(ListRecentActionsAsync, "list_recent_actions", ToolEffect.ReadOnly, context.ResultLimit),
    ];

    [Description("The whole homelab at a glance: cluster, containers, downloads, VPN, source health, and the top items needing attention. A good first call.")]
    public string GetHomelabSummary()
    {
        var snapshot = context.Snapshot;
        var attention = AttentionRules.Evaluate(snapshot);
        var containers = snapshot.AllContainers.ToList();
        return context.Json(new
        {
            Cluster = snapshot.Cluster is { } cluster ? new
            {
                Name = cluster.Name ?? "standalone",
                cluster.Quorate,
                NodesOnline = cluster.Nodes.Count(n => n.Status == NodeStatus.Online),
                Nodes = cluster.Nodes.Count,
                GuestsRunning = cluster.Guests.Count(g => g.Status == GuestStatus.Running),
                Guests = cluster.Guests.Count,
            } : null,
            Containers = containers.Count == 0 ? null : new
            {
                Total = containers.Count,
                Running = containers.Count(c => c.State == ContainerState.Running),
                Unhealthy = containers.Count(c => c.Health == ContainerHealth.Unhealthy),
                Restarting = containers.Count(c => c.State == ContainerState.Restarting),
                Exited = containers.Count(c => c.State == ContainerState.Exited),
            },
            Downloads = snapshot.Downloads is { } downloads ? new
            {
                Torrents = downloads.Torrents.Count,
                Downloading = downloads.Torrents.Values.Count(t => t.Matches(TorrentFilter.Downloading)),
                Errored = downloads.Torrents.Values.Count(t => t.Matches(TorrentFilter.Errored)),
                DownMibS = ToolContext.MibPerSecond(downloads.Transfer.DownloadSpeed),
                UpMibS = ToolContext.MibPerSecond(downloads.Transfer.UploadSpeed),
            } : null,
            Vpn = snapshot.Vpn?.State.ToString().ToLowerInvariant(),
            Sources = new
            {
                Fresh = snapshot.Sources.Count(s => s.Health == SourceHealth.Fresh),
                Stale = snapshot.Sources.Count(s => s.Health == SourceHealth.Stale),
                Down = snapshot.Sources.Where(s => s.Health == SourceHealth.Down).Select(s => s.DisplayName).ToList() is { Count: > 0 } down ? down : null,
            },
            AttentionTotal = attention.Count,
            Attention = attention.Take(SummaryAttentionItems).Select(Item),
        });
    }

    [Description("Each upstream the dashboard reads (Proxmox, Docker hosts, qBittorrent, gluetun): health, latency, version, last success and last error.")]
    public string ListSources()
    {
        var snapshot = context.Snapshot;
        if (snapshot.Sources.IsEmpty)
        {
            return context.Error("no sources are configured");
        }

        var now = context.Now;
        return context.Json(new
        {
            Sources = snapshot.Sources.Select(s => new
            {
                s.Id,
                Name = s.DisplayName,
                Health = s.Health.ToString().ToLowerInvariant(),
                Simulated = s.Simulated ? true : (bool?)null,
                Version = s.Version is null ? null : UntrustedText.Inline(s.Version, 80),
                LatencyMs = s.Latency is { } latency ? ToolContext.Round(latency.TotalMilliseconds, 0) : (double?)null,
                LastSuccessAgo = s.LastSuccess is { } last ? context.Age(last) : null,
                Error = s.Health is SourceHealth.Down or SourceHealth.Stale && s.LastError is { } error ? UntrustedText.Inline(error.ToString()) : null,
                Failures = s.ConsecutiveFailures > 0 ? s.ConsecutiveFailures : (int?)null,
                RetryInS = s.RetryAt is { } retry && retry > now ? ToolContext.Round((retry - now).TotalSeconds, 0) : (double?)null,
            }),
        });
    }

    [Description("Everything that needs attention now, most severe first: sources down, nodes offline, full storage, crash-looping or unhealthy containers, errored torrents, VPN problems.")]
    public string GetAttention()
    {
        var items = AttentionRules.Evaluate(context.Snapshot);
        return context.Json(new { Count = items.Count, Items = items.Select(Item) });
    }

    [Description("The audit log of recent actions (from the dashboard, the agent or the API), newest first: who, what, target, outcome and duration.")]
    public async Task<string> ListRecentActionsAsync(
        [Description("How many entries, 1 to 50; default 10")] int limit = DefaultActionLimit,
        [Description("Only actions whose target contains this text, e.g. jellyfin")] string? target = null,
        CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > MaxActionLimit)
        {
            return context.Error($"limit must be between 1 and {MaxActionLimit}, not {limit}");
        }

        IReadOnlyList<Domain.Actions.AuditRecord> records;
        try
        {
            records = await context.Audit.RecentAsync(string.IsNullOrWhiteSpace(target) ? limit : AuditSearchDepth, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return context.Error($"the audit log could not be read: {UntrustedText.Inline(ex.Message)}");
        }

        var matching = records
            .Where(r => string.IsNullOrWhiteSpace(target) || r.Target.Contains(target.Trim(), StringComparison.OrdinalIgnoreCase))
            .Take(limit)
            .ToList();
        return context.Json(new
        {
            Count = matching.Count,
            Actions = matching.Select(r => new
            {
                Ago = context.Age(r.At),
                Actor = UntrustedText.Inline(r.Actor, 60),
                r.Via,
                r.Action,
                Target = UntrustedText.Inline(r.Target, 120),
                r.Outcome,
                Message = UntrustedText.Inline(r.Message),
                DurationS = ToolContext.Round(r.Duration.TotalSeconds),
            }),
        });
    }

    private static object Item(AttentionItem item) => new
    {
        Severity = item.Severity.ToString().ToLowerInvariant(),
        Subject = UntrustedText.Inline(item.Subject, 120),
        Message = UntrustedText.Inline(item.Message),
        item.Link,
    };
}
