using Homelab.Dashboard.Configuration;
using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Simulator.State;

/// <summary>
/// The simulated seed homelab: a 3-node Proxmox cluster and the Docker host inside LXC 200, with numbers that move
/// the way real ones do. The wire endpoints (Proxmox API, Docker Engine API) read and change it; nothing else does,
/// so the dashboard sees it exactly as it would see a real homelab.
/// </summary>
/// <remarks>
/// Thread-safe: all state sits behind one lock. Time comes from <see cref="TimeProvider"/>; transitions that are due
/// (a task finishing, a crash-looping container dying) are applied whenever the state is read or the clock ticks.
/// </remarks>
internal sealed partial class SimulatedHomelab
{
    /// <summary>Proxmox keeps RRD points at one-minute steps for the hour view.</summary>
    internal static readonly TimeSpan RrdStep = TimeSpan.FromMinutes(1);

    private const int RrdPoints = 70;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly SimulatorOptions _options;
    private readonly List<SimNode> _nodes;
    private readonly List<SimGuest> _guests;
    private readonly List<SimStorage> _storage;
    private DateTimeOffset _lastTick;
    private DateTimeOffset _lastRrd;
    private int _nextPid = 180_000;

    public SimulatedHomelab(IOptions<HomelabOptions> options, TimeProvider time)
    {
        _options = options.Value.Simulator;
        _time = time;
        _random = new Random(_options.Seed);
        var now = time.GetUtcNow();
        _lastTick = now;
        _nodes = [.. SimulatorTopology.Nodes.Select(seed => new SimNode(seed) { BootedAt = now - TimeSpan.FromDays(9 + seed.NodeId * 4.3) })];
        _guests = [.. SimulatorTopology.Guests.Select(seed => CreateGuest(seed, now))];
        _storage = [.. SimulatorTopology.Storage.Select(seed => new SimStorage(seed))];
        _containers = [.. SimulatorTopology.Containers.Select(seed => CreateContainer(seed, now))];
        SeedTorrents(now);
        UpdateClusterDynamics(TimeSpan.FromSeconds(1), now);
        foreach (var node in _nodes)
        {
            // A node that has been up for days has settled: all three load averages agree with its CPU.
            Array.Fill(node.Load, node.Cpu * node.Seed.Threads);
        }

        SeedHistory(now);
    }

    /// <summary>The simulator's clock.</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Scales simulated durations (power actions, container stops) for tests.</summary>
    internal TimeSpan Scaled(double seconds) => TimeSpan.FromSeconds(seconds * _options.DelayScale);

    /// <summary>Ticks the simulation once a second until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Tick();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Moves the numbers and applies due transitions up to now.</summary>
    public void Tick()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var elapsed = now - _lastTick;
            if (elapsed <= TimeSpan.Zero)
            {
                return;
            }

