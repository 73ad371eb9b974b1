using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Homelab.Domain.Agent.Tools;

/// <summary>
/// How tool results reach the model: compact JSON (snake_case names, no nulls), cut to a character budget with a
/// note that says how much was cut, as the seed's loop does.
/// </summary>
public static class ToolResultText
{
    /// <summary>The seed's cap on one tool result.</summary>
    public const int DefaultLimit = 4_000;

    /// <summary>
    /// Snake-case names (<c>mem_mib</c>), enums as lower-case words, nulls left out, and no <c>\u003C</c>-style escapes:
    /// the model reads every character of a result, so readable text is cheaper text.
    /// </summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>"…(truncated 1234 chars)"</summary>
    public static string TruncationNote(int cutChars) => $"…(truncated {cutChars} chars)";

    /// <summary>Serialises <paramref name="value"/> compactly and caps it at <paramref name="limit"/> characters.</summary>
    public static string Json(object value, int limit = DefaultLimit) =>
        Cap(JsonSerializer.Serialize(value, SerializerOptions), limit);

    /// <summary><c>{"error":"…"}</c>: how a tool says it could not answer, so the loop never sees an exception.</summary>
    public static string Error(string message, int limit = DefaultLimit) => Json(new { error = message }, limit);

    /// <summary>
    /// Keeps the start of <paramref name="text"/> and appends <see cref="TruncationNote"/>, so that the whole is at
    /// most <paramref name="limit"/> characters. Never splits a surrogate pair.
    /// </summary>
    public static string Cap(string text, int limit = DefaultLimit)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (text.Length <= limit)
        {
            return text;
        }

        var keep = KeptLength(text.Length, limit);
        while (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return string.Concat(text.AsSpan(0, keep), TruncationNote(text.Length - keep));
    }

    /// <summary>
    /// Keeps the end of <paramref name="text"/> behind a leading <see cref="TruncationNote"/>, for logs, whose newest
    /// lines matter most.
    /// </summary>
    public static string CapKeepingEnd(string text, int limit = DefaultLimit)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (text.Length <= limit)
        {
            return text;
        }

        var keep = KeptLength(text.Length, limit);
        while (keep > 0 && char.IsLowSurrogate(text[^keep]))
        {
            keep--;
        }

        return string.Concat(TruncationNote(text.Length - keep), text.AsSpan(text.Length - keep));
    }

    /// <summary>How many characters fit beside the note; the note's length depends on how many are cut.</summary>
    private static int KeptLength(int length, int limit)
    {
        var keep = Math.Max(0, limit - TruncationNote(length - limit).Length);
        while (keep > 0 && keep + TruncationNote(length - keep).Length > limit)
        {
            keep--;
        }

        return keep;
    }
}
