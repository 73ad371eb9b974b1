namespace Homelab.Dashboard.Persistence;

/// <summary>The stored shape of an audit record.</summary>
/// <remarks>Times are Unix milliseconds: SQLite has no timestamp type, and integers sort and compare correctly.</remarks>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public long AtUnixMs { get; set; }

    public required string Actor { get; set; }

    public required string Via { get; set; }

    public required string Action { get; set; }

    public required string Target { get; set; }

    public required string Outcome { get; set; }

    public required string Message { get; set; }

    public long DurationMs { get; set; }

    /// <summary>The model call behind the action, if the agent asked for it.</summary>
    public Guid? TraceId { get; set; }
}
