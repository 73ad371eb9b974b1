using Homelab.Dashboard.Actions;
using Homelab.Dashboard.Adapters;
using Homelab.Dashboard.Configuration;
using Homelab.Domain.Actions;
using Homelab.Domain.Cluster;
using Homelab.Domain.Common;
using Homelab.Domain.Containers;
using Homelab.Domain.Live;
using Homelab.Domain.Ports;
using Homelab.Domain.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Homelab.Tests.Shared;

/// <summary>
/// The real dashboard on a loopback port, showing <see cref="TestSnapshots"/> through a driven live homelab that moves
/// a little every couple of seconds: for looking at pages in a browser (and taking screenshots) before the adapters
/// land. Actions "work" (containers and guests change state after a short delay) and logs stream canned lines.
/// </summary>
internal sealed class PreviewServer : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly CancellationTokenSource _cts = new();
    private readonly Task _loop;

    private PreviewServer(WebApplicationFactory<Program> factory, TestLiveHomelab live, Uri address)
    {
        _factory = factory;
        Live = live;
        Address = address;
        _loop = Task.Run(() => MoveAsync(_cts.Token));
    }

    public TestLiveHomelab Live { get; }

    public Uri Address { get; }

    public static PreviewServer Start(int port, bool proxmoxDown = false)
    {
        var live = new TestLiveHomelab { Current = TestSnapshots.Seed(DateTimeOffset.UtcNow) };
        if (proxmoxDown)
        {
            var now = DateTimeOffset.UtcNow;
            live.Current = live.Current with
            {
                Sources = [TestSnapshots.Down(TestSnapshots.ProxmoxSource(now), now), TestSnapshots.DockerSource(now)],
            };
        }

        var data = Directory.CreateTempSubdirectory("homelab-preview-").FullName;
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Homelab:Database:Path", Path.Combine(data, "homelab.db"));
            web.UseSetting("Homelab:Simulator:ProxmoxPort", "0");
            web.UseSetting("Homelab:Simulator:DockerPort", "0");
            web.UseSetting("Urls", $"http://127.0.0.1:{port}");
            web.ConfigureTestServices(services =>
            {
                services.AddSingleton<ILiveHomelab>(live);
                services.AddSingleton<ISourceAdapterFactory>(new PreviewAdapters());
                services.RemoveAll<IActionExecutor>();
                services.AddSingleton<IActionExecutor>(new PreviewExecutor(live));
                services.AddSingleton<IStartupFilter, HeapProbe>();
            });
        });
        factory.UseKestrel(port);
        factory.StartServer();
        return new PreviewServer(factory, live, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>Every 2 s: CPU wanders, sources report success, so freshness labels and gauges move.</summary>
    private async Task MoveAsync(CancellationToken cancellationToken)
    {
        var random = new Random(7);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var now = DateTimeOffset.UtcNow;
            var snapshot = Live.Current;
            var changes = new List<HomelabChange>();
            if (snapshot.Cluster is { } cluster && snapshot.FindSource(TestSnapshots.ProxmoxSourceId)?.Health != SourceHealth.Down)
            {
                changes.Add(new ClusterChanged(cluster with
                {
                    Nodes = [.. cluster.Nodes.Select(n => n with { Cpu = Math.Clamp((n.Cpu ?? 0.05) + ((random.NextDouble() - 0.5) * 0.02), 0.01, 0.9) })],
                    UpdatedAt = now,
                }));
                changes.Add(new SourceChanged(snapshot.FindSource(TestSnapshots.ProxmoxSourceId)!.WithSuccess(now, TimeSpan.FromMilliseconds(30 + random.Next(30)))));
            }

            changes.Add(new SourceChanged(snapshot.FindSource(TestSnapshots.DockerSourceId)!.WithSuccess(now, TimeSpan.FromMilliseconds(10 + random.Next(20)))));
            Live.Push([.. changes]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        await _factory.DisposeAsync();
        _cts.Dispose();
    }

    /// <summary>
    /// <c>GET /preview/heap</c>: the managed heap after a full collection, so a script can measure what each open page
    /// costs the server from outside the process (no browser automation objects in the heap).
    /// </summary>
    private sealed class HeapProbe : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/preview/heap", heap => heap.Run(async context =>
            {
                for (var i = 0; i < 3; i++)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                }

                await context.Response.WriteAsync(GC.GetTotalMemory(forceFullCollection: true).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }));
            next(app);
        };
    }

    /// <summary>Adapters that answer nothing but logs: the UI reads the driven live homelab instead.</summary>
    private sealed class PreviewAdapters : ISourceAdapterFactory
    {
        public IClusterSource CreateCluster(ProxmoxConnection connection) => new PreviewCluster();

        public IContainerSource CreateContainerHost(DockerConnection connection) => new PreviewContainers(connection.Name);
    }

    private sealed class PreviewCluster : IClusterSource
    {
        private static SourceError Offline => new(SourceErrorKind.Unreachable, "preview: no Proxmox adapter");

        public Task<SourceResult<ClusterSnapshot>> GetClusterAsync(CancellationToken cancellationToken) => Task.FromResult<SourceResult<ClusterSnapshot>>(Offline);

        public Task<SourceResult<NodeDetails>> GetNodeDetailsAsync(string node, CancellationToken cancellationToken) => Task.FromResult<SourceResult<NodeDetails>>(Offline);

        public Task<SourceResult<EquatableArray<NodeSample>>> GetNodeHistoryAsync(string node, CancellationToken cancellationToken) => Task.FromResult<SourceResult<EquatableArray<NodeSample>>>(Offline);

        public Task<SourceResult<GuestStatusReading>> GetGuestStatusAsync(GuestRef guest, CancellationToken cancellationToken) => Task.FromResult<SourceResult<GuestStatusReading>>(Offline);

        public Task<SourceResult<string>> StartPowerActionAsync(GuestRef guest, PowerAction action, CancellationToken cancellationToken) => Task.FromResult<SourceResult<string>>(Offline);

        public Task<SourceResult<ProxmoxTaskStatus>> GetTaskStatusAsync(string upid, CancellationToken cancellationToken) => Task.FromResult<SourceResult<ProxmoxTaskStatus>>(Offline);
    }

    private sealed class PreviewContainers(string host) : IContainerSource
    {
        private static SourceError Offline => new(SourceErrorKind.Unreachable, "preview: no Docker adapter");

        public string Host { get; } = host;

        public Task<SourceResult<EquatableArray<ContainerSummary>>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<SourceResult<EquatableArray<ContainerSummary>>>(Offline);

        public Task<SourceResult<ContainerDetails>> InspectAsync(string containerId, CancellationToken cancellationToken) => Task.FromResult<SourceResult<ContainerDetails>>(Offline);

        public Task<SourceResult<ContainerStatsSample>> GetStatsAsync(string containerId, CancellationToken cancellationToken) => Task.FromResult<SourceResult<ContainerStatsSample>>(Offline);

        public Task<SourceResult<ContainerCommandOutcome>> SendCommandAsync(string containerId, ContainerCommand command, CancellationToken cancellationToken) => Task.FromResult<SourceResult<ContainerCommandOutcome>>(Offline);

        public Task<SourceResult<IAsyncEnumerable<ContainerEvent>>> OpenEventsAsync(DateTimeOffset? since, CancellationToken cancellationToken) => Task.FromResult<SourceResult<IAsyncEnumerable<ContainerEvent>>>(Offline);

        public Task<SourceResult<IAsyncEnumerable<LogLine>>> OpenLogsAsync(string containerId, LogRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(SourceResult<IAsyncEnumerable<LogLine>>.Ok(LinesAsync(request, cancellationToken)));

        private static async IAsyncEnumerable<LogLine> LinesAsync(LogRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var start = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(10);
            var count = Math.Min(request.Tail ?? 200, 60);
            for (var i = 0; i < count; i++)
            {
                yield return i % 11 == 5
                    ? new LogLine(LogStream.Stderr, start.AddSeconds(i * 10), $"[warn] upstream indexer timed out after 30 s (attempt {i})")
                    : new LogLine(LogStream.Stdout, start.AddSeconds(i * 10), $"[info] \u001b[32mRSS sync\u001b[0m completed: {i % 7} new releases, {i % 3} grabbed");
            }

            var n = 0;
            while (request.Follow)
            {
                await Task.Delay(TimeSpan.FromSeconds(1.5), cancellationToken);
                yield return new LogLine(n % 4 == 3 ? LogStream.Stderr : LogStream.Stdout, DateTimeOffset.UtcNow, $"[info] heartbeat {++n}");
            }
        }
    }

    /// <summary>Makes actions visible: the target changes state after a short delay, and the result says so honestly.</summary>
    private sealed class PreviewExecutor(TestLiveHomelab live) : IActionExecutor
    {
        public bool CanExecute(HomelabAction action) => true;

        public async Task<ActionResult> ExecuteAsync(HomelabAction action, long started, DateTimeOffset deadline, CancellationToken cancellationToken)
        {
            var delay = TimeSpan.FromSeconds(3);
            await Task.Delay(delay, cancellationToken);
            switch (action)
            {
                case ContainerCommandRequest c when live.Current.FindHost(c.Host)?.Find(c.ContainerId) is { } container:
                    var running = c.Command != ContainerCommand.Stop;
                    live.Push(new ContainersChanged(c.Host, [container with
                    {
                        State = running ? ContainerState.Running : ContainerState.Exited,
                        StartedAt = running ? DateTimeOffset.UtcNow : container.StartedAt,
                        ExitCode = running ? null : 0,
                        Health = running ? container.Health : ContainerHealth.None,
                        CpuPercent = running ? 0.5 : null,
                        MemoryUsed = running ? container.MemoryUsed : null,
                        MemoryLimit = running ? container.MemoryLimit : null,
                    }], [], DateTimeOffset.UtcNow));
                    return new ActionResult(ActionOutcome.Succeeded, ActionMessages.Reached(c.Command.TargetStateWord(), delay), delay);
                case GuestPowerRequest g when live.Current.Cluster is { } cluster:
                    var target = g.Action.TargetStatus();
                    live.Push(new ClusterChanged(cluster with { Guests = [.. cluster.Guests.Select(x => x.VmId == g.Guest.VmId ? x with { Status = target } : x)] }));
                    return new ActionResult(ActionOutcome.Succeeded, ActionMessages.Reached(target.ToString().ToLowerInvariant(), delay), delay);
                default:
                    return new ActionResult(ActionOutcome.Failed, "preview: nothing to act on", delay);
            }
        }
    }
}
