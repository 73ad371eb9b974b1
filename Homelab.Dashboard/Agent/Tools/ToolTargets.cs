using System.Globalization;
using System.Text.RegularExpressions;
using Homelab.Domain.Agent.Tools;
using Homelab.Domain.Cluster;
using Homelab.Domain.Containers;
using Homelab.Domain.Downloads;
using Homelab.Domain.Live;

namespace Homelab.Dashboard.Agent.Tools;

/// <summary>A target found from what the model typed, or why none was: not found, or ambiguous with the candidates.</summary>
internal readonly record struct Lookup<T>(T? Value, string? Error)
    where T : class
{
    public static Lookup<T> Found(T value) => new(value, null);

    public static Lookup<T> Fail(string error) => new(null, error);
}

/// <summary>
/// Finds guests, containers and torrents the way a person names them. Never guesses: a name that fits more than one
/// target, or only part of one, is an error listing the candidates, because a wrong guess could stop the wrong thing.
/// </summary>
internal static partial class ToolTargets
{
    /// <summary>How many candidates an error lists.</summary>
    public const int MaxCandidates = 6;

    /// <summary>Hash prefixes shorter than this are too likely to be a word.</summary>
    public const int MinHashPrefix = 8;

    /// <summary>Torrent hashes as lists show them.</summary>
    public const int ShortHashLength = 10;

    public static string ShortHash(string hash) => hash.Length > ShortHashLength ? hash[..ShortHashLength] : hash;

    /// <summary>A guest by VMID (<c>103</c>, <c>VM 103</c>, <c>lxc 106</c>) or by its name, ignoring case.</summary>
    public static Lookup<Guest> Guest(ClusterSnapshot cluster, string? query)
    {
        var text = query?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Lookup<Guest>.Fail("guest is required: a VMID such as 103, or a guest name");
        }

        var id = VmIdPattern().Match(text);
        if (id.Success && int.TryParse(id.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var vmId))
        {
            return cluster.FindGuest(vmId) is { } byId
                ? Lookup<Guest>.Found(byId)
                : Lookup<Guest>.Fail($"no guest has VMID {vmId}; guests: {Candidates(cluster.Guests.Select(Describe))}");
        }

