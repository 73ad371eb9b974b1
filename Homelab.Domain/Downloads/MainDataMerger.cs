using System.Collections.Immutable;
using Homelab.Domain.Common;

namespace Homelab.Domain.Downloads;

/// <summary>
/// The <c>sync/maindata</c> protocol's merge rule: partial objects are merged field by field (never replacing a whole
/// torrent with a partial one), removals are applied, and a full update starts over from nothing.
/// </summary>
public static class MainDataMerger
{
    public static MainDataMergeResult Merge(MainDataState state, MainDataUpdate update)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(update);
        var before = state.Torrents;

        // A full update is the whole truth: anything it does not mention is gone, and every listed torrent is built
        // from its own fields alone.
        var baseline = update.FullUpdate ? ImmutableDictionary<string, Torrent>.Empty.WithComparers(StringComparer.Ordinal) : before.AsImmutableDictionary();
        var torrents = baseline.ToBuilder();
        foreach (var hash in update.TorrentsRemoved)
        {
            torrents.Remove(hash);
        }

        foreach (var (hash, patch) in update.Torrents)
        {
            var existing = torrents.TryGetValue(hash, out var known) ? known : new Torrent { Hash = hash };
            torrents[hash] = patch.ApplyTo(existing);
        }

        var after = torrents.ToImmutable();
        var upserted = update.FullUpdate
            ? after.Values.Where(t => !before.TryGetValue(t.Hash, out var old) || old != t)
            : update.Torrents.Keys.Select(h => after[h]).Where(t => !before.TryGetValue(t.Hash, out var old) || old != t);

        // A diff names its removals; only a full update has to be compared key by key (5,000 lookups per tick otherwise).
        var removed = update.FullUpdate
            ? before.Keys.Where(h => !after.ContainsKey(h))
            : update.TorrentsRemoved.Where(before.ContainsKey).Distinct(StringComparer.Ordinal);

        var categories = MergeCategories(state.Categories, update);
        var transfer = update.FullUpdate
            ? (update.ServerState ?? new TransferPatch()).ApplyTo(new TransferInfo())
            : update.ServerState?.ApplyTo(state.Transfer) ?? state.Transfer;

        var next = new MainDataState
        {
            Rid = update.Rid,
            Torrents = new EquatableDictionary<string, Torrent>(after),
            Categories = categories,
            Transfer = transfer,
        };
        return new MainDataMergeResult(
            next,
            upserted.OrderBy(t => t.Hash, StringComparer.Ordinal).ToEquatableArray(),
            removed.Order(StringComparer.Ordinal).ToEquatableArray(),
            transfer != state.Transfer,
            categories != state.Categories);
    }

    private static EquatableArray<string> MergeCategories(EquatableArray<string> known, MainDataUpdate update)
    {
        var names = update.FullUpdate ? [] : known.ToHashSet(StringComparer.Ordinal);
        names.ExceptWith(update.CategoriesRemoved);
        names.UnionWith(update.Categories);
        return names.Order(StringComparer.Ordinal).ToEquatableArray();
    }
}
