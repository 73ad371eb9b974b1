using Homelab.Domain.Downloads;

namespace Homelab.Dashboard.Model;

/// <summary>
/// The torrent table's search and filters: words in the name (every word must match), a state group with
/// qBittorrent's meaning (<see cref="TorrentFilter"/>), and an exact category.
/// </summary>
/// <param name="Category">null for any category; <c>""</c> for torrents without one.</param>
public sealed record TorrentListFilter(string? Query = null, TorrentFilter State = TorrentFilter.All, string? Category = null)
{
    public static TorrentListFilter None { get; } = new();

    public bool IsEmpty => string.IsNullOrWhiteSpace(Query) && State == TorrentFilter.All && Category is null;

    /// <summary>
    /// Reads <c>?q=&amp;filter=&amp;category=</c>. Unknown filter words mean all; <see cref="TorrentText.Uncategorized"/>
    /// asks for torrents without a category.
    /// </summary>
    public static TorrentListFilter FromQuery(string? q, string? filter, string? category) => new(
        string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
        TorrentText.ParseFilter(filter),
        ParseCategory(category));

    /// <summary>The category select's value: null or blank for any, <see cref="TorrentText.Uncategorized"/> for none.</summary>
    public static string? ParseCategory(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value == TorrentText.Uncategorized ? "" : value;

    /// <summary>The value the category select shows for this filter.</summary>
    public string CategoryValue => Category is null ? "" : Category.Length == 0 ? TorrentText.Uncategorized : Category;

    /// <summary>
    /// A predicate for many torrents: the search words are split once, not once per torrent.
    /// </summary>
    public Func<Torrent, bool> Predicate()
    {
        var terms = string.IsNullOrWhiteSpace(Query) ? [] : Query.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var state = State;
        var category = Category;
        return torrent =>
        {
            if (category is not null && !string.Equals(torrent.Category, category, StringComparison.Ordinal))
            {
                return false;
            }

            if (state != TorrentFilter.All && !torrent.Matches(state))
            {
                return false;
            }

            foreach (var term in terms)
            {
                if (!torrent.Name.Contains(term, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            return true;
        };
    }

    public bool Matches(Torrent torrent)
    {
        ArgumentNullException.ThrowIfNull(torrent);
        return Predicate()(torrent);
    }
}
