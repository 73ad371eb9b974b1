using Homelab.Dashboard.Model;
using Homelab.Domain.Actions;
using Homelab.Domain.Ports;
using Microsoft.AspNetCore.Components;

namespace Homelab.Dashboard.Components.Pages;

/// <summary>Every action attempted, newest first: filters in the address, keyset paging, and links to the traces behind agent actions.</summary>
/// <remarks><c>?id=N</c> shows that record on its own card above the list (it may be far down) and highlights it in the list.</remarks>
public partial class AuditLogPage : ComponentBase
{
    public const int PageSize = 50;

    private readonly List<AuditRowModel> _rows = [];
    private AuditListQuery? _applied;
    private AuditListQuery _query = AuditListQuery.Default;
    private AuditCursor? _next;
    private AuditRowModel? _selected;
    private bool _selectedMissing;
    private bool _loaded;
    private string? _error;

    [Inject]
    public required IAuditLog Audit { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromQuery(Name = AuditListQuery.ViaKey)]
    public string? ViaQuery { get; set; }

    [SupplyParameterFromQuery(Name = AuditListQuery.OutcomeKey)]
    public string? OutcomeQuery { get; set; }

    [SupplyParameterFromQuery(Name = AuditListQuery.TextKey)]
    public string? TextQuery { get; set; }

    [SupplyParameterFromQuery(Name = AuditListQuery.IdKey)]
    public long? IdQuery { get; set; }

    /// <summary>The CSV of everything the filters match, not only the rows loaded so far.</summary>
    private string ExportHref => Api.AuditExportEndpoints.Href(_query);

    private string EmptyText => _query.IsFiltered ? "No action matches the filters." : "No action has been attempted yet.";

    protected override async Task OnParametersSetAsync()
    {
        var query = AuditListQuery.FromQuery(ViaQuery, OutcomeQuery, TextQuery, IdQuery);
        if (query == _applied)
        {
            return;
        }

        _applied = query;
        _query = query;
        try
        {
            var page = await Audit.QueryAsync(query.ToFilter(PageSize), CancellationToken.None);
            var selected = query.Id is { } id ? await Audit.GetAsync(id, CancellationToken.None) : null;
            _rows.Clear();
            _rows.AddRange(page.Items.Select(AuditRowModel.From));
            _next = page.Next;
            _selected = selected is null ? null : AuditRowModel.From(selected);
            _selectedMissing = query.Id is not null && selected is null;
            _error = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _error = ex.Message;
        }

        _loaded = true;
    }

    private async Task LoadOlderAsync()
    {
        if (_next is not { } after)
        {
            return;
        }

        try
        {
            var page = await Audit.QueryAsync(_query.ToFilter(PageSize, after), CancellationToken.None);
            _rows.AddRange(page.Items.Select(AuditRowModel.From));
            _next = page.Next;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _error = ex.Message;
        }
    }

    private void Show(AuditListQuery query) => Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(query.ToQueryParameters()));

    private void OnViaChanged(ChangeEventArgs e) => Show(_query with { Via = AuditListQuery.ParseVia(e.Value as string), Id = null });

    private void OnOutcomeChanged(ChangeEventArgs e) => Show(_query with { Outcome = AuditListQuery.ParseOutcome(e.Value as string), Id = null });

    private void OnTextChanged(string? text) => Show(_query with { Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim(), Id = null });

    private void ClearFilters() => Show(AuditListQuery.Default);
}
