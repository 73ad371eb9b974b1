using Bunit;
using Homelab.Dashboard.Components.Pages;
using Homelab.Domain.Actions;
using Homelab.Domain.Downloads;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Components;

/// <summary>Torrent actions as a user meets them: through the one confirmed, audited action path.</summary>
public sealed class TorrentActionTests : HomelabComponentTestBase
{
    private const string Ubuntu = "ubuntu-24.04.1-desktop-amd64.iso";
    private const string Oppenheimer = "Oppenheimer.2023.1080p.BluRay.x264-SPARKS";

    public TorrentActionTests() => Live.Current = TestSnapshots.SeedWithDownloads();

    private static string Row(string name) => $"[data-testid=torrent-row-{TestSnapshots.HashFor(name)}]";

    private (IRenderedComponent<TorrentsPage> Page, IRenderedComponent<MudBlazor.MudDialogProvider> Dialogs) Open()
    {
        var (dialogs, _) = RenderProviders();
        return (Render<TorrentsPage>(), dialogs);
    }

    private static void WaitForDialog(IRenderedComponent<MudBlazor.MudDialogProvider> dialogs) =>
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-testid=confirm-ok]")));

    [Fact]
    public void OpenPage_ExecutesNothing()
    {
        var (cut, _) = Open();

        Assert.NotEmpty(cut.FindAll("[data-testid=action-pause]"));
        Assert.Empty(Executor.Executed);
        Assert.Empty(Audit.Records);
    }

    [Fact]
    public void RowButtons_FollowTheState_PauseOrResumeRecheckUnlessCheckingDelete()
    {
        var (cut, _) = Open();

        string[] Buttons(string name) => [.. cut.Find(Row(name)).QuerySelectorAll("button").Select(b => b.GetAttribute("data-testid")!)];
        Assert.Equal(["action-pause", "action-recheck", "action-delete"], Buttons(Ubuntu));
        Assert.Equal(["action-resume", "action-recheck", "action-delete"], Buttons(Oppenheimer));
        Assert.Equal(["action-resume", "action-recheck", "action-delete"], Buttons("Andy Weir - Project Hail Mary [Unabridged] [MP3 128k]"));
        Assert.Equal(["action-pause", "action-delete"], Buttons("Past.Lives.2023.1080p.WEB-DL.DDP5.1.H.264-FLUX"));
        Assert.Equal($"Pause {Ubuntu}", cut.Find($"{Row(Ubuntu)} [data-testid=action-pause]").GetAttribute("aria-label"));
    }

    [Fact]
    public void Pause_Confirmed_RunsThroughTheActionPathAndShowsTheResultInTheRow()
    {
        Executor.Result = new ActionResult(ActionOutcome.Succeeded, "paused after 1 s", TimeSpan.FromSeconds(1));
        var (cut, dialogs) = Open();

        cut.Find($"{Row(Ubuntu)} [data-testid=action-pause]").Click();
        WaitForDialog(dialogs);
        Assert.Equal($"Pause {Ubuntu}?", dialogs.Find("[data-testid=confirm-title]").TextContent);
        Assert.Empty(dialogs.FindAll("[data-testid=confirm-delete-files]"));
        Assert.Empty(Executor.Executed);
        dialogs.Find("[data-testid=confirm-ok]").Click();

        cut.WaitForAssertion(() => Assert.Equal("paused after 1 s", cut.Find($"{Row(Ubuntu)} [data-testid=action-result]").TextContent));
        var executed = Assert.IsType<TorrentCommandRequest>(Assert.Single(Executor.Executed));
        Assert.Equal(TorrentCommand.Pause, executed.Command);
        Assert.Equal([TestSnapshots.HashFor(Ubuntu)], executed.Hashes);
        var audit = Assert.Single(Audit.Records);
        Assert.Equal("torrent.pause", audit.Action);
        Assert.Equal(ActionVia.Ui, audit.Via);
    }

    [Fact]
    public void Resume_OnAPausedTorrent_IsNotDisruptive()
    {
        var (cut, dialogs) = Open();

        cut.Find($"{Row(Oppenheimer)} [data-testid=action-resume]").Click();
        WaitForDialog(dialogs);
        Assert.Contains("mud-button-filled-primary", dialogs.Find("[data-testid=confirm-ok]").ClassName, StringComparison.Ordinal);
        dialogs.Find("[data-testid=confirm-ok]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"{Row(Oppenheimer)} [data-testid=action-result]")));
        Assert.Equal(TorrentCommand.Resume, Assert.IsType<TorrentCommandRequest>(Assert.Single(Executor.Executed)).Command);
    }

    [Fact]
    public void Recheck_Running_ReplacesTheRowsButtonsWithProgressOnlyForThatRow()
    {
        Executor.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (cut, dialogs) = Open();
        cut.Find($"{Row(Ubuntu)} [data-testid=action-recheck]").Click();
        WaitForDialog(dialogs);
        dialogs.Find("[data-testid=confirm-ok]").Click();

        cut.WaitForAssertion(() => Assert.Equal("rechecking…", cut.Find($"{Row(Ubuntu)} [data-testid=action-busy]").TextContent));
        Assert.Empty(cut.FindAll($"{Row(Ubuntu)} button"));
        Assert.NotNull(cut.Find($"{Row(Oppenheimer)} [data-testid=action-resume]"));

        Executor.Gate.SetResult();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"{Row(Ubuntu)} [data-testid=action-result]")));
        Assert.Empty(cut.FindAll($"{Row(Ubuntu)} [data-testid=action-busy]"));
        Assert.Equal(TorrentCommand.Recheck, Assert.IsType<TorrentCommandRequest>(Assert.Single(Executor.Executed)).Command);
    }

    [Fact]
    public void Delete_ConfirmationOffersTheFilesUnticked_AndKeepsThemByDefault()
    {
        var (cut, dialogs) = Open();

        cut.Find($"{Row(Ubuntu)} [data-testid=action-delete]").Click();
        WaitForDialog(dialogs);

        var box = dialogs.Find("input[data-testid=confirm-delete-files]");
        Assert.Equal("checkbox", box.GetAttribute("type"));
        Assert.False(box.HasAttribute("checked"));
        Assert.Contains("the downloaded files stay on disk", dialogs.Find("[data-testid=confirm-effect]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Delete", dialogs.Find("[data-testid=confirm-ok]").TextContent.Trim());
        dialogs.Find("[data-testid=confirm-ok]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"{Row(Ubuntu)} [data-testid=action-result]")));
        var executed = Assert.IsType<TorrentCommandRequest>(Assert.Single(Executor.Executed));
        Assert.Equal((TorrentCommand.Delete, false), (executed.Command, executed.DeleteFiles));
        Assert.Equal("torrent.delete", Assert.Single(Audit.Records).Action);
    }

    [Fact]
    public void Delete_FilesTicked_CarriesTheChoiceIntoTheRequestAndTheAudit()
    {
        var (cut, dialogs) = Open();
        cut.Find($"{Row(Ubuntu)} [data-testid=action-delete]").Click();
        WaitForDialog(dialogs);

        dialogs.Find("input[data-testid=confirm-delete-files]").Change(true);

        dialogs.WaitForAssertion(() => Assert.Contains("deletes its downloaded files from disk", dialogs.Find("[data-testid=confirm-effect]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Delete with files", dialogs.Find("[data-testid=confirm-ok]").TextContent.Trim());
        Assert.Contains("cannot be undone", dialogs.Find("[data-testid=confirm-disruptive]").TextContent, StringComparison.Ordinal);
        dialogs.Find("[data-testid=confirm-ok]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"{Row(Ubuntu)} [data-testid=action-result]")));
        var executed = Assert.IsType<TorrentCommandRequest>(Assert.Single(Executor.Executed));
        Assert.Equal((TorrentCommand.Delete, true), (executed.Command, executed.DeleteFiles));
        Assert.Equal([TestSnapshots.HashFor(Ubuntu)], executed.Hashes);
        Assert.Equal("torrent.delete-with-files", Assert.Single(Audit.Records).Action);
    }

    [Fact]
    public void Delete_TickedThenCancelled_DeletesNothing()
    {
        var (cut, dialogs) = Open();
        cut.Find($"{Row(Ubuntu)} [data-testid=action-delete]").Click();
        WaitForDialog(dialogs);
        dialogs.Find("input[data-testid=confirm-delete-files]").Change(true);

        dialogs.Find("[data-testid=confirm-cancel]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=confirm-ok]")));
        Assert.Empty(Executor.Executed);
        Assert.Empty(Audit.Records);
        Assert.NotNull(cut.Find($"{Row(Ubuntu)} [data-testid=action-delete]"));
    }

    [Theory]
    [InlineData("torrents-pause-all", TorrentCommand.Pause, "Pause all torrents?", "torrents.pause-all")]
    [InlineData("torrents-resume-all", TorrentCommand.Resume, "Resume all torrents?", "torrents.resume-all")]
    public void AllButton_Confirmed_ActsOnEveryTorrentThroughTheActionPath(string button, TorrentCommand command, string title, string kind)
    {
        Executor.Result = new ActionResult(ActionOutcome.Succeeded, "16 torrents answered", TimeSpan.FromSeconds(1));
        var (cut, dialogs) = Open();

        cut.Find($"[data-testid={button}]").Click();
        WaitForDialog(dialogs);
        Assert.Equal(title, dialogs.Find("[data-testid=confirm-title]").TextContent);
        Assert.Equal("all torrents", dialogs.Find("[data-testid=confirm-target]").TextContent);
        Assert.Empty(Executor.Executed);
        dialogs.Find("[data-testid=confirm-ok]").Click();

        cut.WaitForAssertion(() => Assert.Equal("16 torrents answered", cut.Find("[data-testid=torrents-bulk-result]").TextContent));
        var executed = Assert.IsType<TorrentCommandRequest>(Assert.Single(Executor.Executed));
        Assert.True(executed.All);
        Assert.Equal(command, executed.Command);
        Assert.Equal(kind, Assert.Single(Audit.Records).Action);
    }

    [Fact]
    public void PauseAll_Running_ShowsProgressInsteadOfTheBulkButtons()
    {
        Executor.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (cut, dialogs) = Open();
        cut.Find("[data-testid=torrents-pause-all]").Click();
        WaitForDialog(dialogs);
        dialogs.Find("[data-testid=confirm-ok]").Click();

        cut.WaitForAssertion(() => Assert.Equal("pausing…", cut.Find("[data-testid=torrents-bulk-busy]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=torrents-pause-all]"));
        Assert.Empty(cut.FindAll("[data-testid=torrents-resume-all]"));

        Executor.Gate.SetResult();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=torrents-pause-all]")));
        Assert.Single(Executor.Executed);
    }

    [Fact]
    public void Denied_ShowsWhyInTheRowAndNeverReachesTheExecutor()
    {
        Authorizer.DenyWith = "the dashboard is read-only";
        var (cut, dialogs) = Open();
        cut.Find($"{Row(Ubuntu)} [data-testid=action-pause]").Click();
        WaitForDialog(dialogs);

        dialogs.Find("[data-testid=confirm-ok]").Click();

        cut.WaitForAssertion(() => Assert.Equal("not allowed: the dashboard is read-only", cut.Find($"{Row(Ubuntu)} [data-testid=action-result]").TextContent));
        Assert.Empty(Executor.Executed);
        Assert.Equal(ActionOutcome.Denied, Assert.Single(Audit.Records).Outcome);
    }
}
