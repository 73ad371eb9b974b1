using Homelab.Domain.Actions;
using Homelab.Domain.Common;
using Homelab.Domain.Ports;
using Microsoft.EntityFrameworkCore;

namespace Homelab.Dashboard.Persistence;

/// <summary>The audit log in SQLite.</summary>
internal sealed class EfAuditLog(IDbContextFactory<HomelabDbContext> contexts) : IAuditLog
{
    private const int MaxMessageLength = 2000;
    private const string LikeEscape = "\\";

    public async Task<AuditRecord> AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entry = new AuditEntry
        {
            AtUnixMs = record.At.ToUnixTimeMilliseconds(),
            Actor = Truncate(record.Actor, 200),
            Via = record.Via.ToString(),
            Action = Truncate(record.Action, 100),
            Target = Truncate(record.Target, 300),
            Outcome = record.Outcome.ToString(),
            Message = Truncate(record.Message, MaxMessageLength),
            DurationMs = (long)record.Duration.TotalMilliseconds,
            TraceId = record.TraceId,
        };
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return record with { Id = entry.Id };
    }

    public async Task<IReadOnlyList<AuditRecord>> RecentAsync(int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.AtUnixMs).ThenByDescending(e => e.Id)
            .Take(Math.Clamp(take, 1, 1000))
            .ToListAsync(cancellationToken);
        return [.. entries.Select(ToRecord)];
    }

    public async Task<AuditPage> QueryAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var take = Math.Clamp(filter.Take, 1, AuditFilter.MaxTake);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = await Filtered(db.AuditEntries.AsNoTracking(), filter)
            .OrderByDescending(e => e.AtUnixMs).ThenByDescending(e => e.Id)
            .Take(take + 1)
            .ToListAsync(cancellationToken);
        var items = entries.Take(take).Select(ToRecord).ToList();
        var next = entries.Count > take ? new AuditCursor(items[^1].At, items[^1].Id) : null;
        return new AuditPage(new EquatableArray<AuditRecord>(items), next);
    }

    public async Task<AuditRecord?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entry = await db.AuditEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        return entry is null ? null : ToRecord(entry);
    }

    public async Task<IReadOnlyList<AuditRecord>> GetManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        var wanted = ids.Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = await db.AuditEntries.AsNoTracking().Where(e => wanted.Contains(e.Id)).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return [.. entries.Select(ToRecord)];
    }

    private static IQueryable<AuditEntry> Filtered(IQueryable<AuditEntry> query, AuditFilter filter)
    {
        if (filter.Via is { } via)
        {
            var text = via.ToString();
            query = query.Where(e => e.Via == text);
        }

        if (filter.Outcome is { } outcome)
        {
            var text = outcome.ToString();
            query = query.Where(e => e.Outcome == text);
        }

        if (filter.TraceId is { } traceId)
        {
            query = query.Where(e => e.TraceId == traceId);
        }

        foreach (var word in filter.Words)
        {
            // SQLite's LIKE ignores case (for ASCII), which is what a search box promises; % and _ are matched literally.
            var pattern = "%" + EscapeLike(word) + "%";
            query = query.Where(e =>
                EF.Functions.Like(e.Target, pattern, LikeEscape) || EF.Functions.Like(e.Action, pattern, LikeEscape) ||
                EF.Functions.Like(e.Actor, pattern, LikeEscape) || EF.Functions.Like(e.Message, pattern, LikeEscape));
        }

        if (filter.After is { } after)
        {
            // The first condition is implied by the second; it gives the time index a range to seek to.
            var atMs = after.At.ToUnixTimeMilliseconds();
            var id = after.Id;
            query = query.Where(e => e.AtUnixMs <= atMs && (e.AtUnixMs < atMs || e.Id < id));
        }

        return query;
    }

    private static string EscapeLike(string word) =>
        word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static AuditRecord ToRecord(AuditEntry e) => new()
    {
        Id = e.Id,
        At = DateTimeOffset.FromUnixTimeMilliseconds(e.AtUnixMs),
        Actor = e.Actor,
        Via = Enum.TryParse<ActionVia>(e.Via, out var via) ? via : ActionVia.Api,
        Action = e.Action,
        Target = e.Target,
        Outcome = Enum.TryParse<ActionOutcome>(e.Outcome, out var outcome) ? outcome : ActionOutcome.Failed,
        Message = e.Message,
        Duration = TimeSpan.FromMilliseconds(e.DurationMs),
        TraceId = e.TraceId,
    };

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";
}
