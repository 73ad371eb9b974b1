using System.Text;
using System.Text.RegularExpressions;

namespace Homelab.Dashboard.Simulator.Ollama;

/// <summary>
/// Deterministic stand-in embeddings: a hashed bag of words (plus a lighter bag of character trigrams, so "restart"
/// and "restarting" land near each other), L2-normalised. Texts that share words are close; unrelated texts are
/// nearly orthogonal. Not a language model, but enough for retrieval code to be exercised end to end.
/// </summary>
internal static partial class OllamaSimEmbeddings
{
    private const float TrigramWeight = 0.35f;

    private static readonly HashSet<string> s_stopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "is", "are", "was", "were", "be", "on", "in", "at", "of", "to", "and", "or", "it", "its", "this",
        "that", "by", "for", "with", "as", "from", "i", "you", "me", "my", "do", "does", "did",
    };

    public static float[] Embed(string text, int dimensions)
    {
        var vector = new float[dimensions];
        foreach (Match match in Word().Matches(text.ToLowerInvariant()))
        {
            var word = Stem(match.Value);
            if (s_stopWords.Contains(word))
            {
                continue;
            }

            Add(vector, word, 1f);
            var padded = $"<{word}>";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                Add(vector, string.Concat("#", padded.AsSpan(i, 3)), TrigramWeight);
            }
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        if (norm > 0)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] /= norm;
            }
        }

        return vector;
    }

    /// <summary>Keeps the first <paramref name="dimensions"/> values and renormalises, as Matryoshka models allow.</summary>
    public static float[] Truncate(float[] vector, int dimensions)
    {
        if (dimensions <= 0 || dimensions >= vector.Length)
        {
            return vector;
        }

        var cut = vector[..dimensions];
        var norm = MathF.Sqrt(cut.Sum(v => v * v));
        return norm > 0 ? [.. cut.Select(v => v / norm)] : cut;
    }

    private static void Add(float[] vector, string feature, float weight)
    {
        // FNV-1a: stable across processes, unlike string.GetHashCode.
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(feature))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        var index = (int)(hash % (ulong)vector.Length);
        vector[index] += (hash >> 63) == 0 ? weight : -weight;
    }

    private static string Stem(string word) => word switch
    {
        { Length: > 5 } when word.EndsWith("ing", StringComparison.Ordinal) => word[..^3],
        { Length: > 4 } when word.EndsWith("ed", StringComparison.Ordinal) => word[..^2],
        { Length: > 3 } when word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) => word[..^1],
        _ => word,
    };

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
