using System.Text;
using System.Text.Json;

namespace Homelab.Tests.Integration;

/// <summary>One parsed server-sent event.</summary>
internal sealed record ServerSentEvent(string? Id, string Event, string Data)
{
    public JsonElement Json => JsonDocument.Parse(Data).RootElement;
}

/// <summary>
/// Reads a <c>text/event-stream</c> the way the PWA does, since EventSource cannot POST: raw chunks from the body,
/// split on blank lines, then <c>id:</c>/<c>event:</c>/<c>data:</c> fields; comment lines are counted and skipped.
/// </summary>
internal sealed class ServerSentEventReader(Stream body)
{
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private readonly StringBuilder _buffer = new();
    private readonly byte[] _chunk = new byte[4096];

    /// <summary>Comment lines (<c>: keep-alive</c>) seen so far.</summary>
    public int Comments { get; private set; }

    /// <summary>The next event, or null when the stream ends.</summary>
    public async Task<ServerSentEvent?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var text = _buffer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
            var end = text.IndexOf("\n\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                _buffer.Clear().Append(text[(end + 2)..]);
                if (Parse(text[..end]) is { } parsed)
                {
                    return parsed;
                }

                continue;
            }

            var read = await body.ReadAsync(_chunk, cancellationToken);
            if (read == 0)
            {
                return null;
            }

            var chars = new char[_decoder.GetCharCount(_chunk, 0, read)];
            _decoder.GetChars(_chunk, 0, read, chars, 0);
            _buffer.Append(chars);
        }
    }

    /// <summary>Events until one named <paramref name="name"/>, inclusive.</summary>
    public async Task<List<ServerSentEvent>> UntilAsync(string name, CancellationToken cancellationToken)
    {
        var events = new List<ServerSentEvent>();
        while (await NextAsync(cancellationToken) is { } next)
        {
            events.Add(next);
            if (next.Event == name)
            {
                return events;
            }
        }

        Assert.Fail($"The stream ended before '{name}'; got {string.Join(", ", events.Select(e => e.Event))}.");
        return events;
    }

    private ServerSentEvent? Parse(string block)
    {
        string? id = null;
        var name = "message";
        var data = new List<string>();
        foreach (var line in block.Split('\n'))
        {
            if (line.StartsWith(':'))
            {
                Comments++;
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "id": id = value; break;
                case "event": name = value; break;
                case "data": data.Add(value); break;
            }
        }

        return data.Count == 0 ? null : new ServerSentEvent(id, name, string.Join('\n', data));
    }
}
