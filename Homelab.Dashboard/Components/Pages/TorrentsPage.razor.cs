using System.Globalization;
using Homelab.Dashboard.Components.Controls;
using Homelab.Dashboard.Live;
using Homelab.Dashboard.Model;
using Homelab.Domain.Actions;
using Homelab.Domain.Downloads;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;
using Microsoft.AspNetCore.Components;

namespace Homelab.Dashboard.Components.Pages;

/// <summary>Every torrent with its state, progress and speeds: search, filters with counts, sorting, actions, the VPN.</summary>
/// <remarks>
/// <para>
/// <c>?q=</c>, <c>?filter=</c> (qBittorrent's filter words) and <c>?category=</c> pre-fill the filters, so attention
/// items and the overview's counts link straight to the rows they mean.
/// </para>
/// <para>
/// Built for thousands of torrents: one page of <see cref="TorrentTable.DefaultPageSize"/> rows is rendered (paging,
/// not virtualisation: rows vary in height, and every scroll would be a round trip on Blazor Server), the table
/// follows changes torrent by torrent, each row skips renders its torrent did not cause, and batches the page does
/// not show (containers, the cluster) render nothing.
/// </para>
/// </remarks>
public partial class TorrentsPage : LiveComponentBase
{
    private static readonly string s_allKey = TorrentCommandRequest.ForAll(TorrentCommand.Pause).TargetKey;

    private readonly TorrentTable _table = new();
    private (string?, string?, string?) _appliedQuery;
    private EventCallback<TorrentCommandRequest> _onCommand;
    private TransferModel _transfer = TransferModel.Empty;
    private VpnBadgeModel? _vpn;
    private SourceBanner? _banner;
    private SourceStatus? _source;
    private SourceStatus? _gluetun;
    private bool _stale;
    private bool _dirty;

    [Inject]
    internal ActionRunner Runner { get; init; } = null!;

    [SupplyParameterFromQuery(Name = "q")]
    public string? Query { get; set; }

    [SupplyParameterFromQuery(Name = "filter")]
    public string? FilterQuery { get; set; }

    [SupplyParameterFromQuery(Name = "category")]
    public string? CategoryQuery { get; set; }

    /// <summary>The list behind the page, for tests that hold it to its promises (rows, rebuilds).</summary>
    internal TorrentTable Table => _table;

    private static string AllKey => s_allKey;

    private string CountText => _table.Filter.IsEmpty
        ? _table.Total.ToString("N0", CultureInfo.InvariantCulture)
        : $"{_table.MatchingCount.ToString("N0", CultureInfo.InvariantCulture)} of {_table.Total.ToString("N0", CultureInfo.InvariantCulture)}";

    private string PageText => _table.MatchingCount == 0
        ? "none shown"
        : $"{_table.FirstShown.ToString("N0", CultureInfo.InvariantCulture)}–{_table.LastShown.ToString("N0", CultureInfo.InvariantCulture)} of {_table.MatchingCount.ToString("N0", CultureInfo.InvariantCulture)}";

    private string EmptyText => _source is null && Snapshot.Downloads is null
        ? "qBittorrent is not configured."
        : Snapshot.Downloads is null ? "No data from qBittorrent yet."
        : _table.Total == 0 ? "qBittorrent has no torrents."
        : "No torrent matches the filters.";

    protected override void OnInitialized()
    {
        // One callback instance for every row, so rows do not see a new parameter on each render.
        _onCommand = EventCallback.Factory.Create<TorrentCommandRequest>(this, RunAsync);

        // The query string is known before the first snapshot is loaded: filter once, not twice.
        ApplyQuery();
        base.OnInitialized();
        Runner.Changed += OnRunnerChanged;
    }

    protected override void OnParametersSet() => ApplyQuery();

    protected override void OnSnapshotChanged(IReadOnlyList<HomelabChange> changes)
    {
        var first = changes.Count == 0;
        var reset = changes.Any(c => c is SnapshotReset);
        var torrents = changes.Any(c => c is TorrentsChanged);
        _dirty = first || reset;
        if (first)
        {
            _table.Load(Snapshot.Downloads);
        }
        else if (torrents || reset)
        {
            _dirty |= _table.Apply(Snapshot.Downloads, changes);
        }

        if (first || reset || torrents)
        {
            var transfer = TransferModel.From(Snapshot.Downloads);
            _dirty |= transfer != _transfer;
            _transfer = transfer;
        }

        if (first || reset || changes.Any(c => c is SourceChanged { Status.Kind: SourceKind.QBittorrent or SourceKind.Gluetun }))
        {
            var source = Snapshot.FindSource(SourceIds.QBittorrent);
            _gluetun = Snapshot.FindSource(SourceIds.Gluetun);
            var banner = SourceBanner.From(source);
            _dirty |= source != _source || banner != _banner;
            (_source, _banner, _stale) = (source, banner, Freshness.IsStale(source));
        }

        // The badge's leak warning follows the moving count, which the table keeps without scanning every torrent.
        var vpn = VpnBadgeModel.From(Snapshot.Vpn, _gluetun, _table.Counts.Moving);
        _dirty |= vpn != _vpn;
        _vpn = vpn;
    }

    /// <summary>Renders only when something it shows changed; containers and the cluster never cause a render here.</summary>
    protected override bool ShouldRender(IReadOnlyList<HomelabChange> changes) => _dirty;

    private void ApplyQuery()
    {
        // Only a changed query string resets the filters; re-renders from above keep what the user chose.
        var query = (Query, FilterQuery, CategoryQuery);
        if (query != _appliedQuery)
        {
            _appliedQuery = query;
            _table.SetFilter(TorrentListFilter.FromQuery(Query, FilterQuery, CategoryQuery));
        }
    }

    private void OnSearchChanged(string? text) =>
        _table.SetFilter(_table.Filter with { Query = string.IsNullOrWhiteSpace(text) ? null : text });

    private void OnStateChanged(ChangeEventArgs e) =>
        _table.SetFilter(_table.Filter with { State = TorrentText.ParseFilter(e.Value as string) });

    private void OnCategoryChanged(ChangeEventArgs e) =>
        _table.SetFilter(_table.Filter with { Category = TorrentListFilter.ParseCategory(e.Value as string) });

    private void ClearFilters() => _table.SetFilter(TorrentListFilter.None);

    private void SortBy(TorrentSort sort) => _table.SortBy(sort);

    private void GoToPage(int index) => _table.GoToPage(index);

    private string? AriaSort(TorrentSort sort) => _table.Sort == sort ? (_table.Descending ? "descending" : "ascending") : null;

    private async Task RunAsync(TorrentCommandRequest request) => await Runner.RunAsync(request);

    private async Task PauseAllAsync() => await Runner.RunAsync(TorrentCommandRequest.ForAll(TorrentCommand.Pause));

    private async Task ResumeAllAsync() => await Runner.RunAsync(TorrentCommandRequest.ForAll(TorrentCommand.Resume));

    private void OnRunnerChanged() => _ = InvokeAsync(StateHasChanged);

    protected override async ValueTask DisposeAsyncCore()
    {
        Runner.Changed -= OnRunnerChanged;
        await base.DisposeAsyncCore();
    }
}
