using System.Text;
using System.Text.RegularExpressions;

namespace Homelab.Domain.Agent.Tools;

/// <summary>
/// Marks text that came from an upstream (log lines, container and torrent names, error messages) as data for the
/// model, so that nothing written into a log or a torrent name reads as an instruction or a tool call.
/// </summary>
/// <remarks>
/// <para>
/// Blocks are fenced: <c>&lt;data source="docker logs linkwarden"&gt;…&lt;/data&gt;</c>; the system prompt tells the model
/// that fenced text is data. Inside, anything that could end the fence early or pass for a turn marker is
/// neutralised (its <c>&lt;</c> becomes <c>‹</c>), and call-shaped text such as <c>stop_container with {…}</c> or
/// <c>CALL list_torrents{}</c> gets full-width brackets, so the plaintext tool-call recovery can never lift it out.
/// </para>
/// <para>
/// Short values (names) sit in JSON string values, which are data already; they get the same neutralisation but no
/// fence of their own, which would triple the size of a list. None of this is the security boundary: a
/// state-changing call still needs a person's approval, and nothing a tool returns can give it.
/// </para>
/// </remarks>
public static partial class UntrustedText
{
    public const string CloseTag = "</data>";

    /// <summary>Longest inline value kept; names longer than this are cut with an ellipsis.</summary>
    public const int DefaultInlineLength = 200;

    /// <summary>Wraps <paramref name="text"/> in a data fence naming where it came from.</summary>
    public static string Fence(string source, string text)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(text);
        return $"{OpenTag(source)}\n{Neutralize(text)}\n{CloseTag}";
    }

    /// <summary><c>&lt;data source="…"&gt;</c>, with the source cleaned of anything that could break the tag.</summary>
    public static string OpenTag(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var clean = new StringBuilder(Math.Min(source.Length, 80));
        foreach (var c in source)
        {
            if (clean.Length == 80)
            {
                break;
            }

            if (c is '"' or '<' or '>' or '&' or '\\' || char.IsControl(c) || IsInvisible(c))
            {
                continue;
            }

            clean.Append(c);
        }

        return $"<data source=\"{clean}\">";
    }

    /// <summary>One short upstream value (a name, an error message) for a JSON field: neutralised, on one line, capped.</summary>
    public static string Inline(string? text, int maxLength = DefaultInlineLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var neutral = Neutralize(text).Replace('\n', ' ').Replace('\t', ' ').Trim();
        return neutral.Length <= maxLength ? neutral : string.Concat(neutral.AsSpan(0, TrimToBoundary(neutral, maxLength - 1)), "…");
    }

    /// <summary>
    /// Removes control and invisible characters (ANSI colours, bidi overrides, zero-width joiners that could split a
    /// tag), and defuses fence tags, chat-template markers and call-shaped text.
    /// </summary>
    public static string Neutralize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = StripInvisible(AnsiEscape().Replace(text, ""));
        clean = TagLike().Replace(clean, m => "‹" + m.Value[1..]);
        clean = clean.Replace("<|", "‹|", StringComparison.Ordinal).Replace("|>", "|›", StringComparison.Ordinal);
        clean = CallLike().Replace(clean, m => m.Groups["head"].Value + (m.Groups["open"].Value == "(" ? "（" : "｛"));
        return CallKey().Replace(clean, m => $"“{m.Groups["key"].Value}”:");
    }

    private static string StripInvisible(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                // \r\n is one line break; a lone \r (progress bars) becomes one too.
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }

                builder.Append('\n');
            }
            else if (c is '\n' or '\t' || (!char.IsControl(c) && !IsInvisible(c)))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsInvisible(char c) => c is >= '\u200B' and <= '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2060' and <= '\u2069' or '\uFEFF';

    private static int TrimToBoundary(string text, int length) => length > 0 && char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;

    /// <summary>ANSI/VT escape sequences (colours, cursor moves) that logs often carry.</summary>
    [GeneratedRegex(@"\x1B(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1B]*(?:\x07|\x1B\\)?|[@-Z\\-_])")]
    private static partial Regex AnsiEscape();

    /// <summary>Our fence and the tags chat templates and tool-call formats use, opening or closing.</summary>
    [GeneratedRegex(@"<\s*/?\s*(?:data|tool_calls?|tool_response|tool_result|function_calls?|function|invoke|parameter|system|assistant|user|im_start|im_end|start_of_turn|end_of_turn)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TagLike();

    /// <summary>A snake_case name followed by an argument list: <c>stop_container with {</c>, <c>list_torrents{</c>, <c>delete_torrent(</c>.</summary>
    [GeneratedRegex(@"(?<head>\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\s*(?:(?:with|using|args|arguments)\s*)?[:=]?\s*)(?<open>[({])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CallLike();

    /// <summary>The keys of JSON-shaped tool calls: <c>"arguments":</c>, <c>"tool_calls":</c>.</summary>
    [GeneratedRegex(@"""(?<key>arguments|parameters|tool_calls|function_call|tool_call)""\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CallKey();
}
