using Homelab.Domain.Actions;
using Homelab.Domain.Ports;
using Microsoft.EntityFrameworkCore;

namespace Homelab.Dashboard.Persistence;

/// <summary>The audit log in SQLite.</summary>
internal sealed class EfAuditLog(IDbContextFactory<HomelabDbContext> contexts) : IAuditLog
{
    private const int MaxMessageLength = 2000;

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