        var named = cluster.Guests.Where(g => string.Equals(g.Name, text, StringComparison.OrdinalIgnoreCase)).ToList();
        return named.Count switch
        {
            1 => Lookup<Guest>.Found(named[0]),
            > 1 => Lookup<Guest>.Fail($"'{UntrustedText.Inline(text, 60)}' names more than one guest; use the VMID: {Candidates(named.Select(Describe))}"),
            _ => Lookup<Guest>.Fail($"no guest is named '{UntrustedText.Inline(text, 60)}'; {Suggest(cluster.Guests.Select(g => (g.Name, Describe(g))), text, "guests")}"),
        };
    }

    /// <summary>A container by name (any host), <c>host/name</c>, or an id prefix of 12 or more characters.</summary>
    public static Lookup<Container> Container(HomelabSnapshot snapshot, string? query)
    {
        var text = query?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Lookup<Container>.Fail("name is required: a container name such as jellyfin");
        }

        var all = snapshot.AllContainers.ToList();
        if (all.Count == 0)
        {
            return Lookup<Container>.Fail("no containers are known (no Docker host has answered)");
        }

        var host = default(string);
        var name = text;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && slash < text.Length - 1)
        {
            host = text[..slash];
            name = text[(slash + 1)..];
        }

        var matches = all
            .Where(c => host is null || string.Equals(c.Host, host, StringComparison.OrdinalIgnoreCase))
            .Where(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)
                || (host is null && name.Length >= 12 && c.Id.StartsWith(name, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return matches.Count switch
        {
            1 => Lookup<Container>.Found(matches[0]),
            > 1 => Lookup<Container>.Fail($"'{UntrustedText.Inline(text, 60)}' names containers on more than one host; use host/name: {Candidates(matches.Select(c => $"{c.Host}/{UntrustedText.Inline(c.Name, 60)}"))}"),
            _ => Lookup<Container>.Fail($"no container is named '{UntrustedText.Inline(text, 60)}'; {Suggest(all.Select(c => (c.Name, UntrustedText.Inline(c.Name, 60))), name, "containers")}"),
        };
    }

    /// <summary>A torrent by hash (whole, or a unique prefix of 8 or more), or by words that appear in exactly one name.</summary>
    public static Lookup<Torrent> Torrent(DownloadsSnapshot downloads, string? query)
    {
        var text = query?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Lookup<Torrent>.Fail("torrent is required: its hash, or words from its name");
        }

        var torrents = downloads.Torrents.Values;
        if (text.Length >= MinHashPrefix && HexPattern().IsMatch(text))
        {
            var byHash = torrents.Where(t => t.Hash.StartsWith(text, StringComparison.OrdinalIgnoreCase)).ToList();
            if (byHash.Count == 1)
            {
                return Lookup<Torrent>.Found(byHash[0]);
            }
        }

        var words = Words(text);
        if (words.Length == 0)
        {
            return Lookup<Torrent>.Fail("torrent is required: its hash, or words from its name");
        }

        var matches = torrents.Where(t => StartsWords(t.Name, words)).ToList();
        if (matches.Count > 1 && matches.Where(t => string.Equals(t.Name, text, StringComparison.OrdinalIgnoreCase)).ToList() is [var exact])
        {
            return Lookup<Torrent>.Found(exact);
        }

        return matches.Count switch
        {
            1 => Lookup<Torrent>.Found(matches[0]),
            > 1 => Lookup<Torrent>.Fail($"'{UntrustedText.Inline(text, 60)}' matches {matches.Count} torrents; add words or use the hash: {Candidates(matches.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).Select(DescribeTorrent))}"),
            _ => Lookup<Torrent>.Fail($"no torrent matches '{UntrustedText.Inline(text, 60)}'; list_torrents with search finds them by name"),
        };
    }

    /// <summary>Whether every word appears in <paramref name="name"/>, with dots, dashes and underscores read as spaces.</summary>
    public static bool ContainsAll(string name, string[] words)
    {
        var haystack = string.Join(' ', Words(name));
        return words.All(w => haystack.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Whether every word starts a word of <paramref name="name"/> ("sever s02" fits Severance.S02E07, "linux" does not
    /// fit archlinux): looser matching could pick a torrent nobody meant.
    /// </summary>
    public static bool StartsWords(string name, string[] words)
    {
        var nameWords = Words(name);
        return words.All(w => nameWords.Any(n => n.StartsWith(w, StringComparison.OrdinalIgnoreCase)));
    }

    public static string[] Words(string text) => NonWord().Replace(text, " ").Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static string Describe(Guest guest) => $"{guest.DisplayName} on {guest.Node}";

    private static string DescribeTorrent(Torrent torrent) => $"{UntrustedText.Inline(torrent.Name, 80)} (hash {ShortHash(torrent.Hash)})";

    private static string Candidates(IEnumerable<string> items)
    {
        var list = items.ToList();
        var shown = string.Join("; ", list.Take(MaxCandidates));
        return list.Count > MaxCandidates ? $"{shown}; and {list.Count - MaxCandidates} more" : shown;
    }

    /// <summary>Names that contain the query, or a hint to list them when none do.</summary>
    private static string Suggest(IEnumerable<(string Name, string Shown)> items, string query, string what)
    {
        var close = items.Where(i => i.Name.Contains(query, StringComparison.OrdinalIgnoreCase) || query.Contains(i.Name, StringComparison.OrdinalIgnoreCase))
            .Select(i => i.Shown)
            .ToList();
        return close.Count > 0 ? $"did you mean: {Candidates(close)}" : $"list_{what} shows the {what} there are";
    }

    [GeneratedRegex(@"^(?:(?:vm|lxc|ct|qemu)\s*)?(?<id>\d{1,9})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VmIdPattern();

    [GeneratedRegex("^[0-9a-fA-F]+$")]
    private static partial Regex HexPattern();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();
}
