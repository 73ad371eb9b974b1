using System.Text.Json;
using Homelab.Dashboard.Adapters.Http;
using Homelab.Domain.Common;
using Homelab.Domain.Containers;

namespace Homelab.Dashboard.Adapters.Docker;

/// <summary>
/// Reads the Engine API's JSON into domain records. Every field may be missing; only a wrong overall shape
/// (an object where a list belongs) makes an answer unusable.
/// </summary>
internal static class DockerWire
{
    private const string ComposeProjectLabel = "com.docker.compose.project";

    /// <summary>The <c>GET /containers/json</c> list; entries without an id are skipped.</summary>
    public static List<ContainerSummary>? Summaries(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var list = new List<ContainerSummary>();
        foreach (var item in root.EnumerateArray())
        {
            if (item.String("Id") is not { Length: > 0 } id)
            {
                continue;
            }

            var status = item.String("Status") ?? "";

            // Health is in the list from API 1.52; older daemons only show it inside the status text.
            var health = item.Object("Health")?.String("Status") is { Length: > 0 } healthWord
                ? ContainerStateRules.ParseHealth(healthWord)
                : ContainerStateRules.HealthFromStatusText(status);
            list.Add(new ContainerSummary
            {
                Id = id,
                Name = PickName(item.Array("Names"), id),
                Image = item.String("Image") ?? "",
                State = ContainerStateRules.ParseState(item.String("State")),
                StatusText = status,
                Health = health,
                Created = DockerTime.FromUnixSeconds(item.Int64("Created")),
                ComposeProject = item.Object("Labels")?.String(ComposeProjectLabel),
                Ports = Ports(item.Array("Ports")),
            });
        }

        return list;
    }

