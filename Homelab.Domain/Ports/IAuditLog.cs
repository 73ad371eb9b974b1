using Homelab.Domain.Actions;

namespace Homelab.Domain.Ports;

/// <summary>Durable record of every action attempted: who, what, target, via, result, duration.</summary>
public interface IAuditLog
{
    Task<AuditRecord> AppendAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<AuditRecord>> RecentAsync(int take, CancellationToken cancellationToken);

    /// <summary>Newest first, filtered, a page at a time (keyset paging on time and id).</summary>
    Task<AuditPage> QueryAsync(AuditFilter filter, CancellationToken cancellationToken);

    /// <summary>One record; null if there is no such id.</summary>
    Task<AuditRecord?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>The records with these ids, oldest first; unknown ids are left out.</summary>
    Task<IReadOnlyList<AuditRecord>> GetManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);
}
