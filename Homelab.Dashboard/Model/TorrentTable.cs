using Homelab.Domain.Common;
using Homelab.Domain.Downloads;
using Homelab.Domain.Live;

namespace Homelab.Dashboard.Model;

/// <summary>Columns the torrent table sorts by.</summary>
public enum TorrentSort
{
    Name,
    State,
    Progress,
    Size,
    DownloadSpeed,
    UploadSpeed,
    Eta,
    Ratio,
    Category,
    Added,
}

/// <summary>A category with how many torrents it holds.</summary>
/// <param name="Name">The category; <c>""</c> for torrents without one.</param>
public sealed record CategoryCount(string Name, int Count);

/// <summary>How many torrents each filter and each category holds, like qBittorrent's sidebar.</summary>
public sealed record TorrentCounts(EquatableArray<int> ByFilter, EquatableArray<CategoryCount> ByCategory)
{
    public static TorrentCounts Empty { get; } = new([.. TorrentText.Filters.Select(_ => 0)], EquatableArray<CategoryCount>.Empty);

    public int Of(TorrentFilter filter) => ByFilter[(int)filter];

    /// <summary>Torrents moving data right now (qBittorrent's "active").</summary>
    public int Moving => Of(TorrentFilter.Active);
}

/// <summary>
/// The torrents page's list, kept current change by change: counts per filter and category, the matching torrents in
/// order, and one page of rows.
/// </summary>
/// <remarks>
/// <para>
/// Built for thousands of torrents of which a few change each second. Counts are adjusted by the changed torrents
/// only. The matching set is filtered and sorted again only when a change can move a torrent in or out of it or
/// change its place (its sort key or name changed); otherwise the order stands and only the changed rows on the
/// shown page are rebuilt. <see cref="Rebuilds"/> counts the full passes, so tests can hold it to that.
/// </para>
/// <para>Not thread-safe: a page owns one and uses it on its renderer's context.</para>
/// </remarks>
public sealed class TorrentTable
{
    public const int DefaultPageSize = 100;

    private readonly int[] _byFilter = new int[TorrentText.Filters.Count];
    private readonly Dictionary<string, int> _byCategory = new(StringComparer.Ordinal);
    private EquatableDictionary<string, Torrent> _all = EquatableDictionary<string, Torrent>.Empty;
    private EquatableArray<string> _knownCategories = EquatableArray<string>.Empty;
    private List<string> _order = [];
    private Dictionary<string, TorrentRowModel> _rowCache = new(StringComparer.Ordinal);
    private Func<Torrent, bool> _matches = TorrentListFilter.None.Predicate();
    private Comparison<Torrent> _compare;
    private Comparison<Torrent> _primary;

    public TorrentTable(int pageSize = DefaultPageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        PageSize = pageSize;
        (_primary, _compare) = Comparers(Sort, Descending);
    }

    public TorrentListFilter Filter { get; private set; } = TorrentListFilter.None;

    /// <summary>Newest first by default: what Sonarr or Radarr just grabbed is on top, and the order rarely moves.</summary>
    public TorrentSort Sort { get; private set; } = TorrentSort.Added;

    public bool Descending { get; private set; } = true;

    public int PageSize { get; }

    /// <summary>Zero-based.</summary>
    public int PageIndex { get; private set; }

    public int PageCount => Math.Max(1, (MatchingCount + PageSize - 1) / PageSize);

    /// <summary>Every torrent the client has.</summary>
    public int Total => _all.Count;

    /// <summary>Torrents that pass the filters.</summary>
    public int MatchingCount => _order.Count;

    /// <summary>The first row of the shown page, one-based; 0 when nothing matches.</summary>
    public int FirstShown => MatchingCount == 0 ? 0 : (PageIndex * PageSize) + 1;

    public int LastShown => Math.Min(MatchingCount, (PageIndex + 1) * PageSize);

    /// <summary>The shown page's rows; an unchanged torrent keeps the very same row instance.</summary>
    public IReadOnlyList<TorrentRowModel> Rows { get; private set; } = [];

    public TorrentCounts Counts { get; private set; } = TorrentCounts.Empty;

    /// <summary>How many times the whole set was filtered and sorted.</summary>
    public int Rebuilds { get; private set; }

