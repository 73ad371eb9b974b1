using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Homelab.Dashboard.Simulator.Ollama;

/// <summary>One line of the scripted model's phrase table: a pattern and the tool call it stands for.</summary>
/// <param name="Build">The call for a match, or null when the match does not name anything the rule can act on (the next rule is tried).</param>
internal sealed record ScriptedPhraseRule(string Name, Regex Pattern, Func<Match, ScriptedVocabulary, OllamaSimToolCall?> Build);

/// <summary>
/// The ordered phrase table that turns a user's request into one tool call. The first rule that matches and names
/// something wins, so specific phrases ("pause all", "stop container x") sit above the general ones ("pause x",
/// "container").
/// </summary>
internal static partial class ScriptedPhraseRules
{
    private static readonly HashSet<string> s_fillers = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "my", "please", "now", "container", "vm", "lxc", "guest", "service", "app", "for", "me", "of", "again",
    };

    private static readonly HashSet<string> s_torrentFillers = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "my", "please", "now", "torrent", "torrents", "download", "downloads", "downloading", "again",
    };

    public static IReadOnlyList<ScriptedPhraseRule> Rules { get; } =
    [
        Rule("recent actions", @"\bwhat (?:did|have) you (?:do|done)\b|\brecent actions?\b", (_, _) => Call("list_recent_actions")),
        Rule("pause all", @"\bpause (?:all|every(?:thing| torrent))", (_, _) => Call("pause_all_torrents")),
        Rule("resume all", @"\bresume (?:all|every(?:thing| torrent))", (_, _) => Call("resume_all_torrents")),
        Rule("stop container", @"\bstop (?:the )?container (?<rest>.+)", (m, _) => Named("stop_container", "name", Target(m))),
        Rule("start container", @"\bstart (?:the )?container (?<rest>.+)", (m, _) => Named("start_container", "name", Target(m))),
        Rule("restart", @"\brestart (?<rest>.+)", (m, _) => Named("restart_container", "name", Target(m))),
        Rule("shut down", @"\bshut ?down (?<rest>.+)", (m, _) => Named("shutdown_guest", "guest", Target(m))),
        Rule("reboot", @"\breboot (?<rest>.+)", (m, _) => Named("reboot_guest", "guest", Target(m))),
        Rule("start vm", @"\bstart (?:the )?(?:vm|lxc|guest) (?<rest>.+)", (m, _) => Named("start_guest", "guest", Target(m))),
        Rule("stop vm", @"\bstop (?:the )?(?:vm|lxc|guest) (?<rest>.+)", (m, _) => Named("stop_guest", "guest", Target(m))),
        Rule("start known", @"\bstart (?<rest>.+)", (m, words) => Target(m) is { } t
            ? words.IsGuest(t) ? Named("start_guest", "guest", t) : words.IsContainer(t) ? Named("start_container", "name", t) : null
            : null),
        Rule("stop known", @"\bstop (?<rest>.+)", (m, words) => Target(m) is { } t
            ? words.IsGuest(t) ? Named("stop_guest", "guest", t) : words.IsContainer(t) ? Named("stop_container", "name", t) : null
            : null),
        Rule("logs of", @"\blogs? (?:of|for|from) (?<rest>.+)", (m, _) => Logs(Target(m))),
        Rule("name logs", @"(?<name>[\w.-]+)(?:'s)? logs?\b", (m, _) => Logs(s_fillers.Contains(m.Groups["name"].Value) ? null : m.Groups["name"].Value.ToLowerInvariant())),
        Rule("pause torrent", @"\bpause (?<rest>.+)", (m, _) => Named("pause_torrent", "torrent", TorrentWords(m))),
        Rule("resume torrent", @"\bresume (?<rest>.+)", (m, _) => Named("resume_torrent", "torrent", TorrentWords(m))),
        Rule("problems", @"\bunhealthy\b|\bproblems?\b|\bwhat['’]?s wrong\b|\bwhat is wrong\b|\bbroken\b", (_, _) => Call("list_problem_containers")),
        Rule("vpn", @"\bvpn\b|\bgluetun\b", (_, _) => Call("get_vpn_status")),
        Rule("torrents", @"\btorrents?\b|\bdownload", (_, _) => Call("list_torrents")),
        Rule("storage", @"\bstorage\b|\bdisks?\b", (_, _) => Call("list_storage")),
        Rule("cluster", @"\bnodes?\b|\bcluster\b", (_, _) => Call("get_cluster_status")),
        Rule("containers", @"\bcontainers?\b", (_, _) => Call("list_containers")),
        Rule("sources", @"\bsources?\b", (_, _) => Call("list_sources")),
        Rule("attention", @"\battention\b", (_, _) => Call("get_attention")),
        Rule("summary", @"\bsummary\b|\bhow(?: is|['’]s) the homelab\b|\boverview\b", (_, _) => Call("get_homelab_summary")),
    ];

    /// <summary>The first rule's call for <paramref name="text"/>, with the rule's name; null when nothing matches.</summary>
    public static (ScriptedPhraseRule Rule, OllamaSimToolCall Call)? Match(string text, ScriptedVocabulary words)
    {
        foreach (var rule in Rules)
        {
            var match = rule.Pattern.Match(text);
            if (match.Success && rule.Build(match, words) is { } call)
            {
                return (rule, call);
            }
        }

        return null;
    }

    private static ScriptedPhraseRule Rule(string name, string pattern, Func<Match, ScriptedVocabulary, OllamaSimToolCall?> build) =>
        new(name, new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), build);

    private static OllamaSimToolCall Call(string tool) => OllamaSimToolCall.Create(tool);

    private static OllamaSimToolCall? Named(string tool, string parameter, string? value) =>
        value is null ? null : OllamaSimToolCall.Create(tool, new JsonObject { [parameter] = value });

    private static OllamaSimToolCall? Logs(string? name) =>
        name is null ? null : OllamaSimToolCall.Create("get_container_logs", new JsonObject { ["name"] = name, ["lines"] = 50 });

    /// <summary>The first word after the verb that is not filler ("restart the sonarr container please" → sonarr).</summary>
    private static string? Target(Match match) =>
        Word().Matches(match.Groups["rest"].Value).Select(w => w.Value.TrimEnd('.', '-')).FirstOrDefault(w => w.Length > 0 && !s_fillers.Contains(w))?.ToLowerInvariant();

    /// <summary>The words naming a torrent, without filler ("pause the ubuntu iso torrent" → "ubuntu iso").</summary>
    private static string? TorrentWords(Match match)
    {
        var words = Word().Matches(match.Groups["rest"].Value).Select(w => w.Value.TrimEnd('.')).Where(w => w.Length > 0 && !s_torrentFillers.Contains(w)).ToList();
        return words.Count == 0 ? null : string.Join(' ', words);
    }

    [GeneratedRegex(@"[\w.-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
