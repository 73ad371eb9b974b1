using Homelab.Dashboard.Actions;
using Homelab.Dashboard.Adapters.QBittorrent;
using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Live;
using Homelab.Domain.Actions;
using Homelab.Domain.Downloads;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;
using Homelab.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Homelab.Tests.Integration;

/// <summary>
/// A wrong password against a real qBittorrent of its own (so no other test's address gets banned): a clear error,
/// and at most one failed login per back-off period. qBittorrent bans after 5; these tests cost it 3 in all.
/// </summary>
public sealed class RealQBittorrentLoginTests(RealQBittorrentFixture qbittorrent) : IClassFixture<RealQBittorrentFixture>
{
    /// <summary>What qBittorrent logs for each refused login.</summary>
    private const string LoginFailure = "WebAPI login failure";

    private const string Refused = "refused the username or password";

    private static readonly Actor s_tester = new("integration-test", ActionVia.Api, [HomelabRoles.Operator]);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dashboard_WrongPassword_ShowsTheRefusalAndLogsInOnceInTheBackOff()
    {
        var instance = qbittorrent.Instance;
        var before = await instance.CountLogLinesAsync(LoginFailure, Cancel);
        var wrong = "wrong-" + Guid.NewGuid().ToString("N")[..12];
        await using var app = new RealQBittorrentAppFactory(instance, wrong);
        await app.InitializeAsync();
        var live = app.Services.GetRequiredService<ILiveHomelab>();
        await HomelabAppFactory.WaitForAsync(() => live.Current.FindSource(SourceIds.QBittorrent)?.LastError is not null, TimeSpan.FromSeconds(15), "the qBittorrent source to fail");

        // Someone acting meanwhile (which also asks the collector for a refresh) must not cost another attempt.
        var action = await app.Services.GetRequiredService<ActionService>().ExecuteAsync(s_tester, TorrentCommandRequest.ForAll(TorrentCommand.Pause), Cancel);

        // Several polling intervals (500 ms each), all inside the five-minute back-off.
        await Task.Delay(TimeSpan.FromSeconds(3), Cancel);

        Assert.Equal(ActionOutcome.Failed, action.Outcome);
        Assert.Contains(Refused, action.Message, StringComparison.Ordinal);
        var status = live.Current.FindSource(SourceIds.QBittorrent)!;
        Assert.False(status.Simulated);
        Assert.Equal(SourceHealth.Down, status.Health);
        Assert.Equal(SourceErrorKind.Unauthorized, status.LastError!.Kind);
        Assert.Contains(Refused, status.LastError.Message, StringComparison.Ordinal);
        Assert.Contains("Homelab:QBittorrent:Username and Password", status.LastError.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, status.LastError.Message, StringComparison.Ordinal);
        Assert.Equal(1, status.ConsecutiveFailures);
        Assert.Equal(status.LastAttempt + BackoffPolicy.AuthenticationFailureDelay, status.RetryAt);
        Assert.Equal(before + 1, await instance.CountLogLinesAsync(LoginFailure, Cancel));
        Assert.Single(app.Logs.Entries, e => e.EventId.Id == 8002);
        Assert.Single(app.Logs.Entries, e => e.EventId.Id == 1001 && e.Text.Contains(SourceIds.QBittorrent, StringComparison.Ordinal));
        Assert.All(app.Logs.Messages, m => Assert.DoesNotContain(wrong, m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Adapter_WrongPasswordOverTwoBackOffPeriods_OneFailedLoginInEach()
    {
        var instance = qbittorrent.Instance;
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var connection = new QBittorrentConnection(instance.Url, RealQBittorrent.Username, "not-" + instance.Password, ApiKey: null, Simulated: false);
        using var client = (QBittorrentClient)QBittorrentAdapterFactory.Create(connection, new QBittorrentOptions(), NullLoggerFactory.Instance, time);
        var before = await instance.CountLogLinesAsync(LoginFailure, Cancel);

        for (var period = 1; period <= 2; period++)
        {
            for (var call = 0; call < 3; call++)
            {
                // The collector, a page and an action, all within one back-off period.
                Assert.Equal(SourceErrorKind.Unauthorized, (await client.GetMainDataAsync(0, Cancel)).Error?.Kind);
                Assert.Equal(SourceErrorKind.Unauthorized, (await client.GetTorrentsAsync(null, Cancel)).Error?.Kind);
                Assert.Equal(SourceErrorKind.Unauthorized, (await client.SendCommandAsync(TorrentCommand.Pause, [], deleteFiles: false, Cancel)).Error?.Kind);
                time.Advance(TimeSpan.FromMinutes(1));
            }

            Assert.Equal(before + period, await instance.CountLogLinesAsync(LoginFailure, Cancel));
            time.Advance(BackoffPolicy.AuthenticationFailureDelay - TimeSpan.FromMinutes(3));
        }
    }
}
