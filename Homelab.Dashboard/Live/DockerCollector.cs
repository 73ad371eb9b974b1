using Homelab.Domain.Containers;
using Homelab.Domain.Ports;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Live;

/// <summary>
/// Keeps one Docker host's containers current: the list, inspect and stats every interval, and in between the
/// event stream, which triggers an immediate state-only refresh so a stop or crash shows up at once.
/// </summary>
internal sealed class DockerCollector : PollingCollector
{
    /// <summary>Events arriving within this window are handled with one refresh.</summary>
    private static readonly TimeSpan s_eventDebounce = TimeSpan.FromMilliseconds(50);

    private readonly IContainerSource _source;
    private readonly TimeSpan _interval;
    private readonly int _statsConcurrency;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly Dictionary<string, ContainerDetails> _details = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContainerSummary> _lastSummaries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContainerStatsSample> _lastStats = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double?> _cpu = new(StringComparer.Ordinal);

    public DockerCollector(
        IContainerSource source,
        TimeSpan interval,
        int statsConcurrency,
        LiveHomelabStore store,
        TimeProvider timeProvider,
        ILogger<DockerCollector> logger)
        : base(store, timeProvider, logger)
    {
        _source = source;
        _interval = interval;
        _statsConcurrency = statsConcurrency;
        SourceId = SourceIds.Docker(source.Host);
    }

    public override string SourceId { get; }

    protected override TimeSpan Interval => _interval;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var events = Task.Run(() => WatchEventsAsync(stoppingToken), stoppingToken);
        try
        {
            await base.ExecuteAsync(stoppingToken);
        }
        finally
        {
            await Task.WhenAny(events);
        }
    }

    protected override Task<SourceError?> PollOnceAsync(CancellationToken cancellationToken) => RefreshAsync(withStats: true, cancellationToken);

    /// <summary>
    /// Lists containers, inspects those whose state moved, optionally reads stats, and publishes the merged rows.
    /// Serialised, because the event path and the timer path share the caches.
    /// </summary>
    internal async Task<SourceError?> RefreshAsync(bool withStats, CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            var list = await _source.ListAsync(cancellationToken);
            if (!list.IsSuccess)
            {
                return list.Error;
            }

            var summaries = list.Value;
            await InspectChangedAsync(summaries, cancellationToken);
            if (withStats)
            {
                await ReadStatsAsync(summaries.Where(s => s.State == ContainerState.Running), cancellationToken);
            }

            var ids = summaries.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            Forget(ids);
            var containers = summaries
                .Select(s => ContainerAssembler.Assemble(
                    _source.Host,
                    s,
                    _details.GetValueOrDefault(s.Id),
                    _lastStats.GetValueOrDefault(s.Id),
                    _cpu.GetValueOrDefault(s.Id)))
                .ToList();
            Store.SetContainers(_source.Host, containers, TimeProvider.GetUtcNow());
            return null;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private async Task InspectChangedAsync(IReadOnlyList<ContainerSummary> summaries, CancellationToken cancellationToken)
    {
        // Inspect is the only source of restart count, exit code and health detail; it is needed when a row is new
        // or its state or status text moved since we last looked.
        var changed = summaries
            .Where(s => !_details.ContainsKey(s.Id)
                || !_lastSummaries.TryGetValue(s.Id, out var last)
                || last.State != s.State
                || last.StatusText != s.StatusText)
            .ToList();
        using var throttle = new SemaphoreSlim(_statsConcurrency);
        await Task.WhenAll(changed.Select(async s =>
        {
            await throttle.WaitAsync(cancellationToken);
            try
            {
                var details = await _source.InspectAsync(s.Id, cancellationToken);
                lock (_details)
                {
                    if (details.IsSuccess)
                    {
                        _details[s.Id] = details.Value;
                    }
                    else
                    {
                        CollectorLog.InspectFailed(Logger, s.Name, _source.Host, details.Error.ToString());
                    }
                }
            }
            finally
            {
                throttle.Release();
            }
        }));

        foreach (var summary in summaries)
        {
            _lastSummaries[summary.Id] = summary;
        }
    }

    private async Task ReadStatsAsync(IEnumerable<ContainerSummary> running, CancellationToken cancellationToken)
    {
        using var throttle = new SemaphoreSlim(_statsConcurrency);
        await Task.WhenAll(running.Select(async s =>
        {
            await throttle.WaitAsync(cancellationToken);
            try
            {
                var stats = await _source.GetStatsAsync(s.Id, cancellationToken);
                if (!stats.IsSuccess)
                {
                    return;
                }

                lock (_lastStats)
                {
                    // Our previous reading is the baseline; Docker's own pre-sample is empty in one-shot mode.
                    var previous = _lastStats.GetValueOrDefault(s.Id);
                    _cpu[s.Id] = DockerStatsMath.CpuPercent(stats.Value, previous) ?? _cpu.GetValueOrDefault(s.Id);
                    _lastStats[s.Id] = stats.Value;
                }
            }
            finally
            {
                throttle.Release();
            }
        }));
    }

    private void Forget(HashSet<string> present)
    {
        foreach (var gone in _lastSummaries.Keys.Where(id => !present.Contains(id)).ToList())
        {
            _lastSummaries.Remove(gone);
            _details.Remove(gone);
            _lastStats.Remove(gone);
            _cpu.Remove(gone);
        }
    }

    private async Task WatchEventsAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset? since = null;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            string reason;
            var opened = await _source.OpenEventsAsync(since ?? TimeProvider.GetUtcNow(), stoppingToken);
            if (opened.IsSuccess)
            {
                try
                {
                    await foreach (var batch in DebounceAsync(opened.Value, stoppingToken))
                    {
                        failures = 0;
                        since = batch[^1].Time;
                        if (batch.Any(e => e.ChangesState))
                        {
                            await RefreshAsync(withStats: false, stoppingToken);
                        }
                    }

                    reason = "stream ended";
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // A broken stream is normal (daemon restart, proxy timeout); reconnect and catch up.
                    reason = ex.Message;
                }
            }
            else
            {
                reason = opened.Error.ToString();
            }

            failures++;
            var delay = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(failures, 5)) / 2));
            CollectorLog.EventsDisconnected(Logger, _source.Host, reason, delay);

            // A dropped stream may have hidden changes; the next list read catches up.
            RequestRefresh();
            try
            {
                await Task.Delay(delay, TimeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Groups events that arrive close together, so a burst (die, stop, health) costs one refresh.</summary>
    private async IAsyncEnumerable<List<ContainerEvent>> DebounceAsync(
        IAsyncEnumerable<ContainerEvent> events,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = System.Threading.Channels.Channel.CreateUnbounded<ContainerEvent>();
        var pump = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in events.WithCancellation(cancellationToken))
                {
                    channel.Writer.TryWrite(e);
                }

                channel.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                channel.Writer.TryComplete(ex);
            }
        }, cancellationToken);

        var reader = channel.Reader;
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            await Task.Delay(s_eventDebounce, TimeProvider, cancellationToken);
            var batch = new List<ContainerEvent>();
            while (reader.TryRead(out var e))
            {
                batch.Add(e);
            }

            if (batch.Count > 0)
            {
                yield return batch;
            }
        }

        await pump;
    }

    public override void Dispose()
    {
        _refreshGate.Dispose();
        base.Dispose();
    }
}
