using Bunit;
using Homelab.Dashboard.Components.Controls;
using Homelab.Dashboard.Model;
using Homelab.Domain.Actions;
using Homelab.Domain.Downloads;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Components;

/// <summary>The row holds its promise on its own: it renders again only when what it shows changed.</summary>
public sealed class TorrentRowTests : HomelabComponentTestBase
{
    private static readonly Torrent s_ubuntu = TestSnapshots.Torrent("ubuntu-24.04.1-desktop-amd64.iso", TorrentState.Downloading, 0.4234, 6_114_656_256, "linux",
        TestSnapshots.Now, down: 5_452_595, eta: TimeSpan.FromMinutes(11), ratio: 0.04);

    private IRenderedComponent<TorrentRow> RenderRow(TorrentRowModel row) => Render<TorrentRow>(p => p.Add(r => r.Row, row));

    [Fact]
    public void SetParameters_SameModel_RendersNothing()
    {
        var row = TorrentRowModel.From(s_ubuntu);
        var cut = RenderRow(row);

        cut.Render(p => p.Add(r => r.Row, row));

        Assert.Equal(1, cut.RenderCount);
    }

    [Fact]
    public void SetParameters_EqualModelRebuilt_RendersNothing()
    {
        var cut = RenderRow(TorrentRowModel.From(s_ubuntu));

        cut.Render(p => p.Add(r => r.Row, TorrentRowModel.From(s_ubuntu with { })));

        Assert.Equal(1, cut.RenderCount);
    }

    [Fact]
    public void SetParameters_TorrentChanged_RendersOnce()
    {
        var cut = RenderRow(TorrentRowModel.From(s_ubuntu));

        cut.Render(p => p.Add(r => r.Row, TorrentRowModel.From(s_ubuntu with { Progress = 0.5 })));

        Assert.Equal(2, cut.RenderCount);
    }

    [Fact]
    public void SetParameters_BusyThenResult_EachRendersOnce()
    {
        var row = TorrentRowModel.From(s_ubuntu);
        var cut = RenderRow(row);
        var result = new ActionResult(ActionOutcome.Succeeded, "paused", TimeSpan.FromSeconds(1));

        cut.Render(p => p.Add(r => r.Row, row).Add(r => r.BusyVerb, "pausing"));
        cut.Render(p => p.Add(r => r.Row, row).Add(r => r.BusyVerb, null).Add(r => r.Result, result));
        cut.Render(p => p.Add(r => r.Row, row).Add(r => r.BusyVerb, null).Add(r => r.Result, result));

        Assert.Equal(3, cut.RenderCount);
    }
}
