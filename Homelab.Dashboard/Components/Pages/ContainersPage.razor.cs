using Homelab.Dashboard.Components.Controls;
using Homelab.Dashboard.Live;
using Homelab.Dashboard.Model;
using Homelab.Domain.Actions;
using Homelab.Domain.Containers;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;
using Microsoft.AspNetCore.Components;

namespace Homelab.Dashboard.Components.Pages;

/// <summary>Every container of every Docker host: search, filters, start/stop/restart and logs.</summary>
/// <remarks>
/// <c>?q=</c>, <c>?host=</c>, <c>?state=</c> and <c>?health=</c> pre-fill the filters, so attention items and the
/// overview's counts link straight to the rows they mean.
/// </remarks>
public partial class ContainersPage : LiveComponentBase
{
    private static readonly string[] s_stateChoices = ["running", "restarting", "paused", "created", "exited", "dead"];
    private static readonly string[] s_healthChoices = ["healthy", "unhealthy", "starting", "none"];

    private ContainerFilter _filter = ContainerFilter.None;
    private (string?, string?, string?, string?) _appliedQuery;
    private IReadOnlyList<ContainerRowModel> _rows = [];
    private Dictionary<string, ContainerRowModel> _rowCache = new(StringComparer.Ordinal);
    private EventCallback<ContainerCommandRequest> _onCommand;
    private EventCallback<Container> _onLogs;
    private IReadOnlyList<string> _hosts = [];
    private HashSet<string> _staleHosts = [];
    private int _total;
    private ContainerSort _sort = ContainerSort.Name;
    private bool _descending;
    private Container? _logContainer;

    [Inject]
    internal ActionRunner Runner { get; init; } = null!;

    [Inject]
    public required UiClock Clock { get; init; }

    [SupplyParameterFromQuery(Name = "q")]
    public string? Query { get; set; }

    [SupplyParameterFromQuery(Name = "host")]
    public string? HostQuery { get; set; }

    [SupplyParameterFromQuery(Name = "state")]
    public string? StateQuery { get; set; }

    [SupplyParameterFromQuery(Name = "health")]
    public string? HealthQuery { get; set; }

    private static IReadOnlyList<string> StateChoices => s_stateChoices;

    private static IReadOnlyList<string> HealthChoices => s_healthChoices;

    private SourceStatus? ContainerSource => Freshness.LeastFresh(Snapshot.Sources.Where(s => s.Kind == SourceKind.Docker));

    protected override void OnInitialized()
    {
        // One callback instance for every row, so rows do not see a new parameter on each render.
        _onCommand = EventCallback.Factory.Create<ContainerCommandRequest>(this, RunAsync);
        _onLogs = EventCallback.Factory.Create<Container>(this, OpenLogs);
        base.OnInitialized();
        Runner.Changed += OnRunnerChanged;
    }

    protected override void OnParametersSet()
    {
        // Only a changed query string resets the filters; re-renders from above keep what the user typed.
        var query = (Query, HostQuery, StateQuery, HealthQuery);
        if (query != _appliedQuery)
        {
            _appliedQuery = query;
            _filter = ContainerFilter.FromQuery(Query, HostQuery, StateQuery, HealthQuery);
            Refresh();
        }
    }

    protected override void OnSnapshotChanged(IReadOnlyList<HomelabChange> changes)
    {
        if (changes.Count == 0 || changes.Any(c => c is ContainersChanged or SnapshotReset))
        {
            Refresh();
        }

        if (changes.Count == 0 || changes.Any(c => c is SourceChanged or SnapshotReset))
        {
            _staleHosts = [.. Snapshot.Sources.Where(s => s.Kind == SourceKind.Docker && Freshness.IsStale(s))
                .Select(s => Snapshot.ContainerHosts.FirstOrDefault(h => SourceIds.Docker(h.Host) == s.Id)?.Host)
                .OfType<string>()];
        }
    }

    /// <summary>Cluster batches do not touch this page.</summary>
    protected override bool ShouldRender(IReadOnlyList<HomelabChange> changes) =>
        changes.Any(c => c is ContainersChanged or SnapshotReset || (c is SourceChanged s && s.Status.Kind == SourceKind.Docker));

    private void Refresh()
    {
        var now = Clock.Now;
        var all = Snapshot.AllContainers.ToList();
        _total = all.Count;
        _hosts = [.. Snapshot.ContainerHosts.Select(h => h.Host).Order(StringComparer.OrdinalIgnoreCase)];
        _rows = ContainerRowModel.Build(_filter.Apply(all, _sort, _descending, now), now, _rowCache);
        _rowCache = _rows.ToDictionary(r => r.Key, StringComparer.Ordinal);
        if (_logContainer is { } showing)
        {
            // Keep the drawer's header current; if the container went away, keep showing what was last known.
            _logContainer = Snapshot.FindHost(showing.Host)?.Find(showing.Id) ?? showing;
        }
    }

    private void OnSearchChanged(string? text)
    {
        _filter = _filter with { Query = string.IsNullOrWhiteSpace(text) ? null : text };
        Refresh();
    }

    private void OnHostChanged(ChangeEventArgs e)
    {
        var host = e.Value as string;
        _filter = _filter with { Host = string.IsNullOrEmpty(host) ? null : host };
        Refresh();
    }

    private void OnStateChanged(ChangeEventArgs e)
    {
        _filter = _filter with { State = ContainerText.ParseStateQuery(e.Value as string) };
        Refresh();
    }

    private void OnHealthChanged(ChangeEventArgs e)
    {
        _filter = _filter with { Health = ContainerText.ParseHealthQuery(e.Value as string) };
        Refresh();
    }

    private void ClearFilters()
    {
        _filter = ContainerFilter.None;
        Refresh();
    }

    private void SortBy(ContainerSort sort)
    {
        // Numbers are most useful biggest first; names and states read top-down.
        _descending = _sort == sort ? !_descending : sort is ContainerSort.Cpu or ContainerSort.Memory or ContainerSort.Restarts or ContainerSort.Uptime;
        _sort = sort;
        Refresh();
    }

    private string? AriaSort(ContainerSort sort) => _sort == sort ? (_descending ? "descending" : "ascending") : null;

    private void OpenLogs(Container container) => _logContainer = container;

    private void CloseLogs() => _logContainer = null;

    private async Task RunAsync(ContainerCommandRequest request) => await Runner.RunAsync(request);

    private void OnRunnerChanged() => _ = InvokeAsync(StateHasChanged);

    protected override async ValueTask DisposeAsyncCore()
    {
        Runner.Changed -= OnRunnerChanged;
        await base.DisposeAsyncCore();
    }
}
