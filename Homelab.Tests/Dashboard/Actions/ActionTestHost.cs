using Homelab.Dashboard.Actions;
using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Live;
using Homelab.Domain.Ports;
using Homelab.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Homelab.Tests.Dashboard.Actions;

/// <summary>An <see cref="ActionService"/> wired to fakes, with a clock the test drives.</summary>
internal sealed class ActionTestHost
{
    public ActionTestHost(Func<ActionTestHost, IEnumerable<IActionExecutor>>? executors = null, bool readOnly = false)
    {
        Options.Actions.ReadOnly = readOnly;
        Authorizer = new DefaultActionAuthorizer(new StaticOptionsMonitor(Options));
        Service = new ActionService(Authorizer, Audit, executors?.Invoke(this) ?? [], Time, new TestHostLifetime(), Microsoft.Extensions.Options.Options.Create(Options), NullLogger<ActionService>.Instance);
    }

    public HomelabOptions Options { get; } = new();

    public FakeTimeProvider Time { get; } = new(Shared.TestData.Start);

    public TestAuditLog Audit { get; } = new();

    public SourceRegistry Sources { get; } = new();

    public IActionAuthorizer Authorizer { get; }

    public ActionService Service { get; }

    public IOptions<HomelabOptions> WrappedOptions => Microsoft.Extensions.Options.Options.Create(Options);

    /// <summary>Advances the fake clock a second at a time until <paramref name="task"/> finishes.</summary>
    public async Task<T> RunClockUntilAsync<T>(Task<T> task, int maxSeconds = 600)
    {
        for (var i = 0; i < maxSeconds * 4 && !task.IsCompleted; i++)
        {
            await Task.Delay(1);
            Time.Advance(TimeSpan.FromMilliseconds(250));
        }

        return await task.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
