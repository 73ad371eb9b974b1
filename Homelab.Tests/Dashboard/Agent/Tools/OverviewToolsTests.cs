using Homelab.Domain.Actions;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Agent.Tools;

public sealed class OverviewToolsTests
{
    [Fact]
    public async Task GetHomelabSummary_Seed_CoversEveryAreaAndTheTopAttention()
    {
        var host = new ToolTestHost();

        var result = await host.CallJsonAsync("get_homelab_summary");

        Assert.Equal(3, result.GetProperty("cluster").GetProperty("nodes_online").GetInt32());
        Assert.Equal(1, result.GetProperty("containers").GetProperty("unhealthy").GetInt32());
        Assert.Equal(16, result.GetProperty("downloads").GetProperty("torrents").GetInt32());
        Assert.Equal("running", result.GetProperty("vpn").GetString());
        Assert.Equal(4, result.GetProperty("sources").GetProperty("fresh").GetInt32());
        Assert.Equal("unpackerr", result.GetProperty("attention")[0].GetProperty("subject").GetString());
    }

    [Fact]
    public async Task GetHomelabSummary_NothingKnownYet_StillAnswers()
    {
        var host = new ToolTestHost(Homelab.Domain.Live.HomelabSnapshot.Empty);

        var result = await host.CallJsonAsync("get_homelab_summary");

        Assert.False(result.TryGetProperty("cluster", out _));
        Assert.Equal(0, result.GetProperty("attention_total").GetInt32());
    }

    [Fact]
    public async Task ListSources_OneDown_ShowsItsErrorAndRetry()
    {
        var snapshot = TestSnapshots.SeedWithDownloads();
        snapshot = snapshot with { Sources = [.. snapshot.Sources.Select(s => s.Id == TestSnapshots.QBittorrentSourceId ? TestSnapshots.Down(s, TestSnapshots.Now) : s)] };
        var host = new ToolTestHost(snapshot);

        var result = await host.CallJsonAsync("list_sources");

        var qbt = result.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "qbittorrent");
        Assert.Equal("down", qbt.GetProperty("health").GetString());
        Assert.Equal("Unreachable: Connection refused (127.0.0.1:18006)", qbt.GetProperty("error").GetString());
        Assert.Equal("2 min", qbt.GetProperty("last_success_ago").GetString());
        Assert.Equal(30, qbt.GetProperty("retry_in_s").GetDouble());
    }

    [Fact]
    public async Task GetAttention_Seed_ListsEveryItemMostSevereFirst()
    {
        var host = new ToolTestHost();

        var result = await host.CallJsonAsync("get_attention");

        var items = result.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(4, result.GetProperty("count").GetInt32());
        Assert.Equal("critical", items[0].GetProperty("severity").GetString());
        Assert.Contains(items, i => i.GetProperty("message").GetString() == "storage is 88% full");
    }

    [Fact]
    public async Task ListRecentActions_AuditLog_ListsNewestFirstFilteredByTarget()
    {
        var host = new ToolTestHost();
        await Append(host, "container jellyfin on docker-server", "container.restart", ActionOutcome.Succeeded, "running after 4 s", minutesAgo: 30);
        await Append(host, "VM 103 gaming-bazzite on pve", "guest.shutdown", ActionOutcome.TimedOut, "still running after 60 s", minutesAgo: 20);
        await Append(host, "container jellyfin on docker-server", "container.stop", ActionOutcome.Succeeded, "exited after 2 s", minutesAgo: 10);

        var all = await host.CallJsonAsync("list_recent_actions");
        var jellyfin = await host.CallJsonAsync("list_recent_actions", ("target", "JELLYFIN"), ("limit", 1));

        Assert.Equal(["container.stop", "guest.shutdown", "container.restart"], all.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("action").GetString()));
        var latest = Assert.Single(jellyfin.GetProperty("actions").EnumerateArray());
        Assert.Equal("container.stop", latest.GetProperty("action").GetString());
        Assert.Equal("10 min", latest.GetProperty("ago").GetString());
        Assert.Equal("agent", latest.GetProperty("via").GetString());
        Assert.Equal("succeeded", latest.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task ListRecentActions_AuditLogFails_ReturnsError()
    {
        var host = new ToolTestHost();
        var failing = new FailingAuditLog();
        var catalog = new Homelab.Dashboard.Agent.Tools.ToolCatalog(host.Live, host.Registry, failing, host.Time, Microsoft.Extensions.Options.Options.Create(new Homelab.Dashboard.Configuration.HomelabOptions()));

        var result = await catalog.CreateTools(host.Gate).InvokeAsync("list_recent_actions", null, TestContext.Current.CancellationToken);

        Assert.Equal("{\"error\":\"the audit log could not be read: database is locked\"}", result);
    }

    [Fact]
    public async Task ListRecentActions_LimitOutOfRange_ReturnsError()
    {
        var host = new ToolTestHost();

        Assert.Equal("limit must be between 1 and 50, not 500", await host.CallErrorAsync("list_recent_actions", ("limit", 500)));
    }

    private static Task<AuditRecord> Append(ToolTestHost host, string target, string action, ActionOutcome outcome, string message, int minutesAgo) =>
        host.Audit.AppendAsync(new AuditRecord
        {
            At = TestSnapshots.Now.AddMinutes(-minutesAgo),
            Actor = "alice",
            Via = ActionVia.Agent,
            Action = action,
            Target = target,
            Outcome = outcome,
            Message = message,
            Duration = TimeSpan.FromSeconds(3),
        }, TestContext.Current.CancellationToken);

    private sealed class FailingAuditLog : Homelab.Domain.Ports.IAuditLog
    {
        public Task<AuditRecord> AppendAsync(AuditRecord record, CancellationToken cancellationToken) => throw new IOException("database is locked");

        public Task<IReadOnlyList<AuditRecord>> RecentAsync(int take, CancellationToken cancellationToken) => throw new IOException("database is locked");

        public Task<AuditPage> QueryAsync(AuditFilter filter, CancellationToken cancellationToken) => throw new IOException("database is locked");

        public Task<AuditRecord?> GetAsync(long id, CancellationToken cancellationToken) => throw new IOException("database is locked");

        public Task<IReadOnlyList<AuditRecord>> GetManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) => throw new IOException("database is locked");
    }
}
