using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;

namespace Homelab.Dashboard.Simulator.State;

internal sealed partial class SimulatedHomelab
{
    /// <summary>CPUs of LXC 200 as its containers see them.</summary>
    internal const int DockerHostCpus = 12;

    /// <summary>Memory of LXC 200: the limit a container without its own limit reports.</summary>
    internal const long DockerHostMemory = 24L << 30;

    // Enough for the log drawer's 200-line tail and then some; bounded so a demo left running for days does not grow.
    private const int MaxLogLines = 500;
    private const int MaxEvents = 2_000;

    private readonly List<SimContainer> _containers;
    private readonly List<SimDockerEvent> _events = [];
    private ImmutableList<Channel<SimDockerEvent>> _eventSubscribers = [];
    private ImmutableDictionary<string, ImmutableList<Channel<SimLogEntry>>> _logSubscribers = ImmutableDictionary<string, ImmutableList<Channel<SimLogEntry>>>.Empty;

    /// <summary>False while LXC 200 (which runs Docker) is not running: the Docker API is then unreachable.</summary>
    public bool DockerHostUp
    {
        get
        {
            lock (_gate)
            {
                ProcessDueLocked(_time.GetUtcNow());
                return FindGuest(SimulatorTopology.DockerHostVmId)?.Running == true;
            }
        }
    }

    public IReadOnlyList<SimContainerView> ListContainers() => Advance(now => (IReadOnlyList<SimContainerView>)[.. _containers.Select(c => ContainerView(c, now))]);

    /// <summary>Finds a container by full id, unique id prefix or name (with or without the leading slash), as Docker does.</summary>
    public SimContainerView? FindContainer(string idOrName) => Advance(now => Resolve(idOrName) is { } c ? ContainerView(c, now) : null);

    public SimStatsView? ReadStats(string idOrName) => Advance(now =>
    {
        if (Resolve(idOrName) is not { } c)
        {
            return null;
        }

        var running = c.State == "running";
        var cpu = c.CpuNanos + (running ? (ulong)(c.CpuFraction * (now - _lastTick).TotalSeconds * 1e9) : 0);
        var system = (ulong)((now - DockerHostBootedLocked()).TotalSeconds * 1e9 * DockerHostCpus);
        return running
            ? new SimStatsView(now, cpu, system, DockerHostCpus, c.MemoryUsage, DockerHostMemory, c.InactiveFile, c.RxBytes, c.TxBytes, 4 + c.Seed.Name.Length % 40)
            : new SimStatsView(now, 0, system, 0, 0, 0, 0, 0, 0, 0);
    });

    /// <summary>
    /// When the host's CPU time (<c>system_cpu_usage</c>) started counting: the boot of the node that runs LXC 200.
    /// Counting from the unix epoch would overflow a ulong of nanoseconds times 12 CPUs and pin it at its maximum.
    /// </summary>
    private DateTimeOffset DockerHostBootedLocked()
    {
        var node = FindGuest(SimulatorTopology.DockerHostVmId)?.Node;
        return _nodes.FirstOrDefault(n => n.Seed.Name == node)?.BootedAt ?? _lastTick - TimeSpan.FromDays(1);
    }

    /// <summary>Log lines from <paramref name="since"/> (exclusive), the last <paramref name="tail"/> of them when given.</summary>
    public IReadOnlyList<SimLogEntry>? ReadLogs(string idOrName, DateTimeOffset? since, DateTimeOffset? until, int? tail) => Advance(_ =>
    {
        if (Resolve(idOrName) is not { } c)
        {
            return null;
        }

        IEnumerable<SimLogEntry> lines = c.Logs;
        if (since is { } from)
        {
            lines = lines.Where(l => l.Time > from);
        }

        if (until is { } to)
        {
            lines = lines.Where(l => l.Time <= to);
        }

        var list = lines.ToList();
        return (IReadOnlyList<SimLogEntry>)(tail is { } n && n < list.Count ? list[^n..] : list);
    });