    /// <summary>Starts over from a snapshot (first render, or a reset after falling behind).</summary>
    public void Load(DownloadsSnapshot? downloads)
    {
        _all = downloads?.Torrents ?? EquatableDictionary<string, Torrent>.Empty;
        _knownCategories = downloads?.Categories ?? EquatableArray<string>.Empty;
        Array.Clear(_byFilter);
        _byCategory.Clear();
        foreach (var torrent in _all.Values)
        {
            Count(torrent, 1);
        }

        Counts = BuildCounts();
        Rebuild();
        BuildPage();
    }

    /// <summary>
    /// Follows a batch of changes. <paramref name="downloads"/> is the state after the batch; the table still holds
    /// the state before it, which is how it knows what each changed torrent was.
    /// </summary>
    /// <returns>Whether anything the page shows changed: its rows, the counts or the number of matches.</returns>
    public bool Apply(DownloadsSnapshot? downloads, IReadOnlyList<HomelabChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Any(c => c is SnapshotReset))
        {
            Load(downloads);
            return true;
        }

        var affected = new HashSet<string>(StringComparer.Ordinal);
        var categoriesChanged = false;
        foreach (var change in changes)
        {
            if (change is TorrentsChanged torrents)
            {
                affected.UnionWith(torrents.Upserted.Select(t => t.Hash));
                affected.UnionWith(torrents.Removed);
                categoriesChanged |= torrents.Categories is not null;
            }
        }

        if (affected.Count == 0 && !categoriesChanged)
        {
            return false;
        }

        var next = downloads?.Torrents ?? EquatableDictionary<string, Torrent>.Empty;
        var matchingBefore = MatchingCount;
        var rebuild = false;
        foreach (var hash in affected)
        {
            var before = _all.TryGetValue(hash, out var old) ? old : null;
            var after = next.TryGetValue(hash, out var now) ? now : null;
            if (before == after)
            {
                continue;
            }

            if (before is not null)
            {
                Count(before, -1);
            }

            if (after is not null)
            {
                Count(after, 1);
            }

            var wasIn = before is not null && _matches(before);
            var isIn = after is not null && _matches(after);
            rebuild |= wasIn != isIn || (isIn && (!string.Equals(before!.Name, after!.Name, StringComparison.Ordinal) || _primary(before, after) != 0));
        }

        _all = next;
        _knownCategories = downloads?.Categories ?? _knownCategories;
        var counts = BuildCounts();
        var countsChanged = counts != Counts;
        Counts = counts;
        if (rebuild)
        {
            Rebuild();
        }

