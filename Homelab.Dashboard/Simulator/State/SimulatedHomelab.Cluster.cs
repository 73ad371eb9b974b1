using System.Globalization;
using Homelab.Domain.Cluster;

namespace Homelab.Dashboard.Simulator.State;

internal sealed partial class SimulatedHomelab
{
    private readonly Dictionary<string, SimTask> _tasks = new(StringComparer.Ordinal);

    /// <summary>Cluster, nodes, guests and storage as <c>/cluster/status</c> and <c>/cluster/resources</c> see them.</summary>
    public SimClusterView ReadCluster()
    {
        return Advance(now => new SimClusterView(
            SimulatorTopology.ClusterName,
            Version: 3,
            Quorate: _nodes.Count(n => n.Online) * 2 > _nodes.Count,
            [.. _nodes.Select(n => NodeView(n, now))],
            [.. _guests.Select(g => GuestView(g, now))],
            [.. _storage.Select(StorageView)]));
    }

    public SimNodeView? ReadNode(string node)
    {
        return Advance(now => _nodes.FirstOrDefault(n => n.Seed.Name == node) is { } found ? NodeView(found, now) : null);
    }

    public SimGuestView? ReadGuest(int vmId)
    {
        return Advance(now => FindGuest(vmId) is { } guest ? GuestView(guest, now) : null);
    }

    /// <summary>The hour of RRD points of a node, oldest first; null for an unknown node.</summary>
    public IReadOnlyList<SimRrdPoint>? ReadNodeRrd(string node)
    {
        lock (_gate)
        {
            return _nodes.FirstOrDefault(n => n.Seed.Name == node)?.Rrd.ToList();
        }
    }

    public IReadOnlyList<SimRrdPoint>? ReadGuestRrd(int vmId)
    {
        lock (_gate)
        {
            return FindGuest(vmId)?.Rrd.ToList();
        }
    }

    public IReadOnlyList<SimStorageView> ReadStorage(string node)
    {
        lock (_gate)
        {
            return [.. _storage.Where(s => s.Seed.Node == node).Select(StorageView)];
        }
    }

    /// <summary>
    /// Starts a power task the way the API does: answers at once with a UPID; the guest changes state when the task
    /// finishes. Errors that Proxmox reports synchronously (unknown guest, wrong node or type) come back as HTTP errors.
    /// </summary>
    public SimPowerResult StartPowerTask(string node, GuestKind kind, int vmId, PowerAction action, string user)
    {
        SimPowerResult result;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            ProcessDueLocked(now);
            var guest = FindGuest(vmId);
            var label = kind == GuestKind.Qemu ? "VM" : "CT";
            if (guest is null || guest.Kind != kind)
            {
                var file = kind == GuestKind.Qemu ? "qemu-server" : "lxc";
                return new SimPowerResult(null, 500, $"Configuration file 'nodes/{node}/{file}/{vmId}.conf' does not exist");
            }

            if (!_nodes.Any(n => n.Seed.Name == node))
            {
                return new SimPowerResult(null, 595, $"no such node '{node}'");
            }

            if (guest.Node != node)
            {
                return new SimPowerResult(null, 500, $"Configuration file 'nodes/{node}/{(kind == GuestKind.Qemu ? "qemu-server" : "lxc")}/{vmId}.conf' does not exist");
            }

            var type = (kind == GuestKind.Qemu ? "qm" : "vz") + action.ApiVerb();
            var isQemu = kind == GuestKind.Qemu;
            SimTask task;
            if (guest.BusyWithUpid is not null)
            {
                // Proxmox's per-guest config lock: a second task waits for it, then gives up.
                var lockFile = isQemu ? $"/var/lock/qemu-server/lock-{vmId}.conf" : $"/run/lock/lxc/pve-config-{vmId}.lock";
                task = CreateTaskLocked(node, type, vmId, user, now, Scaled(1), _ => $"can't lock file '{lockFile}' - got timeout");
                task.Log.Add("trying to acquire lock...");
            }
            else
            {
                task = PlanPowerTaskLocked(node, type, guest, action, label, isQemu, user, now);
            }

            result = new SimPowerResult(task.Upid, 200, null);
        }

