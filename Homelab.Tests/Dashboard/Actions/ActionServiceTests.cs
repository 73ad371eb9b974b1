using Homelab.Dashboard.Actions;
using Homelab.Domain.Actions;
using Homelab.Domain.Cluster;
using Homelab.Domain.Containers;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Actions;

public sealed class ActionServiceTests
{
    private static readonly Actor s_user = new("alice", ActionVia.Ui, [HomelabRoles.Operator]);
    private static readonly ContainerCommandRequest s_restartSonarr = new("docker-server", "sonarr-id", "sonarr", ContainerCommand.Restart);

    private static TestActionExecutor GatedExecutor() => new() { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };

    [Fact]
    public async Task Execute_Allowed_RunsOnceAndAudits()
    {
        var executor = new TestActionExecutor { Result = new ActionResult(ActionOutcome.Succeeded, "running after 3 s", TimeSpan.FromSeconds(3)) };
        var host = new ActionTestHost(_ => [executor]);

        var result = await host.Service.ExecuteAsync(s_user, s_restartSonarr, CancellationToken.None);

        Assert.Equal("running after 3 s", result.Message);
        var record = Assert.Single(host.Audit.Records);
        Assert.Equal("alice", record.Actor);
        Assert.Equal(ActionVia.Ui, record.Via);
        Assert.Equal("container.restart", record.Action);
        Assert.Equal("container sonarr on docker-server", record.Target);
        Assert.Equal(ActionOutcome.Succeeded, record.Outcome);
    }

    [Fact]
    public async Task Execute_ReadOnly_DeniedWithoutExecutingAndAudited()
    {
        var executor = new TestActionExecutor();
        var host = new ActionTestHost(_ => [executor], readOnly: true);

        var result = await host.Service.ExecuteAsync(s_user, s_restartSonarr, CancellationToken.None);

        Assert.Equal(ActionOutcome.Denied, result.Outcome);
        Assert.Contains("read-only", result.Message, StringComparison.Ordinal);
        Assert.Empty(executor.Executed);
        Assert.Equal(ActionOutcome.Denied, Assert.Single(host.Audit.Records).Outcome);
    }

    [Fact]
    public async Task Execute_DoubleClick_ActsOnce()
    {
        var executor = GatedExecutor();
        var host = new ActionTestHost(_ => [executor]);

        var first = host.Service.ExecuteAsync(s_user, s_restartSonarr, CancellationToken.None);
        var second = host.Service.ExecuteAsync(s_user, s_restartSonarr with { }, CancellationToken.None);
        await WaitForAsync(() => executor.Executed.Count == 1);
        Assert.True(host.Service.IsBusy(s_restartSonarr.TargetKey));
        executor.Gate!.SetResult();

        Assert.Same(await first, await second);
        Assert.Single(executor.Executed);
        Assert.Single(host.Audit.Records);
        Assert.False(host.Service.IsBusy(s_restartSonarr.TargetKey));
    }

    [Fact]
    public async Task Execute_DifferentActionsOnOneTarget_RunOneAfterTheOther()
    {
        var executor = GatedExecutor();
        var host = new ActionTestHost(_ => [executor]);
        var guest = new GuestRef("pve", GuestKind.Qemu, 103);

        var shutdown = host.Service.ExecuteAsync(s_user, new GuestPowerRequest(guest, "gaming-bazzite", PowerAction.Shutdown), CancellationToken.None);
        var start = host.Service.ExecuteAsync(s_user, new GuestPowerRequest(guest, "gaming-bazzite", PowerAction.Start), CancellationToken.None);
        await WaitForAsync(() => executor.Executed.Count == 1);
        await Task.Delay(50);
        Assert.Single(executor.Executed);
        executor.Gate!.SetResult();
        await Task.WhenAll(shutdown, start);

        Assert.Equal(2, executor.Executed.Count);
        Assert.Equal(1, executor.MaxConcurrent);
        Assert.Equal(2, host.Audit.Records.Count);
    }

    [Fact]
    public async Task Execute_CallerStopsWaiting_ActionStillFinishesAndIsAudited()
    {
        var executor = GatedExecutor();
        var host = new ActionTestHost(_ => [executor]);
        using var pageClosed = new CancellationTokenSource();

        var waiting = host.Service.ExecuteAsync(s_user, s_restartSonarr, pageClosed.Token);
        await WaitForAsync(() => executor.Executed.Count == 1);
        await pageClosed.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        executor.Gate!.SetResult();

        await WaitForAsync(() => host.Audit.Records.Count == 1);
        Assert.Equal(ActionOutcome.Succeeded, host.Audit.Records.Single().Outcome);
    }

    [Fact]
    public async Task Execute_AuditFails_ResultIsStillReturned()
    {
        var executor = new TestActionExecutor { Result = new ActionResult(ActionOutcome.Succeeded, "exited after 1 s", TimeSpan.FromSeconds(1)) };
        var host = new ActionTestHost(_ => [executor]);
        host.Audit.Fail = true;

        var result = await host.Service.ExecuteAsync(s_user, s_restartSonarr with { Command = ContainerCommand.Stop }, CancellationToken.None);

        Assert.Equal(ActionOutcome.Succeeded, result.Outcome);
    }

    [Fact]
    public async Task Execute_ExecutorThrows_ReportsFailureAndAudits()
    {
        var host = new ActionTestHost(_ => [new ThrowingExecutor()]);

        var result = await host.Service.ExecuteAsync(s_user, s_restartSonarr, CancellationToken.None);

        Assert.Equal(ActionOutcome.Failed, result.Outcome);
        Assert.Contains("boom", result.Message, StringComparison.Ordinal);
        Assert.Single(host.Audit.Records);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 5 s");
            await Task.Delay(10);
        }
    }

    private sealed class ThrowingExecutor : IActionExecutor
    {
        public bool CanExecute(HomelabAction action) => true;

        public Task<ActionResult> ExecuteAsync(HomelabAction action, long started, DateTimeOffset deadline, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom");
    }
}
