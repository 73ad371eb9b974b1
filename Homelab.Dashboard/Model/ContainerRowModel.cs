using System.Globalization;
using Homelab.Domain.Actions;
using Homelab.Domain.Common;
using Homelab.Domain.Containers;
using Homelab.Domain.Live;

namespace Homelab.Dashboard.Model;

/// <summary>One button of a container row, with everything its markup needs.</summary>
public sealed record RowCommand(ContainerCommandRequest Request, string TestId, string AriaLabel, string CssClass);

/// <summary>
/// A container row with every string its markup shows computed once. A record: a row whose container and uptime
/// text did not change compares equal, so its component skips re-rendering.
/// </summary>
public sealed record ContainerRowModel
{
    /// <summary>The action target key (<c>container/{host}/{id}</c>), also the row's <c>@key</c>.</summary>
    public required string Key { get; init; }

    public required Container Container { get; init; }

    public required string TestId { get; init; }

    public required string StateWord { get; init; }

    public required string StateClass { get; init; }

    public string? ExitCode { get; init; }

    public bool ExitCodeIsError { get; init; }

    public required string HealthWord { get; init; }

    public required string HealthClass { get; init; }

    /// <summary>Health worth showing next to the name on a phone, where the health column is hidden.</summary>
    public bool HealthNeedsNotice { get; init; }

    public required string Cpu { get; init; }

    public required string Memory { get; init; }

    public required string Uptime { get; init; }

    public required string Restarts { get; init; }

    public bool RestartsAlert { get; init; }

    public required EquatableArray<RowCommand> Commands { get; init; }

    public required string LogsLabel { get; init; }

    public static string KeyOf(Container container)
    {
        ArgumentNullException.ThrowIfNull(container);
        return new ContainerCommandRequest(container.Host, container.Id, container.Name, ContainerCommand.Start).TargetKey;
    }

    /// <summary>The uptime as the row shows it at <paramref name="now"/>: "3 h", or a dash when not running.</summary>
    public static string UptimeText(Container container, DateTimeOffset now) =>
        container?.UptimeAt(now) is { } up ? UiFormat.Duration(up) : "–";

    public static ContainerRowModel From(Container c, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(c);
        var state = c.State.Word();
        var healthQuery = ContainerText.HealthQuery(c.Health);
        return new ContainerRowModel
        {
            Key = KeyOf(c),
            Container = c,
            TestId = $"container-row-{c.Name}",
            StateWord = state,
            StateClass = $"hl-state hl-state-{state}",
            ExitCode = c.State == ContainerState.Exited && c.ExitCode is { } code ? $"code {code.ToString(CultureInfo.InvariantCulture)}" : null,
            ExitCodeIsError = c.ExitCode is not (null or 0),
            HealthWord = ContainerText.HealthWord(c.Health),
            HealthClass = $"hl-health hl-health-{healthQuery}",
            HealthNeedsNotice = c.Health is ContainerHealth.Unhealthy or ContainerHealth.Starting,
            Cpu = c.CpuPercent is { } cpu ? UiFormat.PercentValue(cpu) : "–",
            Memory = c.MemoryUsed is { } used ? c.MemoryLimit is { } limit ? UiFormat.BytesOf(used, limit) : UiFormat.Bytes(used) : "–",
            Uptime = UptimeText(c, now),
            Restarts = c.RestartCount?.ToString(CultureInfo.InvariantCulture) ?? "–",
            RestartsAlert = c.RestartCount >= AttentionRules.CrashLoopRestarts,
            Commands = [.. ContainerText.CommandsFor(c.State).Select(command => new RowCommand(
                new ContainerCommandRequest(c.Host, c.Id, c.Name, command),
                $"action-{command.ToString().ToLowerInvariant()}",
                $"{command.Title()} {c.Name}",
                $"hl-act hl-ico-{command.ToString().ToLowerInvariant()}{(command == ContainerCommand.Start ? "" : " hl-act-disruptive")}"))],
            LogsLabel = $"Logs of {c.Name}",
        };
    }

    /// <summary>Builds rows, reusing the previous row (and its strings) when neither the container nor its uptime text changed.</summary>
    public static IReadOnlyList<ContainerRowModel> Build(IEnumerable<Container> containers, DateTimeOffset now, IReadOnlyDictionary<string, ContainerRowModel> previous)
    {
        ArgumentNullException.ThrowIfNull(containers);
        ArgumentNullException.ThrowIfNull(previous);
        var rows = new List<ContainerRowModel>();
        foreach (var container in containers)
        {
            rows.Add(previous.TryGetValue(KeyOf(container), out var row)
                && ReferenceEquals(row.Container, container)
                && row.Uptime == UptimeText(container, now)
                    ? row
                    : From(container, now));
        }

        return rows;
    }
}