        return result;
    }

    public SimTaskView? ReadTask(string upid)
    {
        return Advance(_ => _tasks.TryGetValue(upid, out var task) ? TaskView(task) : null);
    }

    /// <summary>Recent tasks on a node, newest first.</summary>
    public IReadOnlyList<SimTaskView> ReadTasks(string node, int limit)
    {
        return Advance(_ => (IReadOnlyList<SimTaskView>)[.. _tasks.Values.Where(t => t.Node == node).OrderByDescending(t => t.StartedAt).Take(limit).Select(TaskView)]);
    }

    private SimTask PlanPowerTaskLocked(string node, string type, SimGuest guest, PowerAction action, string label, bool isQemu, string user, DateTimeOffset now)
    {
        var vmId = guest.Seed.VmId;
        var (duration, complete) = action switch
        {
            PowerAction.Start when guest.Running => (Scaled(0.3), (Func<DateTimeOffset, string>)(_ => $"{label} {vmId} already running")),
            PowerAction.Start => (Scaled(isQemu ? 4 : 2.5), at => { BootGuestLocked(guest, at); return "OK"; }),
            PowerAction.Shutdown or PowerAction.Stop or PowerAction.Reboot when !guest.Running =>
                (Scaled(0.3), _ => $"{label} {vmId} not running"),
            PowerAction.Shutdown => (Scaled(isQemu ? 8 : 4), at => { HaltGuestLocked(guest, at); return "OK"; }),
            PowerAction.Stop => (Scaled(1.5), at => { HaltGuestLocked(guest, at); return "OK"; }),
            PowerAction.Reboot => (Scaled(isQemu ? 12 : 6), at => { HaltGuestLocked(guest, at); BootGuestLocked(guest, at); return "OK"; }),
            _ => (Scaled(0.3), (Func<DateTimeOffset, string>)(_ => "unsupported command")),
        };

        var task = CreateTaskLocked(node, type, vmId, user, now, duration, at =>
        {
            guest.BusyWithUpid = null;
            guest.Lock = null;
            return complete(at);
        });
        guest.BusyWithUpid = task.Upid;
        if (action is PowerAction.Shutdown or PowerAction.Reboot && guest.Running)
        {
            task.Log.Add(isQemu ? "trying to shut down guest via ACPI" : "shutting down container");
        }

        return task;
    }

    private void BootGuestLocked(SimGuest guest, DateTimeOffset at)
    {
        guest.Running = true;
        guest.StartedAt = at;
        guest.Pid = NextPid();
        guest.Cpu = guest.Seed.BaseCpu * 3;
        guest.Memory = (long)(guest.Seed.MaxMemory * guest.Seed.MemoryFraction * 0.6);
        if (guest.Seed.VmId == SimulatorTopology.DockerHostVmId)
        {
            DockerHostBootedLocked(at);
        }
    }

    private void HaltGuestLocked(SimGuest guest, DateTimeOffset at)
    {
        guest.Running = false;
        guest.StartedAt = null;
        guest.Pid = 0;
        guest.Cpu = 0;
        guest.Memory = 0;
        if (guest.Seed.VmId == SimulatorTopology.DockerHostVmId)
        {
            DockerHostHaltedLocked(at);
        }
    }

    private SimTask CreateTaskLocked(string node, string type, int vmId, string user, DateTimeOffset now, TimeSpan duration, Func<DateTimeOffset, string> complete)
    {
        var pid = NextPid();
        var pstart = (long)(now - _nodes.First(n => n.Seed.Name == node).BootedAt).TotalSeconds * 100;
        var start = now.ToUnixTimeSeconds();
        var upid = string.Create(CultureInfo.InvariantCulture, $"UPID:{node}:{pid:X8}:{pstart:X8}:{start:X8}:{type}:{vmId}:{user}:");
        var task = new SimTask
        {
            Upid = upid,
            Node = node,
            Type = type,
            Id = vmId.ToString(CultureInfo.InvariantCulture),
            User = user,
            Pid = pid,
            PStart = pstart,
            StartedAt = now,
            EndsAt = now + duration,
            Complete = complete,
        };
        _tasks[upid] = task;
        return task;
    }

    private void ProcessTasksLocked(DateTimeOffset now)
    {
        foreach (var task in _tasks.Values.Where(t => t.EndedAt is null && t.EndsAt <= now).OrderBy(t => t.EndsAt).ToList())
        {
            task.EndedAt = task.EndsAt;
            task.ExitStatus = task.Complete(task.EndsAt);
            task.Log.Add(task.ExitStatus == "OK" ? "TASK OK" : $"TASK ERROR: {task.ExitStatus}");
        }

        // Keep the task list bounded, as the node's task index is.
        if (_tasks.Count > 500)
        {
            foreach (var old in _tasks.Values.Where(t => t.EndedAt is not null).OrderBy(t => t.StartedAt).Take(_tasks.Count - 400).ToList())
            {
                _tasks.Remove(old.Upid);
            }
        }
    }

    private SimGuest? FindGuest(int vmId) => _guests.FirstOrDefault(g => g.Seed.VmId == vmId);

    private SimNodeView NodeView(SimNode node, DateTimeOffset now) => new(
        node.Seed.Name,
        node.Seed.NodeId,
        node.Seed.Ip,
        node.Online,
        node.Cpu,
        node.Seed.Threads,
        NodeMemoryUsed(node),
        node.Seed.MemoryTotal,
        node.RootUsed,
        node.Seed.RootTotal,
        (long)(now - node.BootedAt).TotalSeconds,
        node.IoWait,
        [.. node.Load],
        node.Seed.CpuModel,
        node.Seed.Sockets,
        node.Seed.Cores,
        SimulatorTopology.PveVersion,
        SimulatorTopology.KernelVersion,
        CpuMhz: 3600 + _random.Next(-300, 900));

    private static SimGuestView GuestView(SimGuest guest, DateTimeOffset now) => new(
        guest.Seed.VmId,
        guest.Seed.Name,
        guest.Node,
        guest.Kind,
        guest.Running,
        guest.Running ? guest.Cpu : 0,
        guest.Seed.Cores,
        guest.Running ? guest.Memory : 0,
        guest.Seed.MaxMemory,
        guest.DiskUsed,
        guest.Seed.MaxDisk,
        guest.Running && guest.StartedAt is { } started ? (long)(now - started).TotalSeconds : 0,
        guest.NetIn,
        guest.NetOut,
        guest.DiskRead,
        guest.DiskWrite,
        guest.Pid,
        guest.Seed.Tags,
        guest.Lock);

    private static SimStorageView StorageView(SimStorage storage) => new(
        storage.Seed.Name,
        storage.Seed.Node,
        storage.Seed.Type,
        storage.Seed.Content,
        storage.Used,
        storage.Seed.Total,
        storage.Available,
        Shared: false);

    private static SimTaskView TaskView(SimTask task) => new(
        task.Upid,
        task.Node,
        task.Type,
        task.Id,
        task.User,
        task.Pid,
        task.PStart,
        task.StartedAt.ToUnixTimeSeconds(),
        task.EndedAt is null,
        task.ExitStatus,
        task.EndedAt?.ToUnixTimeSeconds(),
        [.. task.Log]);

    /// <summary>Applies due transitions and builds a view, both under the lock.</summary>
    private T Advance<T>(Func<DateTimeOffset, T> read)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            ProcessDueLocked(now);
            return read(now);
        }
    }
}
