using Bunit;
using Homelab.Dashboard.Components.Pages;
using Homelab.Domain.Actions;
using Homelab.Domain.Cluster;
using Homelab.Domain.Live;
using Homelab.Tests.Shared;
using Microsoft.AspNetCore.Components.Rendering;

namespace Homelab.Tests.Components;

public sealed class ClusterPageTests : HomelabComponentTestBase
{
    private static string[] PowerButtons(AngleSharp.Dom.IElement row) =>
        [.. row.QuerySelectorAll("button[data-testid^=action-]").Select(b => b.GetAttribute("data-testid")!).Order(StringComparer.Ordinal)];

    [Fact]
    public void Render_Guests_ShowStatusAndOnlyThePowerActionsThatApply()
    {
        var cut = Render<ClusterPage>();

        var gaming = cut.Find("[data-testid=guest-row-103]");
        Assert.Equal("running", gaming.QuerySelector("[data-testid=guest-status]")!.TextContent);
        Assert.Equal(["action-reboot", "action-shutdown", "action-stop"], PowerButtons(gaming));
        Assert.Equal("Shut down VM 103 gaming-bazzite", gaming.QuerySelector("[data-testid=action-shutdown]")!.GetAttribute("aria-label"));

        var valheim = cut.Find("[data-testid=guest-row-106]");
        Assert.Equal("stopped", valheim.QuerySelector("[data-testid=guest-status]")!.TextContent);
        Assert.Equal(["action-start"], PowerButtons(valheim));
    }

    [Fact]
    public void Render_PausedGuest_OffersShutdownStopAndReboot()
    {
        var cluster = Live.Current.Cluster!;
        Live.Current = Live.Current with
        {
            Cluster = cluster with { Guests = [.. cluster.Guests.Select(g => g.VmId == 103 ? g with { Status = GuestStatus.Paused } : g)] },
        };

        var cut = Render<ClusterPage>();

        var gaming = cut.Find("[data-testid=guest-row-103]");
        Assert.Equal("paused", gaming.QuerySelector("[data-testid=guest-status]")!.TextContent);
        Assert.Equal(["action-reboot", "action-shutdown", "action-stop"], PowerButtons(gaming));
    }

    [Fact]
    public void ConfirmShutdown_RunsAGuestPowerRequestAndShowsTheResult()
    {
        Executor.Result = new ActionResult(ActionOutcome.Succeeded, "stopped after 12 s", TimeSpan.FromSeconds(12));
        var (dialogs, _) = RenderProviders();
        var cut = Render<ClusterPage>();
        cut.Find("[data-testid=guest-row-103] [data-testid=action-shutdown]").Click();
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-testid=confirm-ok]")));
        Assert.Equal("Shut down VM 103 gaming-bazzite?", dialogs.Find("[data-testid=confirm-title]").TextContent);
        Assert.Equal("VM 103 gaming-bazzite on pve", dialogs.Find("[data-testid=confirm-target]").TextContent);

        dialogs.Find("[data-testid=confirm-ok]").Click();

        cut.WaitForAssertion(() => Assert.Equal("stopped after 12 s", cut.Find("[data-testid=guest-row-103] [data-testid=action-result]").TextContent));
        var request = Assert.IsType<GuestPowerRequest>(Assert.Single(Executor.Executed));
        Assert.Equal(PowerAction.Shutdown, request.Action);
        Assert.Equal(new GuestRef("pve", GuestKind.Qemu, 103), request.Guest);
    }

    [Fact]
    public void WhileShuttingDown_TheRowShowsProgressInsteadOfButtons()
    {
        Executor.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (dialogs, _) = RenderProviders();
        var cut = Render<ClusterPage>();
        cut.Find("[data-testid=guest-row-103] [data-testid=action-shutdown]").Click();
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-testid=confirm-ok]")));

        dialogs.Find("[data-testid=confirm-ok]").Click();

        cut.WaitForAssertion(() => Assert.Equal("shutting down…", cut.Find("[data-testid=guest-row-103] [data-testid=action-busy]").TextContent));
        Assert.Empty(PowerButtons(cut.Find("[data-testid=guest-row-103]")));
        Executor.Gate.SetResult();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=guest-row-103] [data-testid=action-result]")));
    }

    [Fact]
    public void Render_Nodes_ShowVersionsLoadAndHistory()
    {
        var cut = Render<ClusterPage>();

        var pve = cut.Find("[data-testid=node-card-pve]");
        Assert.Contains("pve-manager/9.1.1", pve.TextContent, StringComparison.Ordinal);
        Assert.Contains("6.14.11-4-pve", pve.TextContent, StringComparison.Ordinal);
        Assert.Contains("iowait", pve.TextContent, StringComparison.Ordinal);
        Assert.Contains("load", pve.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, pve.QuerySelectorAll("polyline").Length);
    }

    [Fact]
    public void Render_Storage_ListsEveryVolumeWithUsage()
    {
        var cut = Render<ClusterPage>();

        Assert.Equal(7, cut.FindAll("[data-testid^=storage-row-]").Count);
        Assert.Contains("88%", cut.Find("[data-testid='storage-row-storage/pve/local-lvm']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Push_ContainerChanges_DoNotReRenderTheClusterPage()
    {
        var cut = Render<CountingClusterPage>();
        var page = cut.Instance;
        var before = page.Renders;
        var sonarr = TestSnapshots.FindContainer(Live.Current, "sonarr");

        // Batches arrive in order: if the container batch re-rendered the page, that render would come first.
        Live.Push(new ContainersChanged(TestSnapshots.DockerHost, [sonarr with { CpuPercent = 42 }], [], TestSnapshots.Now));
        Live.Push(new ClusterChanged(WithValheim(GuestStatus.Running)));

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("running", cut.Find("[data-testid=guest-row-106] [data-testid=guest-status]").TextContent);
            Assert.True(page.Renders > before);
        });
        Assert.Equal(before + 1, page.Renders);
    }

    private ClusterSnapshot WithValheim(GuestStatus status)
    {
        var cluster = Live.Current.Cluster!;
        return cluster with { Guests = [.. cluster.Guests.Select(g => g.VmId == 106 ? g with { Status = status } : g)] };
    }

    /// <summary>The cluster page, counting its own renders (bUnit's RenderCount includes its children).</summary>
    private sealed class CountingClusterPage : ClusterPage
    {
        public int Renders { get; private set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            Renders++;
            base.BuildRenderTree(builder);
        }
    }
}
