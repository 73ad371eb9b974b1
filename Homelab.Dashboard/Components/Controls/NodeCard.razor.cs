using Homelab.Dashboard.Model;
using Homelab.Domain.Sources;
using Microsoft.AspNetCore.Components;

namespace Homelab.Dashboard.Components.Controls;

/// <summary>One cluster node: gauges with absolute figures, the last hour as sparklines, and how fresh it all is.</summary>
/// <remarks>Skips re-rendering when neither its model nor its source changed (e.g. a batch that only touched containers).</remarks>
public partial class NodeCard
{
    private NodeCardModel? _renderedNode;
    private SourceStatus? _renderedSource;
    private bool _renderedDetailed;

    [Parameter, EditorRequired]
    public required NodeCardModel Node { get; set; }

    [Parameter, EditorRequired]
    public required SourceStatus? Source { get; set; }

    /// <summary>Adds versions, iowait, IP and guest counts (the cluster page).</summary>
    [Parameter]
    public bool Detailed { get; set; }

    protected override bool ShouldRender()
    {
        if (_renderedNode == Node && _renderedSource == Source && _renderedDetailed == Detailed)
        {
            return false;
        }

        (_renderedNode, _renderedSource, _renderedDetailed) = (Node, Source, Detailed);
        return true;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            (_renderedNode, _renderedSource, _renderedDetailed) = (Node, Source, Detailed);
        }
    }
}
