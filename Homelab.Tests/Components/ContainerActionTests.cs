using Bunit;
using Homelab.Dashboard.Components.Pages;
using Homelab.Domain.Actions;
using Homelab.Domain.Containers;

namespace Homelab.Tests.Components;

/// <summary>The action path as a user meets it: confirm, run through the real ActionService, see the honest result.</summary>
public sealed class ContainerActionTests : HomelabComponentTestBase
{
    private const string SonarrRow = "[data-testid=container-row-sonarr]";

    [Fact]
    public void OpenPage_ExecutesNothing()
    {
        RenderProviders();

        var cut = Render<ContainersPage>();

        Assert.NotEmpty(cut.FindAll("[data-testid=action-stop]"));
        Assert.Empty(Executor.Executed);
        Assert.Empty(Audit.Records);
    }

    [Fact]
    public void ClickStop_AsksForConfirmationNamingTargetAndEffect()
    {
        var (dialogs, _) = RenderProviders();
        var cut = Render<ContainersPage>();

        cut.Find($"{SonarrRow} [data-testid=action-stop]").Click();

        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-testid=confirm-ok]")));
        Assert.Equal("Stop sonarr?", dialogs.Find("[data-testid=confirm-title]").TextContent);
        Assert.Contains("Stops container sonarr on docker-server", dialogs.Find("[data-testid=confirm-effect]").TextContent, StringComparison.Ordinal);
        Assert.Equal("container sonarr on docker-server", dialogs.Find("[data-testid=confirm-target]").TextContent);
        Assert.NotNull(dialogs.Find("[data-testid=confirm-disruptive]"));
        var ok = dialogs.Find("[data-testid=confirm-ok]");
        Assert.Equal("Stop", ok.TextContent.Trim());
        Assert.Contains("mud-button-filled-error", ok.ClassName, StringComparison.Ordinal);
        Assert.Empty(Executor.Executed);
    }

    [Fact]
    public void ClickStart_NonDisruptiveAction_UsesThePrimaryColourAndNoWarning()
    {
        var (dialogs, _) = RenderProviders();
        var cut = Render<ContainersPage>();

        cut.Find("[data-testid=container-row-lncrawl] [data-testid=action-start]").Click();

        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-testid=confirm-ok]")));
        Assert.Contains("mud-button-filled-primary", dialogs.Find("[data-testid=confirm-ok]").ClassName, StringComparison.Ordinal);
        Assert.Empty(dialogs.FindAll("[data-testid=confirm-disruptive]"));
    }

    [Fact]
    public void Cancel_DoesNotExecute()
    {
        var (dialogs, _) = RenderProviders();
        var cut = Render<ContainersPage>();
        cut.Find($"{SonarrRow} [data-testid=action-restart]").Click();
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-testid=confirm-cancel]")));

        dialogs.Find("[data-testid=confirm-cancel]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=confirm-ok]")));
        Assert.Empty(Executor.Executed);
        Assert.Empty(Audit.Records);
        Assert.Empty(cut.FindAll($"{SonarrRow} [data-testid=action-result]"));
        Assert.NotNull(cut.Find($"{SonarrRow} [data-testid=action-restart]"));
    }

    [Fact]
    public void Confirm_ExecutesOnceAndShowsTheHonestResultInlineAndInASnackbar()
    {
        Executor.Result = new ActionResult(ActionOutcome.Succeeded, "exited after 3 s", TimeSpan.FromSeconds(3));
        var (dialogs, snackbars) = RenderProviders();
        var cut = Render<ContainersPage>();
        cut.Find($"{SonarrRow} [data-testid=action-stop]").Click();
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-testid=confirm-ok]")));

        dialogs.Find("[data-testid=confirm-ok]").Click();

        cut.WaitForAssertion(() => Assert.Equal("exited after 3 s", cut.Find($"{SonarrRow} [data-testid=action-result]").TextContent));
        Assert.Contains("hl-result-succeeded", cut.Find($"{SonarrRow} [data-testid=action-result]").ClassName, StringComparison.Ordinal);
        snackbars.WaitForAssertion(() => Assert.Contains("container sonarr on docker-server: exited after 3 s", snackbars.Markup, StringComparison.Ordinal));
        var executed = Assert.IsType<ContainerCommandRequest>(Assert.Single(Executor.Executed));
        Assert.Equal(ContainerCommand.Stop, executed.Command);
        Assert.Equal("sonarr", executed.ContainerName);
        var audit = Assert.Single(Audit.Records);
        Assert.Equal("local user", audit.Actor);
        Assert.Equal(ActionVia.Ui, audit.Via);
    }

    [Fact]
    public void Running_ReplacesButtonsWithProgressSoASecondClickCannotActAgain()
    {
        Executor.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (dialogs, _) = RenderProviders();
        var cut = Render<ContainersPage>();
        cut.Find($"{SonarrRow} [data-testid=action-stop]").Click();
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-testid=confirm-ok]")));
        dialogs.Find("[data-testid=confirm-ok]").Click();

        cut.WaitForAssertion(() => Assert.Equal("stopping…", cut.Find($"{SonarrRow} [data-testid=action-busy]").TextContent));
        Assert.Empty(cut.FindAll($"{SonarrRow} [data-testid=action-stop]"));
        Assert.Empty(cut.FindAll($"{SonarrRow} [data-testid=action-restart]"));
        Assert.NotNull(cut.Find("[data-testid=container-row-radarr] [data-testid=action-stop]"));

        Executor.Gate.SetResult();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"{SonarrRow} [data-testid=action-result]")));
        Assert.Empty(cut.FindAll($"{SonarrRow} [data-testid=action-busy]"));
        Assert.Single(Executor.Executed);
    }

    [Fact]
    public void DoubleClick_BeforeConfirming_OpensOneDialogAndActsOnce()
    {
        var (dialogs, _) = RenderProviders();
        var cut = Render<ContainersPage>();
        var stop = cut.Find($"{SonarrRow} [data-testid=action-stop]");

        stop.Click();
        stop.Click();

        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-testid=confirm-ok]")));
        dialogs.Find("[data-testid=confirm-ok]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"{SonarrRow} [data-testid=action-result]")));
        Assert.Single(Executor.Executed);
        Assert.Empty(dialogs.FindAll("[data-testid=confirm-ok]"));
    }

    [Fact]
    public void Confirm_TimedOut_ShowsTheStillRunningMessageAsAWarning()
    {
        Executor.Result = new ActionResult(ActionOutcome.TimedOut, "still running after 60 s: the container ignored SIGTERM", TimeSpan.FromSeconds(60));
        var (dialogs, snackbars) = RenderProviders();
        var cut = Render<ContainersPage>();
        cut.Find($"{SonarrRow} [data-testid=action-stop]").Click();
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-testid=confirm-ok]")));

        dialogs.Find("[data-testid=confirm-ok]").Click();

        cut.WaitForAssertion(() =>
        {
            var result = cut.Find($"{SonarrRow} [data-testid=action-result]");
            Assert.Equal("still running after 60 s: the container ignored SIGTERM", result.TextContent);
            Assert.Contains("hl-result-timedout", result.ClassName, StringComparison.Ordinal);
        });
        snackbars.WaitForAssertion(() => Assert.Contains("mud-alert-filled-warning", snackbars.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void Confirm_Denied_ShowsWhyAndNeverReachesTheExecutor()
    {
        Authorizer.DenyWith = "the dashboard is read-only";
        var (dialogs, _) = RenderProviders();
        var cut = Render<ContainersPage>();
        cut.Find($"{SonarrRow} [data-testid=action-restart]").Click();
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-testid=confirm-ok]")));

        dialogs.Find("[data-testid=confirm-ok]").Click();

        cut.WaitForAssertion(() => Assert.Equal("not allowed: the dashboard is read-only", cut.Find($"{SonarrRow} [data-testid=action-result]").TextContent));
        Assert.Empty(Executor.Executed);
        Assert.Equal(ActionOutcome.Denied, Assert.Single(Audit.Records).Outcome);
    }
}
