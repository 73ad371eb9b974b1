using Homelab.Domain.Actions;

namespace Homelab.Dashboard.Model;

/// <summary>An audit record as the audit page and a trace's detail list it.</summary>
public sealed record AuditRowModel(
    long Id,
    DateTimeOffset At,
    string Actor,
    string Via,
    string Action,
    string Target,
    string Outcome,
    string OutcomeTag,
    string Message,
    string Duration,
    Guid? TraceId)
{
    public string Href => TraceLinks.AuditRecord(Id);

    public string? TraceHref => TraceId is { } trace ? TraceLinks.Trace(trace) : null;

    public static AuditRowModel From(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new AuditRowModel(
            record.Id,
            record.At,
            record.Actor,
            AuditListQuery.ViaWord(record.Via),
            record.Action,
            record.Target,
            AuditListQuery.OutcomeWord(record.Outcome),
            OutcomeTagOf(record.Outcome),
            record.Message,
            TraceFormat.Latency(record.Duration),
            record.TraceId);
    }

    private static string OutcomeTagOf(ActionOutcome outcome) => outcome switch
    {
        ActionOutcome.Succeeded => "hl-tag-ok",
        ActionOutcome.TimedOut => "hl-tag-warning",
        _ => "hl-tag-error",
    };
}
