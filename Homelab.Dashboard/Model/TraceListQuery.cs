using Homelab.Domain.Agent.Traces;

namespace Homelab.Dashboard.Model;

/// <summary>
/// What the traces page shows, as its query string holds it (<c>?window=&amp;caller=&amp;model=&amp;outcome=&amp;range=</c>),
/// so a link opens the same stats window and filtered list.
/// </summary>
/// <param name="Window">The stats window.</param>
/// <param name="Range">How far back the list goes; null for all kept traces.</param>
public sealed record TraceListQuery(TraceSpan Window = TraceSpan.Day, string? Caller = null, string? Model = null, TraceOutcome? Outcome = null, TraceSpan? Range = null)
{
    public const string WindowKey = "window";
    public const string CallerKey = "caller";
    public const string ModelKey = "model";
    public const string OutcomeKey = "outcome";
    public const string RangeKey = "range";

    public static TraceListQuery Default { get; } = new();

    /// <summary>Whether the list is narrowed (the window only changes the stats).</summary>
    public bool IsFiltered => Caller is not null || Model is not null || Outcome is not null || Range is not null;

    /// <summary>Reads the query string; blank or unknown values mean "no filter" (and the default window).</summary>
    public static TraceListQuery FromQuery(string? window, string? caller, string? model, string? outcome, string? range) => new(
        TraceSpans.Parse(window) ?? TraceSpan.Day,
        Blank(caller),
        Blank(model),
        ParseOutcome(outcome),
        TraceSpans.Parse(range));

    /// <summary>The query parameters for this view; defaults are null, so they drop out of the address.</summary>
    public IReadOnlyDictionary<string, object?> ToQueryParameters() => new Dictionary<string, object?>
    {
        [WindowKey] = Window == TraceSpan.Day ? null : Window.QueryValue(),
        [CallerKey] = Caller,
        [ModelKey] = Model,
        [OutcomeKey] = Outcome is { } outcome ? TraceFormat.OutcomeWord(outcome) : null,
        [RangeKey] = Range?.QueryValue(),
    };

    /// <summary>The store's filter for one page of the list, with the range ending at <paramref name="now"/>.</summary>
    public TraceFilter ToFilter(DateTimeOffset now, int take, TraceCursor? after = null) => new()
    {
        Caller = Caller,
        Model = Model,
        Outcome = Outcome,
        From = Range is { } range ? now - range.Length() : null,
        After = after,
        Take = take,
    };

    public static TraceOutcome? ParseOutcome(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "ok" => TraceOutcome.Ok,
        "error" => TraceOutcome.Error,
        "cancelled" => TraceOutcome.Cancelled,
        _ => null,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