        return BuildPage() || countsChanged || MatchingCount != matchingBefore;
    }

    /// <summary>Applies new search and filters and goes back to the first page.</summary>
    public void SetFilter(TorrentListFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter == Filter)
        {
            return;
        }

        Filter = filter;
        _matches = filter.Predicate();
        PageIndex = 0;
        Rebuild();
        BuildPage();
    }

    /// <summary>Sorts by a column; the same column again reverses. Numbers and dates start biggest or newest first.</summary>
    public void SortBy(TorrentSort sort)
    {
        Descending = Sort == sort ? !Descending : sort is not (TorrentSort.Name or TorrentSort.State or TorrentSort.Category or TorrentSort.Eta);
        Sort = sort;
        (_primary, _compare) = Comparers(Sort, Descending);
        Rebuild();
        BuildPage();
    }

    public void GoToPage(int index)
    {
        var clamped = Math.Clamp(index, 0, PageCount - 1);
        if (clamped != PageIndex)
        {
            PageIndex = clamped;
            BuildPage();
        }
    }

    private void Count(Torrent torrent, int delta)
    {
        foreach (var filter in TorrentText.Filters)
        {
            if (torrent.Matches(filter))
            {
                _byFilter[(int)filter] += delta;
            }
        }

        _byCategory[torrent.Category] = _byCategory.GetValueOrDefault(torrent.Category) + delta;
    }

    private TorrentCounts BuildCounts()
    {
        // Every known category is listed (empty ones too, so a filter can still be chosen); the uncategorised last.
        var names = new SortedSet<string>(_knownCategories, StringComparer.OrdinalIgnoreCase);
        names.UnionWith(_byCategory.Where(c => c.Value > 0 && c.Key.Length > 0).Select(c => c.Key));
        var categories = names.Select(n => new CategoryCount(n, _byCategory.GetValueOrDefault(n))).ToList();
        if (_byCategory.GetValueOrDefault("") is > 0 and var none)
        {
            categories.Add(new CategoryCount("", none));
        }

        return new TorrentCounts([.. _byFilter], [.. categories]);
    }

    private void Rebuild()
    {
        var matching = new List<Torrent>();
        foreach (var torrent in _all.Values)
        {
            if (_matches(torrent))
            {
                matching.Add(torrent);
            }
        }

        matching.Sort(_compare);
        _order = matching.ConvertAll(t => t.Hash);
        PageIndex = Math.Clamp(PageIndex, 0, PageCount - 1);
        Rebuilds++;
    }

    /// <returns>Whether the page's rows differ from before.</returns>
    private bool BuildPage()
    {
        PageIndex = Math.Clamp(PageIndex, 0, PageCount - 1);
        var start = PageIndex * PageSize;
        var end = Math.Min(start + PageSize, _order.Count);
        var count = Math.Max(0, end - start);
        var rows = new List<TorrentRowModel>(count);
        var cache = new Dictionary<string, TorrentRowModel>(count, StringComparer.Ordinal);
        var changed = Rows.Count != count;
        for (var i = start; i < end; i++)
        {
            var torrent = _all[_order[i]];
            var row = _rowCache.TryGetValue(torrent.Hash, out var known) && known.Torrent == torrent ? known : TorrentRowModel.From(torrent);
            changed |= !changed && !ReferenceEquals(Rows[i - start], row);
            rows.Add(row);
            cache[torrent.Hash] = row;
        }

        _rowCache = cache;
        Rows = rows;
        return changed;
    }

    private static (Comparison<Torrent> Primary, Comparison<Torrent> Full) Comparers(TorrentSort sort, bool descending)
    {
        Comparison<Torrent> primary = sort switch
        {
            TorrentSort.Name => (a, b) => string.Compare(a.Name, b.Name, StringComparison.OrdinalIgnoreCase),
            TorrentSort.State => (a, b) => StateRank(a.State).CompareTo(StateRank(b.State)),
            TorrentSort.Progress => (a, b) => a.Progress.CompareTo(b.Progress),
            TorrentSort.Size => (a, b) => a.Size.CompareTo(b.Size),
            TorrentSort.DownloadSpeed => (a, b) => a.DownloadSpeed.CompareTo(b.DownloadSpeed),
            TorrentSort.UploadSpeed => (a, b) => a.UploadSpeed.CompareTo(b.UploadSpeed),

            // An unknown ETA is infinite, and a capped ratio is above every number: both sort as the largest.
            TorrentSort.Eta => (a, b) => (a.Eta ?? TimeSpan.MaxValue).CompareTo(b.Eta ?? TimeSpan.MaxValue),
            TorrentSort.Ratio => (a, b) => (a.Ratio ?? double.MaxValue).CompareTo(b.Ratio ?? double.MaxValue),
            TorrentSort.Category => (a, b) => string.Compare(a.Category, b.Category, StringComparison.OrdinalIgnoreCase),
            TorrentSort.Added => (a, b) => Nullable.Compare(a.AddedOn, b.AddedOn),
            _ => (_, _) => 0,
        };

        // Ties fall back to name, then hash, so rows never swap places between two identical renders.
        return (primary, (a, b) =>
        {
            var order = primary(a, b);
            if (order != 0)
            {
                return descending ? -order : order;
            }

            order = string.Compare(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
            return order != 0 ? order : string.CompareOrdinal(a.Hash, b.Hash);
        });
    }

    /// <summary>Problems first when sorting by state, then what is moving, then what rests.</summary>
    private static int StateRank(TorrentState state) => TorrentText.StateGroup(state) switch
    {
        "error" => 0,
        "stalled" => 1,
        "downloading" => 2,
        "checking" => 3,
        "moving" => 4,
        "queued" => 5,
        "seeding" => 6,
        "idle" => 7,
        "paused" => 8,
        _ => 9,
    };
}