    /// <summary>New log lines of a container as they are written; dispose by cancelling <paramref name="cancellationToken"/>.</summary>
    public ChannelReader<SimLogEntry>? FollowLogs(string idOrName, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<SimLogEntry>(new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
        string id;
        lock (_gate)
        {
            if (Resolve(idOrName) is not { } c)
            {
                return null;
            }

            id = c.Id;
            _logSubscribers = _logSubscribers.SetItem(id, _logSubscribers.GetValueOrDefault(id, []).Add(channel));
        }

        cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                if (_logSubscribers.TryGetValue(id, out var list))
                {
                    _logSubscribers = _logSubscribers.SetItem(id, list.Remove(channel));
                }
            }

            channel.Writer.TryComplete();
        });
        return channel.Reader;
    }

    /// <summary>Events between <paramref name="since"/> and <paramref name="until"/> (unix seconds, inclusive as Docker treats them).</summary>
    public IReadOnlyList<SimDockerEvent> ReadEvents(DateTimeOffset since, DateTimeOffset? until) => Advance(_ =>
    {
        var from = since.ToUnixTimeSeconds();
        var to = until?.ToUnixTimeSeconds() ?? long.MaxValue;
        return (IReadOnlyList<SimDockerEvent>)[.. _events.Where(e => e.Time >= from && e.Time <= to)];
    });

    /// <summary>Events as they happen; cancel <paramref name="cancellationToken"/> to stop.</summary>
    public ChannelReader<SimDockerEvent> SubscribeEvents(CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<SimDockerEvent>(new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
        lock (_gate)
        {
            _eventSubscribers = _eventSubscribers.Add(channel);
        }

        cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                _eventSubscribers = _eventSubscribers.Remove(channel);
            }

            channel.Writer.TryComplete();
        });
        return channel.Reader;
    }

    /// <summary>Stops a container like <c>POST /containers/{id}/stop</c>: answers when it has exited (204), or 304 if it was not running.</summary>
    public Task<SimCommandResult> StopContainerAsync(string idOrName, int? timeoutSeconds, CancellationToken cancellationToken) =>
        RunCommandAsync(idOrName, async c =>
        {
            if (!IsRunningLike(c))
            {
                return new SimCommandResult(304);
            }

            await StopLockedFlowAsync(c, timeoutSeconds, cancellationToken);
            return new SimCommandResult(204);
        }, cancellationToken);

    /// <summary>Starts a container like <c>POST /containers/{id}/start</c>: 204 when running, 304 if it already was.</summary>
    public Task<SimCommandResult> StartContainerAsync(string idOrName, CancellationToken cancellationToken) =>
        RunCommandAsync(idOrName, async c =>
        {
            lock (_gate)
            {
                if (c.State == "running")
                {
                    return new SimCommandResult(304);
                }
            }

            await Task.Delay(StartupDelay(c), _time, cancellationToken);
            lock (_gate)
            {
                StartLocked(c, _time.GetUtcNow(), byUser: true);
            }

            return new SimCommandResult(204);
        }, cancellationToken);

    /// <summary>Restarts like <c>POST /containers/{id}/restart</c>: stop (if running), then start; 204 when running again.</summary>
    public Task<SimCommandResult> RestartContainerAsync(string idOrName, int? timeoutSeconds, CancellationToken cancellationToken) =>
        RunCommandAsync(idOrName, async c =>
        {
            if (IsRunningLike(c))
            {
                await StopLockedFlowAsync(c, timeoutSeconds, cancellationToken);
            }

            await Task.Delay(StartupDelay(c), _time, cancellationToken);
            lock (_gate)
            {
                StartLocked(c, _time.GetUtcNow(), byUser: true);
                EmitLocked("restart", c, _time.GetUtcNow());
            }

            return new SimCommandResult(204);
        }, cancellationToken);

    private async Task<SimCommandResult> RunCommandAsync(string idOrName, Func<SimContainer, Task<SimCommandResult>> command, CancellationToken cancellationToken)
    {
        SimContainer? container;
        lock (_gate)
        {
            ProcessDueLocked(_time.GetUtcNow());
            container = Resolve(idOrName);
        }

        if (container is null)
        {
            return new SimCommandResult(404, $"No such container: {idOrName}");
        }

        await container.Operation.WaitAsync(cancellationToken);
        try
        {
            return await command(container);
        }
        finally
        {
            container.Operation.Release();
        }
    }

    private bool IsRunningLike(SimContainer c)
    {
        lock (_gate)
        {
            return c.State is "running" or "restarting" or "paused";
        }
    }

    private async Task StopLockedFlowAsync(SimContainer c, int? timeoutSeconds, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            c.StoppedByUser = true;
            EmitLocked("kill", c, _time.GetUtcNow(), ("signal", "15"));
        }

        // Most services exit cleanly well within the grace period; a few take their time.
        var grace = timeoutSeconds ?? 10;
        var takes = 0.4 + c.Seed.Name.Length % 5 * 0.35;
        var killed = takes > grace;
        await Task.Delay(Scaled(Math.Min(takes, grace)), _time, cancellationToken);
        lock (_gate)
        {
            if (c.State is "running" or "restarting" or "paused")
            {
                ExitLocked(c, _time.GetUtcNow(), killed ? 137 : 0);
                EmitLocked("stop", c, _time.GetUtcNow());
            }
        }
    }

    private TimeSpan StartupDelay(SimContainer c) => Scaled(0.2 + c.Seed.MemoryMiB / 4000);

    private void StartLocked(SimContainer c, DateTimeOffset now, bool byUser)
    {
        if (byUser)
        {
            c.StoppedByUser = false;
        }

        c.State = "running";
        c.StartedAt = now;
        c.Pid = NextPid();
        c.ExitCode = 0;
        c.RestartsAt = null;
        c.CpuFraction = c.Seed.BaseCpu * 3 + 0.02;
        c.MemoryUsage = (long)(c.Seed.MemoryMiB * 0.7 * (1 << 20)) + (4 << 20);
        if (c.Seed.HealthCheck)
        {
            c.Health = "starting";
            c.FailingStreak = 0;
            c.HealthyAt = now + Scaled(4 + _random.NextDouble() * 6);
        }

        c.DiesAt = c.Seed.Behaviour == ContainerBehaviour.CrashLoop ? now + Scaled(5) : null;
        AppendLogLocked(c, now, 1, SimLogText.Startup(c.Seed));
        c.NextLogAt = now + Scaled(1 + _random.NextDouble() * 4);
        EmitLocked("start", c, now);
    }

    private void ExitLocked(SimContainer c, DateTimeOffset now, int exitCode)
    {
        c.State = "exited";
        c.FinishedAt = now;
        c.ExitCode = exitCode;
        c.Pid = 0;
        c.Health = c.Seed.HealthCheck ? "unhealthy" : null;
        c.HealthyAt = null;
        c.DiesAt = null;
        c.CpuFraction = 0;
        c.MemoryUsage = 0;
        EmitLocked("die", c, now, ("exitCode", exitCode.ToString(CultureInfo.InvariantCulture)));
    }

    private SimContainer CreateContainer(ContainerSeed seed, DateTimeOffset now)
    {
        var id = Hex(SHA256.HashData(Encoding.UTF8.GetBytes("container/" + seed.Name)));
        var created = now - TimeSpan.FromDays(12 + seed.Name.Length % 9 * 3.7);
        var c = new SimContainer
        {
            Seed = seed,
            Id = id,
            ImageId = "sha256:" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes("image/" + seed.Image))),
            Created = created,
        };

        var startedAt = now - TimeSpan.FromHours(3 + seed.Name.Length * 11.3 % 200);
        switch (seed.Behaviour)
        {
            case ContainerBehaviour.Batch:
                c.State = "exited";
                c.StartedAt = now - TimeSpan.FromHours(4.2);
                c.FinishedAt = now - TimeSpan.FromHours(3.1);
                c.ExitCode = 0;
                break;
            case ContainerBehaviour.CrashLoop:
                c.State = "running";
                c.StartedAt = now - TimeSpan.FromSeconds(2);
                c.FinishedAt = now - TimeSpan.FromSeconds(5);
                c.RestartCount = 27;
                c.DiesAt = now + Scaled(3);
                c.Pid = NextPid();
                break;
            default:
                c.State = "running";
                c.StartedAt = startedAt;
                c.FinishedAt = startedAt - TimeSpan.FromSeconds(4);
                c.Pid = NextPid();
                break;
        }

        if (seed.HealthCheck && c.State == "running")
        {
            c.Health = seed.Behaviour == ContainerBehaviour.Unhealthy ? "unhealthy" : "healthy";
            c.FailingStreak = seed.Behaviour == ContainerBehaviour.Unhealthy ? 14 : 0;
        }

        if (c.State == "running")
        {
            c.CpuFraction = seed.BaseCpu;
            c.MemoryUsage = (long)(seed.MemoryMiB * (1 << 20));
            c.InactiveFile = c.MemoryUsage / 9;
            c.CpuNanos = (ulong)((now - startedAt).TotalSeconds * seed.BaseCpu * 1e9);
            c.RxBytes = (long)((now - startedAt).TotalSeconds * 3_000);
            c.TxBytes = c.RxBytes / 2;
        }

        // A backlog of output so "logs --tail" has something to show at once.
        var lines = 40;
        for (var i = lines; i > 0; i--)
        {
            var at = (c.State == "running" ? now : c.FinishedAt ?? now) - TimeSpan.FromSeconds(i * 37);
            c.Logs.Add(new SimLogEntry(at, 1, SimLogText.Routine(seed, _random)));
        }

        if (seed.Behaviour == ContainerBehaviour.CrashLoop)
        {
            c.Logs.Add(new SimLogEntry(now - TimeSpan.FromSeconds(5), 2, SimLogText.Crash(seed)));
        }

        if (SimLogText.LogsPromptInjection(seed))
        {
            // Recent enough to be in any tail the agent asks for; drawing no random number keeps the rest of the seeded state as it was.
            c.Logs.Insert(c.Logs.Count - 3, new SimLogEntry(c.Logs[^3].Time - TimeSpan.FromSeconds(11), 1, SimLogText.PromptInjection));
        }

        c.NextLogAt = now + Scaled(_random.NextDouble() * 10);
        return c;
    }

    private void UpdateContainerDynamics(TimeSpan elapsed, DateTimeOffset now)
    {
        var seconds = elapsed.TotalSeconds;
        foreach (var c in _containers)
        {
            if (c.State != "running")
            {
                continue;
            }

            c.CpuNanos += (ulong)(c.CpuFraction * seconds * 1e9);
            var burst = _random.NextDouble() < 0.03 ? 6 : 1;
            c.CpuFraction = Wander(c.CpuFraction, c.Seed.BaseCpu * burst, c.Seed.BaseCpu * 0.3 + 0.001, 0.0005, DockerHostCpus);
            var memoryTarget = c.Seed.MemoryMiB * (1 << 20);
            c.MemoryUsage = (long)Wander(c.MemoryUsage, memoryTarget, memoryTarget * 0.01 + 100_000, 2 << 20, DockerHostMemory / 2);
            c.InactiveFile = c.MemoryUsage / 9;
            c.RxBytes += (long)(seconds * (1_000 + c.CpuFraction * 2_000_000));
            c.TxBytes += (long)(seconds * (500 + c.CpuFraction * 800_000));
            if (now >= c.NextLogAt)
            {
                var unhealthy = c.Seed.Behaviour == ContainerBehaviour.Unhealthy;
                AppendLogLocked(c, now, unhealthy && _random.NextDouble() < 0.5 ? 2 : 1, unhealthy ? SimLogText.Unhealthy(c.Seed, _random) : SimLogText.Routine(c.Seed, _random));
                // Scaled like every other simulated duration, so a test following a log sees a line within a tick.
                c.NextLogAt = now + Scaled(2 + _random.NextDouble() * 18);
            }
        }
    }

    private void ProcessContainersLocked(DateTimeOffset now)
    {
        foreach (var c in _containers)
        {
            if (c.State == "running" && c.DiesAt is { } dies && dies <= now)
            {
                AppendLogLocked(c, dies, 2, SimLogText.Crash(c.Seed));
                ExitLocked(c, dies, 1);
                if (!c.StoppedByUser)
                {
                    c.State = "restarting";
                    c.RestartsAt = dies + Scaled(3);
                }
            }

            if (c.State == "restarting" && c.RestartsAt is { } restarts && restarts <= now)
            {
                c.RestartCount++;
                StartLocked(c, restarts, byUser: false);
            }

            if (c.State == "running" && c.HealthyAt is { } healthyAt && healthyAt <= now)
            {
                c.HealthyAt = null;
                var next = c.Seed.Behaviour == ContainerBehaviour.Unhealthy ? "unhealthy" : "healthy";
                c.FailingStreak = next == "unhealthy" ? 3 : 0;
                if (c.Health != next)
                {
                    c.Health = next;
                    EmitLocked($"health_status: {next}", c, healthyAt);
                }
            }
        }
    }

    /// <summary>LXC 200 went down: every container stops with it.</summary>
    private void DockerHostHaltedLocked(DateTimeOffset at)
    {
        foreach (var c in _containers.Where(c => c.State is "running" or "restarting" or "paused"))
        {
            ExitLocked(c, at, 0);
        }
    }

    /// <summary>LXC 200 came back: containers with a restart policy start again, except those a person stopped.</summary>
    private void DockerHostBootedLocked(DateTimeOffset at)
    {
        foreach (var c in _containers.Where(c => c.State == "exited" && !c.StoppedByUser && c.Seed.Behaviour != ContainerBehaviour.Batch))
        {
            StartLocked(c, at + Scaled(3), byUser: false);
        }
    }

    private SimContainer? Resolve(string idOrName)
    {
        var key = idOrName.TrimStart('/');
        if (key.Length == 0)
        {
            return null;
        }

        var exact = _containers.FirstOrDefault(c => c.Id == key) ?? _containers.FirstOrDefault(c => c.Seed.Name == key);
        if (exact is not null)
        {
            return exact;
        }

        var byPrefix = _containers.Where(c => c.Id.StartsWith(key, StringComparison.Ordinal)).Take(2).ToList();
        return byPrefix.Count == 1 ? byPrefix[0] : null;
    }

    private void AppendLogLocked(SimContainer c, DateTimeOffset at, int stream, string text)
    {
        var entry = new SimLogEntry(at, stream, text);
        c.Logs.Add(entry);
        if (c.Logs.Count > MaxLogLines)
        {
            c.Logs.RemoveRange(0, c.Logs.Count - MaxLogLines);
        }

        if (_logSubscribers.TryGetValue(c.Id, out var subscribers))
        {
            foreach (var subscriber in subscribers)
            {
                subscriber.Writer.TryWrite(entry);
            }
        }
    }

    private void EmitLocked(string action, SimContainer c, DateTimeOffset at, params (string Key, string Value)[] extra)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = c.Seed.Name,
            ["image"] = c.Seed.Image,
        };
        foreach (var (key, value) in Labels(c.Seed))
        {
            attributes[key] = value;
        }

        foreach (var (key, value) in extra)
        {
            attributes[key] = value;
        }

        // Keep event times strictly increasing, as the daemon's are.
        var nano = (at - DateTimeOffset.UnixEpoch).Ticks * 100;
        if (_events.Count > 0 && nano <= _events[^1].TimeNano)
        {
            nano = _events[^1].TimeNano + 1;
        }

        var e = new SimDockerEvent(action, c.Id, c.Seed.Name, c.Seed.Image, attributes, nano);
        _events.Add(e);
        if (_events.Count > MaxEvents)
        {
            _events.RemoveRange(0, _events.Count - MaxEvents);
        }

        foreach (var subscriber in _eventSubscribers)
        {
            subscriber.Writer.TryWrite(e);
        }
    }

    private static SimContainerView ContainerView(SimContainer c, DateTimeOffset now) => new(
        c.Id,
        c.Seed.Name,
        c.Seed.Image,
        c.ImageId,
        SimLogText.Command(c.Seed),
        c.Created,
        c.State,
        StatusText(c, now),
        c.Health,
        c.FailingStreak,
        HealthLog(c, now),
        c.StartedAt,
        c.FinishedAt,
        c.ExitCode,
        c.RestartCount,
        c.Pid,
        Tty: false,
        RestartPolicy: c.Seed.Behaviour == ContainerBehaviour.Batch ? "no" : "unless-stopped",
        NetworkMode: c.Seed.Name is "qbittorrent" or "librarr" or "gamarr" ? "container:gluetun" : null,
        Ports(c.Seed),
        Labels(c.Seed),
        MemoryLimit: 0);

    /// <summary>Docker's status text: "Up 3 hours (healthy)", "Exited (0) 2 hours ago", "Restarting (1) 2 seconds ago".</summary>
    internal static string StatusText(SimContainer c, DateTimeOffset now) => c.State switch
    {
        "running" => $"Up {HumanDuration.Format(now - (c.StartedAt ?? now))}{HealthSuffix(c.Health)}",
        "paused" => $"Up {HumanDuration.Format(now - (c.StartedAt ?? now))} (Paused)",
        "restarting" => $"Restarting ({c.ExitCode}) {HumanDuration.Format(now - (c.FinishedAt ?? now))} ago",
        "exited" => $"Exited ({c.ExitCode}) {HumanDuration.Format(now - (c.FinishedAt ?? now))} ago",
        "created" => "Created",
        "dead" => "Dead",
        _ => c.State,
    };

    private static string HealthSuffix(string? health) => health switch
    {
        "healthy" => " (healthy)",
        "unhealthy" => " (unhealthy)",
        "starting" => " (health: starting)",
        _ => "",
    };

    private static List<SimHealthLogEntry> HealthLog(SimContainer c, DateTimeOffset now)
    {
        if (c.Health is null || c.State != "running")
        {
            return [];
        }

        var failing = c.Health == "unhealthy";
        return [.. Enumerable.Range(0, 5).Reverse().Select(i =>
        {
            var start = now - TimeSpan.FromSeconds(30 * i + 3);
            return new SimHealthLogEntry(start, start + TimeSpan.FromMilliseconds(180), failing ? 1 : 0, failing ? SimLogText.HealthFailure(c.Seed) : "");
        })];
    }

    private static List<SimPortView> Ports(ContainerSeed seed)
    {
        var ports = new List<SimPortView>();
        foreach (var spec in seed.Ports.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (mapping, type) = spec.Split('/') is [var m, var t] ? (m, t) : (spec, "tcp");
            var parts = mapping.Split(':');
            var published = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var exposed = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : published;
            ports.Add(new SimPortView(exposed, published, type));
        }

        return ports;
    }

    private static Dictionary<string, string> Labels(ContainerSeed seed) => new(StringComparer.Ordinal)
    {
        ["com.docker.compose.project"] = seed.Project,
        ["com.docker.compose.service"] = seed.Name,
        ["com.docker.compose.project.working_dir"] = $"/opt/docker/{seed.Project}",
        ["com.docker.compose.oneoff"] = "False",
    };

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
