using System.Text.RegularExpressions;

namespace Homelab.Dashboard.Simulator.Ollama;

/// <summary>Splits answers into the pieces the simulated model streams, roughly a token each.</summary>
internal static partial class ScriptedTokens
{
    /// <summary>Word-sized pieces whose concatenation is exactly <paramref name="text"/> (leading spaces stay attached).</summary>
    public static IReadOnlyList<string> Split(string text) =>
        text.Length == 0 ? [] : [.. Piece().Matches(text).Select(m => m.Value)];

    /// <summary>About four characters a token, as for English text with a BPE vocabulary.</summary>
    public static int Estimate(int characters) => Math.Max(1, (characters + 3) / 4);

    [GeneratedRegex(@"\s*\S+|\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex Piece();
}
