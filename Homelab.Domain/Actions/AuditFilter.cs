using Homelab.Domain.Common;

namespace Homelab.Domain.Actions;

/// <summary>Which audit records to list, newest first.</summary>
public sealed record AuditFilter
{
    public const int MaxTake = 500;

    public ActionVia? Via { get; init; }

    public ActionOutcome? Outcome { get; init; }

    /// <summary>Words to find, case-insensitively, in the actor, action, target or message; every word must match.</summary>
    public string? Text { get; init; }

    /// <summary>Only the actions one model call caused.</summary>
    public Guid? TraceId { get; init; }

    /// <summary>Continue after this record (the <see cref="AuditPage.Next"/> of the previous page).</summary>
    public AuditCursor? After { get; init; }

    public int Take { get; init; } = 50;

    /// <summary>The words of <see cref="Text"/>, split once.</summary>
    public IReadOnlyList<string> Words =>
        string.IsNullOrWhiteSpace(Text) ? [] : Text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Where a page of audit records ended: the same (time, id) order <c>RecentAsync</c> lists in.</summary>
public sealed record AuditCursor(DateTimeOffset At, long Id);

/// <summary>A page of audit records; <paramref name="Next"/> is null on the last page.</summary>
public sealed record AuditPage(EquatableArray<AuditRecord> Items, AuditCursor? Next);
