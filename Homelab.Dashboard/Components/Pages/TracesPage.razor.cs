using Homelab.Dashboard.Model;
using Homelab.Domain.Agent.Traces;
using Homelab.Domain.Ports;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Homelab.Dashboard.Components.Pages;

/// <summary>Every model call: stats for a window, a latency chart, breakdowns, and a filtered list that pages back.</summary>
/// <remarks>
/// The address is the page's state: the window and filters live in the query string (<see cref="TraceListQuery"/>),
/// and changing one navigates, so any view can be linked to. While open the page reloads every
/// <see cref="RefreshInterval"/>; a reload keeps the older pages the user already loaded.
/// </remarks>
public partial class TracesPage : ComponentBase, IDisposable
{
    public const int PageSize = 50;

    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _cts = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<TraceRowModel> _rows = [];
    private TraceListQuery? _applied;
    private TraceListQuery _query = TraceListQuery.Default;
    private TraceStats? _stats;
    private TraceStatsModel? _statsModel;
    private TraceLatencyChart? _chart;
    private List<ChartSeries<double>> _series = [];
    private TraceNames _names = new([], []);
    private TraceCursor? _next;
    private DateTimeOffset _listNow;
    private ITimer? _timer;
    private bool _loaded;
    private bool _loadingOlder;
    private string? _error;

    [Inject]
    public required ITraceStore Traces { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromQuery(Name = TraceListQuery.WindowKey)]
    public string? WindowQuery { get; set; }

    [SupplyParameterFromQuery(Name = TraceListQuery.CallerKey)]
    public string? CallerQuery { get; set; }

    [SupplyParameterFromQuery(Name = TraceListQuery.ModelKey)]
    public string? ModelQuery { get; set; }

    [SupplyParameterFromQuery(Name = TraceListQuery.OutcomeKey)]
    public string? OutcomeQuery { get; set; }

    [SupplyParameterFromQuery(Name = TraceListQuery.RangeKey)]
    public string? RangeQuery { get; set; }

    private LineChartOptions ChartOptions { get; } = new()
    {
        YAxisToStringFunc = TraceFormat.LatencyMs,
        YAxisRequireZeroPoint = true,
        ConnectNullPoints = false,
        ShowDataMarkers = true,
    };

    private string EmptyListText => _query.IsFiltered
        ? "No trace matches the filters."
        : "No model calls recorded yet — talk to the agent in Chat.";

    protected override void OnInitialized()
    {
        // Only a live circuit refreshes; the prerendered page is gone a moment later.
        if (RendererInfo.IsInteractive)
        {
            _timer = Time.CreateTimer(_ => _ = InvokeAsync(AutoRefreshAsync), null, RefreshInterval, RefreshInterval);
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        var query = TraceListQuery.FromQuery(WindowQuery, CallerQuery, ModelQuery, OutcomeQuery, RangeQuery);
        if (query != _applied)
        {
            _applied = query;
            _query = query;
            await LoadAsync(keepLoaded: false);
        }
    }

    /// <summary>Reloads stats, names and the list; <paramref name="keepLoaded"/> keeps as many rows as are shown.</summary>
    private async Task LoadAsync(bool keepLoaded)
    {
        await _gate.WaitAsync(_cts.Token);
        try
        {
            await LoadCoreAsync(keepLoaded);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task LoadCoreAsync(bool keepLoaded)
    {
        var token = _cts.Token;
        var now = Time.GetUtcNow();

        // A reload reads down to the oldest row shown (plus room for what arrived since), so older pages stay loaded.
        var oldest = keepLoaded && _rows.Count > 0 ? _rows[^1].Id : (Guid?)null;
        var take = oldest is null ? PageSize : Math.Min(_rows.Count + PageSize, TraceFilter.MaxTake);
        try
        {
            var stats = await Traces.StatsAsync(_query.Window.Length(), now, token);
            var names = await Traces.NamesAsync(token);
            var page = await Traces.QueryAsync(_query.ToFilter(now, take), token);
            var items = page.Items.AsImmutableArray();
            var next = page.Next;
            var keep = oldest is { } id ? items.Select(t => t.Id).ToList().IndexOf(id) + 1 : 0;
            if (keep > 0 && keep < items.Length)
            {
                items = items[..keep];
                next = new TraceCursor(items[^1].At, items[^1].Id);
            }

            SetStats(stats);
            _names = names;
            _listNow = now;
            _rows.Clear();
            _rows.AddRange(items.Select(TraceRowModel.From));
            _next = next;
            _error = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _error = ex.Message;
        }

        _loaded = true;
    }

    private void SetStats(TraceStats stats)
    {
        _stats = stats;
        _statsModel = TraceStatsModel.From(stats);
        _chart = TraceLatencyChart.From(stats);
        _series =
        [
            new() { Name = TraceLatencyChart.P50Name, Data = new ChartData<double>(_chart.P50) },
            new() { Name = TraceLatencyChart.P95Name, Data = new ChartData<double>(_chart.P95) },
        ];
    }

    private async Task AutoRefreshAsync()
    {
        // A tick while a load runs is skipped, not queued: the next one comes in ten seconds.
        if (_cts.IsCancellationRequested || !await _gate.WaitAsync(0))
        {
            return;
        }

        try
        {
            await LoadCoreAsync(keepLoaded: true);
        }
        finally
        {
            _gate.Release();
        }

        StateHasChanged();
    }

    private Task RefreshAsync() => LoadAsync(keepLoaded: true);

    private async Task LoadOlderAsync()
    {
        if (_next is not { } after)
        {
            return;
        }

        _loadingOlder = true;
        await _gate.WaitAsync(_cts.Token);
        try
        {
            var page = await Traces.QueryAsync(_query.ToFilter(_listNow, PageSize, after), _cts.Token);
            _rows.AddRange(page.Items.Select(TraceRowModel.From));
            _next = page.Next;
            _error = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _error = ex.Message;
        }
        finally
        {
            _loadingOlder = false;
            _gate.Release();
        }
    }

    private void Show(TraceListQuery query) => Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(query.ToQueryParameters()));

    private string LinkTo(TraceListQuery query) => Navigation.GetUriWithQueryParameters(query.ToQueryParameters());

    private void OnCallerChanged(ChangeEventArgs e) => Show(_query with { Caller = Blank(e.Value as string) });

    private void OnModelChanged(ChangeEventArgs e) => Show(_query with { Model = Blank(e.Value as string) });

    private void OnOutcomeChanged(ChangeEventArgs e) => Show(_query with { Outcome = TraceListQuery.ParseOutcome(e.Value as string) });

    private void OnRangeChanged(ChangeEventArgs e) => Show(_query with { Range = TraceSpans.Parse(e.Value as string) });

    private void ClearFilters() => Show(TraceListQuery.Default with { Window = _query.Window });

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public void Dispose()
    {
        _timer?.Dispose();
        _cts.Cancel();
        GC.SuppressFinalize(this);
    }
}