    /// <summary>The <c>GET /containers/{id}/json</c> answer.</summary>
    public static ContainerDetails? Details(JsonElement root, string requestedId)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var state = root.Object("State");
        var health = state?.Object("Health");
        var config = root.Object("Config");
        var id = root.String("Id") is { Length: > 0 } full ? full : requestedId;
        return new ContainerDetails
        {
            Id = id,
            Name = root.String("Name") is { Length: > 0 } name ? name.TrimStart('/') : ShortId(id),
            State = StateOf(state),
            Health = ContainerStateRules.ParseHealth(health?.String("Status")),
            FailingStreak = health?.Int32("FailingStreak"),
            RestartCount = root.Int32("RestartCount"),
            StartedAt = state?.String("StartedAt") is { } started ? DockerTime.ParseRfc3339(started) : null,
            FinishedAt = state?.String("FinishedAt") is { } finished ? DockerTime.ParseRfc3339(finished) : null,
            ExitCode = state?.Int32("ExitCode"),
            OomKilled = state?.Boolean("OOMKilled") ?? false,
            Error = state?.String("Error") is { Length: > 0 } error ? error : null,
            Tty = config?.Boolean("Tty") ?? false,
            Image = config?.String("Image") ?? root.String("Image") ?? "",
        };
    }

    /// <summary>One <c>GET /containers/{id}/stats</c> reading; <paramref name="now"/> stands in for a missing read time.</summary>
    public static ContainerStatsSample? Stats(JsonElement root, DateTimeOffset now)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var cpu = root.Object("cpu_stats");
        var usage = cpu?.Object("cpu_usage");
        var pre = root.Object("precpu_stats");
        var memory = root.Object("memory_stats");
        var memoryStats = memory?.Object("stats");

        // One-shot readings carry an all-zero precpu block; zero means "no earlier sample", not a counter at 0.
        var preSystem = pre?.UInt64("system_cpu_usage") is > 0 and var system ? (ulong?)system : null;
        return new ContainerStatsSample
        {
            Read = root.String("read") is { } read && DockerTime.ParseRfc3339(read) is { } at ? at : now,
            CpuTotalUsage = usage?.UInt64("total_usage") ?? 0,
            SystemCpuUsage = cpu?.UInt64("system_cpu_usage"),
            OnlineCpus = cpu?.Int64("online_cpus") is > 0 and <= uint.MaxValue and var online ? (uint)online : null,
            PerCpuCount = usage?.Array("percpu_usage")?.GetArrayLength() is > 0 and var count ? count : null,
            PreCpuTotalUsage = preSystem is null ? null : pre?.Object("cpu_usage")?.UInt64("total_usage"),
            PreSystemCpuUsage = preSystem,
            MemoryUsage = memory?.UInt64("usage"),
            MemoryLimit = memory?.UInt64("limit"),
            TotalInactiveFile = memoryStats?.UInt64("total_inactive_file"),
            InactiveFile = memoryStats?.UInt64("inactive_file"),
        };
    }

    /// <summary>One line of <c>GET /events</c>; null when it is not a container event the dashboard can use.</summary>
    public static ContainerEvent? Event(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (root.String("Type") is { } type && type != "container")
        {
            return null;
        }

        // Daemons before API 1.22 sent only the legacy status/id keys; they are still filled in today.
        var actor = root.Object("Actor");
        var id = actor?.String("ID") ?? root.String("id");
        var action = root.String("Action") ?? root.String("status");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(action))
        {
            return null;
        }

        var nano = root.Int64("timeNano");
        var seconds = root.Int64("time");
        DateTimeOffset time;
        long timeNano;
        if (nano is > 0)
        {
            timeNano = nano.Value;
            time = DockerTime.FromUnixNanoseconds(timeNano);
        }
        else if (DockerTime.FromUnixSeconds(seconds) is { } at)
        {
            time = at;
            timeNano = seconds!.Value <= long.MaxValue / 1_000_000_000 ? seconds.Value * 1_000_000_000 : long.MaxValue;
        }
        else
        {
            return null;
        }

        return new ContainerEvent(id, action, actor?.Object("Attributes")?.String("name"), time, timeNano);
    }

    /// <summary>Docker's error text from a <c>{"message":"..."}</c> body, or null when the body is not one.</summary>
    public static string? ErrorMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.String("message") is { Length: > 0 } message ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ContainerState StateOf(JsonElement? state)
    {
        if (state is not { } s)
        {
            return ContainerState.Unknown;
        }

        // Status is the one word the daemon itself derives; the flags are for daemons that predate it (API < 1.21).
        var parsed = ContainerStateRules.ParseState(s.String("Status"));
        if (parsed != ContainerState.Unknown)
        {
            return parsed;
        }

        return (s.Boolean("Restarting"), s.Boolean("Paused"), s.Boolean("Running"), s.Boolean("Dead")) switch
        {
            (true, _, _, _) => ContainerState.Restarting,
            (_, true, _, _) => ContainerState.Paused,
            (_, _, true, _) => ContainerState.Running,
            (_, _, _, true) => ContainerState.Dead,
            (false, _, false, _) => ContainerState.Exited,
            _ => ContainerState.Unknown,
        };
    }

    /// <summary>
    /// The container's own name. Legacy links add names such as <c>/web/db</c> to the target container, and the
    /// order is not guaranteed, so the first name without a second slash wins, as in <c>docker ps</c>.
    /// </summary>
    private static string PickName(JsonElement? names, string id)
    {
        string? first = null;
        if (names is { } array)
        {
            foreach (var entry in array.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.String || entry.GetString() is not { Length: > 0 } raw)
                {
                    continue;
                }

                var name = raw.TrimStart('/');
                if (!name.Contains('/', StringComparison.Ordinal))
                {
                    return name;
                }

                first ??= name;
            }
        }

        return first ?? ShortId(id);
    }

    /// <summary>
    /// Published ports, once each: the daemon lists a binding twice (0.0.0.0 and ::), and its order varies between
    /// calls, which would make an unchanged row look changed.
    /// </summary>
    private static EquatableArray<ContainerPort> Ports(JsonElement? ports)
    {
        if (ports is not { } array)
        {
            return EquatableArray<ContainerPort>.Empty;
        }

        var seen = new Dictionary<(int, int?, string), ContainerPort>();
        foreach (var entry in array.EnumerateArray())
        {
            if (entry.Int32("PrivatePort") is not { } privatePort)
            {
                continue;
            }

            var publicPort = entry.Int32("PublicPort") is > 0 and var p ? (int?)p : null;
            var protocol = entry.String("Type") is { Length: > 0 } type ? type : "tcp";
            var ip = entry.String("IP") is { Length: > 0 } address ? address : null;
            var key = (privatePort, publicPort, protocol);

            // Prefer the IPv4 binding for display when both are listed.
            if (!seen.TryGetValue(key, out var existing) || (existing.Ip?.Contains(':', StringComparison.Ordinal) == true && ip?.Contains('.', StringComparison.Ordinal) == true))
            {
                seen[key] = new ContainerPort(privatePort, publicPort, protocol, ip);
            }
        }

        return new EquatableArray<ContainerPort>(seen.Values
            .OrderBy(p => p.PrivatePort)
            .ThenBy(p => p.PublicPort ?? 0)
            .ThenBy(p => p.Protocol, StringComparer.Ordinal));
    }

    private static string ShortId(string id) => id.Length > 12 ? id[..12] : id;
}
