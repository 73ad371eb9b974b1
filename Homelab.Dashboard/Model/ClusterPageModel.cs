using Homelab.Domain.Cluster;

namespace Homelab.Dashboard.Model;

/// <summary>What the cluster page shows: nodes in detail, every guest with the power actions that apply, storage.</summary>
public sealed record ClusterPageModel(
    IReadOnlyList<NodeCardModel> Nodes,
    IReadOnlyList<GuestActionRow> Guests,
    IReadOnlyList<StorageRowModel> Storage)
{
    public static ClusterPageModel Empty { get; } = new([], [], []);

    public static ClusterPageModel Build(ClusterSnapshot? cluster)
    {
        if (cluster is null)
        {
            return Empty;
        }

        return new ClusterPageModel(
            [.. cluster.Nodes.OrderBy(n => n.Name, StringComparer.OrdinalIgnoreCase).Select(n => NodeCardModel.From(n, cluster))],
            [.. cluster.Guests.OrderBy(g => g.VmId).Select(GuestActionRow.From)],
            [.. StorageGroupModel.From(cluster).SelectMany(g => g.Rows)]);
    }
}

/// <summary>A guest with the power actions that make sense in its current state.</summary>
public sealed record GuestActionRow(Guest Guest, string TargetKey, IReadOnlyList<PowerAction> Actions)
{
    private static readonly PowerAction[] s_order = [PowerAction.Start, PowerAction.Shutdown, PowerAction.Reboot, PowerAction.Stop];

    public string StatusWord => GuestText.StatusWord(Guest.Status);

    public static GuestActionRow From(Guest guest)
    {
        ArgumentNullException.ThrowIfNull(guest);

        // Templates cannot be powered; everything else gets exactly the actions its state allows.
        IReadOnlyList<PowerAction> actions = guest.Template ? [] : [.. s_order.Where(a => a.AppliesTo(guest.Status))];
        var key = new Domain.Actions.GuestPowerRequest(guest.Ref, guest.Name, PowerAction.Start).TargetKey;
        return new GuestActionRow(guest, key, actions);
    }

    public Domain.Actions.GuestPowerRequest Request(PowerAction action) => new(Guest.Ref, Guest.Name, action);
}
