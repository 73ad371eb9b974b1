using System.Collections.Concurrent;
using Homelab.Domain.Actions;
using Homelab.Domain.Ports;

namespace Homelab.Tests.Shared;

/// <summary>Keeps audit records in memory; can be told to fail like a full disk.</summary>
internal sealed class TestAuditLog : IAuditLog
{
    private readonly ConcurrentQueue<AuditRecord> _records = new();

    public IReadOnlyCollection<AuditRecord> Records => _records;

    public bool Fail { get; set; }

    public Task<AuditRecord> AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        if (Fail)
        {
            throw new IOException("disk full");
        }

        _records.Enqueue(record);
        return Task.FromResult(record);
    }

    public Task<IReadOnlyList<AuditRecord>> RecentAsync(int take, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuditRecord>>([.. _records.Reverse().Take(take)]);
}
