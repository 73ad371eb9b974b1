using Homelab.Domain.Actions;
using Homelab.Domain.Common;
using Homelab.Domain.Ports;

namespace Homelab.Tests.Shared;

/// <summary>Keeps audit records in memory, numbering them as the database would; can be told to fail like a full disk.</summary>
internal sealed class TestAuditLog : IAuditLog
{
    private readonly Lock _gate = new();
    private readonly List<AuditRecord> _records = [];
    private long _lastId;

    public IReadOnlyCollection<AuditRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return [.. _records];
            }
        }
    }

    public bool Fail { get; set; }

    public Task<AuditRecord> AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        if (Fail)
        {
            throw new IOException("disk full");
        }

        lock (_gate)
        {
            var stored = record with { Id = ++_lastId };
            _records.Add(stored);
            return Task.FromResult(stored);
        }
    }

    public Task<IReadOnlyList<AuditRecord>> RecentAsync(int take, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuditRecord>>([.. Newest().Take(take)]);

    public Task<AuditPage> QueryAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        var words = filter.Words;
        var matching = Newest()
            .Where(r => filter.Via is not { } via || r.Via == via)
            .Where(r => filter.Outcome is not { } outcome || r.Outcome == outcome)
            .Where(r => filter.TraceId is not { } trace || r.TraceId == trace)
            .Where(r => words.All(w => new[] { r.Target, r.Action, r.Actor, r.Message }.Any(f => f.Contains(w, StringComparison.OrdinalIgnoreCase))))
            .Where(r => filter.After is not { } after || r.At < after.At || (r.At == after.At && r.Id < after.Id))
            .Take(filter.Take + 1)
            .ToList();
        var items = matching.Take(filter.Take).ToList();
        var next = matching.Count > filter.Take ? new AuditCursor(items[^1].At, items[^1].Id) : null;
        return Task.FromResult(new AuditPage(new EquatableArray<AuditRecord>(items), next));
    }

    public Task<AuditRecord?> GetAsync(long id, CancellationToken cancellationToken) =>
        Task.FromResult(Records.FirstOrDefault(r => r.Id == id));

    public Task<IReadOnlyList<AuditRecord>> GetManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuditRecord>>([.. Records.Where(r => ids.Contains(r.Id)).OrderBy(r => r.Id)]);

    private IEnumerable<AuditRecord> Newest() => Records.OrderByDescending(r => r.At).ThenByDescending(r => r.Id);
}
