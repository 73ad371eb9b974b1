using Homelab.Domain.Containers;

namespace Homelab.Dashboard.Model;

/// <summary>Columns the container table sorts by.</summary>
public enum ContainerSort
{
    Name,
    State,
    Cpu,
    Memory,
    Restarts,
    Uptime,
}

/// <summary>
/// The container table's search and filters: free text over name, image and compose project (every word must
/// match somewhere), plus exact host, state and health.
/// </summary>
public sealed record ContainerFilter(string? Query = null, string? Host = null, ContainerState? State = null, ContainerHealth? Health = null)
{
    public static ContainerFilter None { get; } = new();

    public bool IsEmpty => string.IsNullOrWhiteSpace(Query) && Host is null && State is null && Health is null;

    /// <summary>Reads the page's query string (<c>?q=&amp;host=&amp;state=&amp;health=</c>); unknown values are ignored.</summary>
    public static ContainerFilter FromQuery(string? q, string? host, string? state, string? health) => new(
        string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
        string.IsNullOrWhiteSpace(host) ? null : host.Trim(),
        ContainerText.ParseStateQuery(state),
        ContainerText.ParseHealthQuery(health));

    public bool Matches(Container container)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (Host is not null && !string.Equals(container.Host, Host, StringComparison.Ordinal))
        {
            return false;
        }

        if (State is { } state && container.State != state)
        {
            return false;
        }

        if (Health is { } health && container.Health != health)
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(Query))
        {
            return true;
        }

        foreach (var term in Query.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Contains(container.Name, term) && !Contains(container.Image, term) && !Contains(container.ComposeProject, term))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The matching containers, sorted; ties fall back to name then host so rows never jump around.</summary>
    public IReadOnlyList<Container> Apply(IEnumerable<Container> containers, ContainerSort sort = ContainerSort.Name, bool descending = false, DateTimeOffset now = default)
    {
        ArgumentNullException.ThrowIfNull(containers);
        var matching = containers.Where(Matches);
        IOrderedEnumerable<Container> ordered = sort switch
        {
            ContainerSort.State => Order(matching, c => StateRank(c.State), descending),
            ContainerSort.Cpu => Order(matching, c => c.CpuPercent ?? -1, descending),
            ContainerSort.Memory => Order(matching, c => c.MemoryUsed ?? -1, descending),
            ContainerSort.Restarts => Order(matching, c => c.RestartCount ?? -1, descending),
            ContainerSort.Uptime => Order(matching, c => c.UptimeAt(now)?.Ticks ?? -1, descending),
            _ => descending
                ? matching.OrderByDescending(c => c.Name, StringComparer.OrdinalIgnoreCase)
                : matching.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase),
        };
        return [.. ordered.ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Host, StringComparer.Ordinal)];
    }

    private static IOrderedEnumerable<Container> Order<TKey>(IEnumerable<Container> items, Func<Container, TKey> key, bool descending) =>
        descending ? items.OrderByDescending(key) : items.OrderBy(key);

    /// <summary>Problems first when sorting by state.</summary>
    private static int StateRank(ContainerState state) => state switch
    {
        ContainerState.Restarting => 0,
        ContainerState.Dead => 1,
        ContainerState.Exited => 2,
        ContainerState.Paused => 3,
        ContainerState.Created => 4,
        ContainerState.Removing => 5,
        ContainerState.Running => 6,
        _ => 7,
    };

    private static bool Contains(string? value, string term) => value is not null && value.Contains(term, StringComparison.OrdinalIgnoreCase);
}
