using Homelab.Domain.Actions;

namespace Homelab.Dashboard.Model;

/// <summary>
/// What the audit page shows, as its query string holds it (<c>?via=&amp;outcome=&amp;q=&amp;id=</c>); <c>id</c> picks
/// one record to show and highlight, which is how a trace links to the actions it caused.
/// </summary>
public sealed record AuditListQuery(ActionVia? Via = null, ActionOutcome? Outcome = null, string? Text = null, long? Id = null)
{
    public const string ViaKey = "via";
    public const string OutcomeKey = "outcome";
    public const string TextKey = "q";
    public const string IdKey = "id";

    public static AuditListQuery Default { get; } = new();

    public static IReadOnlyList<ActionVia> Vias { get; } = Enum.GetValues<ActionVia>();

    public static IReadOnlyList<ActionOutcome> Outcomes { get; } = Enum.GetValues<ActionOutcome>();

    public bool IsFiltered => Via is not null || Outcome is not null || Text is not null;

    public static AuditListQuery FromQuery(string? via, string? outcome, string? text, long? id) => new(
        ParseVia(via),
        ParseOutcome(outcome),
        string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
        id is > 0 ? id : null);

    public IReadOnlyDictionary<string, object?> ToQueryParameters() => new Dictionary<string, object?>
    {
        [ViaKey] = Via is { } via ? ViaWord(via) : null,
        [OutcomeKey] = Outcome is { } outcome ? OutcomeQuery(outcome) : null,
        [TextKey] = Text,
        [IdKey] = Id,
    };

    public AuditFilter ToFilter(int take, AuditCursor? after = null) => new()
    {
        Via = Via,
        Outcome = Outcome,
        Text = Text,
        After = after,
        Take = take,
    };

    /// <summary>"ui", "agent", "api".</summary>
    public static string ViaWord(ActionVia via) => via.ToString().ToLowerInvariant();

    /// <summary>"succeeded", "failed", "timed out", "denied".</summary>
    public static string OutcomeWord(ActionOutcome outcome) => outcome switch
    {
        ActionOutcome.TimedOut => "timed out",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    /// <summary>The query-string word: <see cref="OutcomeWord"/> without spaces.</summary>
    public static string OutcomeQuery(ActionOutcome outcome) => outcome.ToString().ToLowerInvariant();

    public static ActionVia? ParseVia(string? value) =>
        Enum.TryParse<ActionVia>(value?.Trim(), ignoreCase: true, out var via) && Enum.IsDefined(via) ? via : null;

    public static ActionOutcome? ParseOutcome(string? value) =>
        Enum.TryParse<ActionOutcome>(value?.Replace(" ", "", StringComparison.Ordinal).Trim(), ignoreCase: true, out var outcome) && Enum.IsDefined(outcome) ? outcome : null;
}