            _lastTick = now;
            ProcessDueLocked(now);
            UpdateClusterDynamics(elapsed, now);
            UpdateContainerDynamics(elapsed, now);
            UpdateTorrentDynamics(elapsed, now);
            while (now - _lastRrd >= RrdStep)
            {
                _lastRrd += RrdStep;
                AppendRrdLocked(_lastRrd);
            }
        }
    }

    private SimGuest CreateGuest(GuestSeed seed, DateTimeOffset now)
    {
        var guest = new SimGuest(seed);
        if (seed.Running)
        {
            guest.StartedAt = now - TimeSpan.FromHours(20 + seed.VmId % 7 * 31.5);
            guest.Pid = NextPid();
            guest.Memory = (long)(seed.MaxMemory * seed.MemoryFraction);
            guest.Cpu = seed.BaseCpu;
        }

        // Counters that have been running since boot, so a first read looks lived-in.
        guest.NetIn = seed.Running ? (long)(seed.VmId * 7_345_678_901L % 900_000_000_000) : 0;
        guest.NetOut = guest.NetIn / 3;
        guest.DiskRead = guest.NetIn / 2;
        guest.DiskWrite = guest.NetIn / 5;
        return guest;
    }

    private int NextPid() => Interlocked.Add(ref _nextPid, 1 + _random.Next(40));

    /// <summary>Mean-reverting random walk: drifts toward <paramref name="target"/> with noise, kept within bounds.</summary>
    private double Wander(double value, double target, double noise, double min, double max) =>
        Math.Clamp(value + (target - value) * 0.15 + (_random.NextDouble() - 0.5) * 2 * noise, min, max);

    private void UpdateClusterDynamics(TimeSpan elapsed, DateTimeOffset now)
    {
        var seconds = elapsed.TotalSeconds;
        foreach (var guest in _guests)
        {
            if (!guest.Running)
            {
                guest.Cpu = 0;
                guest.Memory = 0;
                continue;
            }

            // Occasional bursts: a transcode, an LLM answer, a game scene.
            var target = guest.Seed.BaseCpu * (_random.NextDouble() < 0.05 ? 4 : 1);
            guest.Cpu = Wander(guest.Cpu, target, guest.Seed.BaseCpu * 0.25, 0.001, 1);
            var memoryTarget = guest.Seed.MaxMemory * guest.Seed.MemoryFraction;
            guest.Memory = (long)Wander(guest.Memory, memoryTarget, guest.Seed.MaxMemory * 0.004, guest.Seed.MaxMemory * 0.05, guest.Seed.MaxMemory * 0.97);
            var netRate = 200_000 + guest.Cpu * 4_000_000;
            guest.NetIn += (long)(netRate * seconds);
            guest.NetOut += (long)(netRate * 0.4 * seconds);
            guest.DiskRead += (long)(netRate * 0.3 * seconds);
            guest.DiskWrite += (long)(netRate * 0.2 * seconds);
            guest.DiskUsed = Math.Min(guest.Seed.MaxDisk, guest.DiskUsed + (long)(seconds * 2_000));
        }

        foreach (var node in _nodes)
        {
            var running = _guests.Where(g => g.Running && g.Node == node.Seed.Name).ToList();
            var guestCpu = running.Sum(g => g.Cpu * g.Seed.Cores) / node.Seed.Threads;
            node.Cpu = Math.Clamp(Wander(node.Cpu - guestCpu, node.Seed.BaseCpu, 0.01, 0.005, 0.5) + guestCpu, 0.002, 1);
            node.HostMemory = (long)Wander(node.HostMemory, node.Seed.BaseMemory, 20_000_000, node.Seed.BaseMemory * 0.8, node.Seed.BaseMemory * 1.3);
            node.IoWait = Wander(node.IoWait, 0.004 + node.Cpu * 0.02, 0.002, 0, 0.2);
            var loadTarget = node.Cpu * node.Seed.Threads;
            node.Load[0] = Wander(node.Load[0], loadTarget, 0.15, 0, node.Seed.Threads * 2);
            node.Load[1] += (node.Load[0] - node.Load[1]) * Math.Min(1, seconds / 300);
            node.Load[2] += (node.Load[1] - node.Load[2]) * Math.Min(1, seconds / 900);
            node.NetInRate = Wander(node.NetInRate, 150_000 + running.Sum(g => g.Cpu) * 3_000_000, 40_000, 10_000, 120_000_000);
            node.NetOutRate = Wander(node.NetOutRate, node.NetInRate * 0.5, 20_000, 5_000, 120_000_000);
            node.RootUsed = Math.Min((long)(node.Seed.RootTotal * 0.97), node.RootUsed + (long)(seconds * 1_500));
        }

        // The DAS fills slowly while downloads land (about 25 MB a minute).
        var das = _storage.First(s => s.Seed.Name == SimulatorTopology.DasStorage);
        das.Used = Math.Min(das.Seed.Total, das.Used + (long)(seconds * 420_000 * (0.5 + _random.NextDouble())));
        foreach (var storage in _storage.Where(s => s.Seed.Type == "lvmthin"))
        {
            storage.Used = Math.Min(storage.Seed.Total, storage.Used + (long)(seconds * 3_000));
        }
    }

    /// <summary>Node memory as Proxmox reports it: the host's own use plus every running guest.</summary>
    private long NodeMemoryUsed(SimNode node) =>
        Math.Min((long)(node.Seed.MemoryTotal * 0.96), node.HostMemory + _guests.Where(g => g.Running && g.Node == node.Seed.Name).Sum(g => g.Memory));

    private void SeedHistory(DateTimeOffset now)
    {
        // An hour of plausible history so sparklines are full on the first page load.
        var start = Align(now) - RrdStep * RrdPoints;
        for (var t = start; t <= Align(now); t += RrdStep)
        {
            UpdateClusterDynamics(TimeSpan.FromSeconds(0), now);
            AppendRrdLocked(t);
        }

        _lastRrd = Align(now);
    }

    private static DateTimeOffset Align(DateTimeOffset time) => new(time.Ticks - time.Ticks % RrdStep.Ticks, TimeSpan.Zero);

    private void AppendRrdLocked(DateTimeOffset at)
    {
        var time = at.ToUnixTimeSeconds();
        foreach (var node in _nodes)
        {
            var point = node.Online
                ? new SimRrdPoint(time, node.Cpu, node.Seed.Threads, NodeMemoryUsed(node), node.Seed.MemoryTotal, node.RootUsed, node.Seed.RootTotal, node.NetInRate, node.NetOutRate, node.IoWait, node.Load[0])
                : new SimRrdPoint(time, double.NaN, node.Seed.Threads, 0, node.Seed.MemoryTotal, 0, node.Seed.RootTotal, double.NaN, double.NaN, double.NaN, double.NaN);
            AddCapped(node.Rrd, point);
        }

        foreach (var guest in _guests)
        {
            var rate = guest.Running ? 200_000 + guest.Cpu * 4_000_000 : 0;
            AddCapped(guest.Rrd, new SimRrdPoint(time, guest.Running ? guest.Cpu : 0, guest.Seed.Cores, guest.Memory, guest.Seed.MaxMemory, guest.DiskUsed, guest.Seed.MaxDisk, rate, rate * 0.4, 0, 0));
        }
    }

    private static void AddCapped(List<SimRrdPoint> points, SimRrdPoint point)
    {
        points.Add(point);
        if (points.Count > RrdPoints)
        {
            points.RemoveRange(0, points.Count - RrdPoints);
        }
    }

    private void ProcessDueLocked(DateTimeOffset now)
    {
        ProcessTasksLocked(now);
        ProcessContainersLocked(now);
        ProcessVpnLocked(now);
        ProcessTorrentsLocked(now);
    }
}
