namespace Homelab.Domain.Agent.Traces;

/// <summary>The size limits of what a trace keeps as text.</summary>
public static class TraceText
{
    public const int PreviewLength = 500;

    /// <summary>The full exchange is kept up to 256 KB of text; a long tool loop can carry far more context than anyone reads.</summary>
    public const int ExchangeLength = 256 * 1024;

    public const int ErrorLength = 2000;

    public static string Preview(string? text) => Cap(text ?? "", PreviewLength);

    /// <summary>Caps <paramref name="json"/>, saying how much was cut; the result is then no longer valid JSON, which the detail view shows as text.</summary>
    public static string? Exchange(string? json)
    {
        if (json is null || json.Length <= ExchangeLength)
        {
            return json;
        }

        return string.Concat(json.AsSpan(0, ExchangeLength), $"\n… [truncated: kept {ExchangeLength:N0} of {json.Length:N0} characters]");
    }

    public static string? Error(string? text) => text is null ? null : Cap(text, ErrorLength);

    private static string Cap(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
