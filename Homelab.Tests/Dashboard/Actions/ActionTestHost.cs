using Homelab.Dashboard.Actions;
using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Live;
using Homelab.Domain.Actions;
using Homelab.Domain.Ports;
using Microsoft.Extensions.Hosting;
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
        Service = new ActionService(Authorizer, Audit, executors?.Invoke(this) ?? [], Time, new TestLifetime(), Microsoft.Extensions.Options.Options.Create(Options), NullLogger<ActionService>.Instance);
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

    private sealed class StaticOptionsMonitor(HomelabOptions value) : IOptionsMonitor<HomelabOptions>
    {
        public HomelabOptions CurrentValue => value;

        public HomelabOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<HomelabOptions, string?> listener) => null;
    }

    private sealed class TestLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}

/// <summary>Keeps audit records in memory; can be told to fail.</summary>
internal sealed class TestAuditLog : IAuditLog
{
    public List<AuditRecord> Records { get; } = [];

    public bool Fail { get; set; }

    public Task<AuditRecord> AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        if (Fail)
        {
            throw new IOException("disk full");
        }

        lock (Records)
        {
            Records.Add(record);
        }

        return Task.FromResult(record);
    }

    public Task<IReadOnlyList<AuditRecord>> RecentAsync(int take, CancellationToken cancellationToken)
    {
        lock (Records)
        {
            return Task.FromResult<IReadOnlyList<AuditRecord>>([.. Records.AsEnumerable().Reverse().Take(take)]);
        }
    }
}

/// <summary>An executor that waits for the test to release it and records concurrency.</summary>
internal sealed class TestExecutor : IActionExecutor
{
    private int _running;

    public TaskCompletionSource<ActionResult> Release { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Calls;

    public int MaxConcurrent;

    public bool CanExecute(HomelabAction action) => true;

    public async Task<ActionResult> ExecuteAsync(HomelabAction action, long started, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        var running = Interlocked.Increment(ref _running);
        InterlockedMax(ref MaxConcurrent, running);
        try
        {
            return await Release.Task;
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
