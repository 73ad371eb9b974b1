namespace Homelab.Domain.Cluster;

/// <summary>A Proxmox task (UPID) as reported by <c>/nodes/{node}/tasks/{upid}/status</c>.</summary>
public sealed record ProxmoxTaskStatus(string Upid, bool Running, string? ExitStatus)
{
    /// <summary>Finished with <c>OK</c> or <c>WARNINGS: n</c>.</summary>
    public bool Succeeded => !Running && ExitStatus is { } exit && (exit == "OK" || exit.StartsWith("WARNINGS", StringComparison.Ordinal));
}

/// <summary>The parts of a UPID (<c>UPID:node:pid:pstart:starttime:type:id:user:</c>).</summary>
public sealed record Upid(string Value, string Node, string Type, string? Id, string User)
{
    public static bool TryParse(string? value, out Upid upid)
    {
        upid = null!;
        if (string.IsNullOrEmpty(value) || !value.StartsWith("UPID:", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = value.Split(':');
        // UPID:node:pid:pstart:starttime:type:id:user: splits into at least nine parts (the last is empty).
        if (parts.Length < 9 || parts[1].Length == 0)
        {
            return false;
        }

        upid = new Upid(value, parts[1], parts[5], parts[6].Length == 0 ? null : parts[6], parts[7]);
        return true;
    }
}

/// <summary>A guest's live run state, from <c>status/current</c>.</summary>
public sealed record GuestStatusReading(GuestStatus Status, TimeSpan? Uptime, string? Lock);
