using Homelab.Domain.Actions;

namespace Homelab.Domain.Ports;

/// <summary>Durable record of every action attempted: who, what, target, via, result, duration.</summary>
public interface IAuditLog
{
    Task<AuditRecord> AppendAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<AuditRecord>> RecentAsync(int take, CancellationToken cancellationToken);
}
