using System.Text;
using System.Text.RegularExpressions;

namespace Homelab.Dashboard.Simulator.Ollama;

/// <summary>The scripted model's fixed texts.</summary>
internal static partial class ScriptedAnswers
{
    public const string Help =
        "I'm the simulated homelab model. I can check the cluster, nodes, guests, storage, containers and their logs, " +
        "torrents and the VPN, and, with your approval, start, stop or restart things. Try \"how is the homelab?\", " +
        "\"show me the logs of linkwarden\" or \"restart sonarr\".";

    public const string PlainChat = "Hi! I'm the homelab assistant. Ask me about the cluster, containers, torrents, the VPN or storage.";

    public const string StreamErrorPartial = "Let me check that for you";

    /// <summary>The text Ollama sends when the runner dies mid-answer.</summary>
    public const string StreamErrorMessage = "an error was encountered while running the model: unexpected EOF";

    public static string CannotDo(string tool) =>
        $"I can't do that here: the {tool} tool isn't available in this conversation.";

    /// <summary>A long answer (about 400 tokens) for testing cancellation and slow streams.</summary>
    public static string Slow()
    {
        string[] sentences =
        [
            "The cluster has three nodes: pve, MediaServer and AIServer.",
            "MediaServer runs LXC 200, the Docker host with about sixty containers.",
            "AIServer carries the language models and most of the development environments.",
            "The DAS on MediaServer holds the media library and fills slowly while downloads land.",
            "qBittorrent sends all of its traffic through the gluetun tunnel to Amsterdam.",
            "Linkwarden has been unhealthy for a while because it cannot reach its database.",
            "Unpackerr keeps crash-looping while it cannot log in to qBittorrent.",
            "Everything else looks calm, with plenty of memory to spare on every node.",
        ];
        var text = new StringBuilder();
        var words = 0;
        for (var i = 0; words < 400; i++)
        {
            var sentence = sentences[i % sentences.Length];
            text.Append(text.Length == 0 ? "" : " ").Append(sentence);
            words += sentence.Split(' ').Length;
        }

        return text.ToString();
    }

    /// <summary>A few title-cased words from the request (what a small model does when asked for a title).</summary>
    public static string Title(string request)
    {
        var colon = request.LastIndexOf(':');
        var subject = colon >= 0 && colon < request.Length - 1 ? request[(colon + 1)..] : request;
        var words = Words().Matches(subject).Select(m => m.Value).Take(5).Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()).ToList();
        return words.Count == 0 ? "Homelab Chat" : string.Join(' ', words);
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}.-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
