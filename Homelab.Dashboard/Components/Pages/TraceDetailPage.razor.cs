using Homelab.Dashboard.Model;
using Homelab.Domain.Actions;
using Homelab.Domain.Ports;
using Microsoft.AspNetCore.Components;

namespace Homelab.Dashboard.Components.Pages;

/// <summary>One model call in full: every field, the exchange as text, and the actions it caused.</summary>
public partial class TraceDetailPage : ComponentBase
{
    private TraceDetailModel? _model;
    private Guid _loadedId;
    private bool _loaded;
    private string? _error;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    public required ITraceStore Traces { get; init; }

    [Inject]
    public required IAuditLog Audit { get; init; }

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded && Id == _loadedId)
        {
            return;
        }

        _loadedId = Id;
        try
        {
            var trace = await Traces.GetAsync(Id, CancellationToken.None);
            IReadOnlyList<AuditRecord> actions = trace is null || trace.CausedActionIds.IsEmpty
                ? []
                : await Audit.GetManyAsync(trace.CausedActionIds.AsImmutableArray(), CancellationToken.None);
            _model = trace is null ? null : TraceDetailModel.From(trace, actions);
            _error = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _model = null;
            _error = ex.Message;
        }

        _loaded = true;
    }
}
