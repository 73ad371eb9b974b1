using System.Runtime.CompilerServices;
using System.Text.Json;
using Homelab.Domain.Containers;

namespace Homelab.Dashboard.Adapters.Docker;

/// <summary>
/// Reads one streaming response (logs or events) to its end. The stream ends quietly when the connection drops;
/// only cancellation, by the token given at open or the enumerator's, throws.
/// </summary>
/// <remarks>Owns the response: it is disposed when the enumeration ends, or when the open token is cancelled.</remarks>
internal sealed class DockerStreamReader(HttpResponseMessage response, ILogger logger, string host, CancellationToken openToken)
{
    // A stream that is opened but never read must still let go of its connection once the caller gives up.
    private readonly CancellationTokenRegistration _openRegistration = openToken.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);

    /// <summary>An event is a few hundred bytes; a longer "line" means the peer is not speaking the protocol.</summary>
    private const int MaxEventLineBytes = 1 << 20;

    private const int ChunkBytes = 16 * 1024;

    public async IAsyncEnumerable<LogLine> ReadLogsAsync(string containerId, bool multiplexed, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(openToken, cancellationToken);
        var token = linked.Token;
        using var disposeOnCancel = token.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);
        using var owned = response;
        using var openRegistration = _openRegistration;
        var decoder = new DockerLogDecoder(multiplexed);
        var buffer = new byte[ChunkBytes];
        await using var body = await OpenBodyAsync(token);
        while (body is not null)
        {
            var read = await ReadAsync(body, buffer, "logs", token);
            if (read == 0)
            {
                break;
            }

            foreach (var line in decoder.Feed(buffer.AsSpan(0, read)))
            {
                yield return line;
            }

            if (decoder.Abandoned)
            {
                DockerLog.LogStreamAbandoned(logger, host, containerId, decoder.AbandonReason ?? "unreadable");
                yield break;
            }
        }

        foreach (var line in decoder.Complete())
        {
            yield return line;
        }
    }

    public async IAsyncEnumerable<ContainerEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(openToken, cancellationToken);
        var token = linked.Token;
        using var disposeOnCancel = token.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);
        using var owned = response;
        using var openRegistration = _openRegistration;
        var splitter = new LineSplitter(MaxEventLineBytes);
        var lines = new List<string>();
        var buffer = new byte[ChunkBytes];
        await using var body = await OpenBodyAsync(token);
        var ended = body is null;
        while (!ended)
        {
            var read = await ReadAsync(body!, buffer, "events", token);
            lines.Clear();
            if (read == 0)
            {
                splitter.Complete(lines.Add);
                ended = true;
            }
            else
            {
                splitter.Feed(buffer.AsSpan(0, read), lines.Add);
            }

            foreach (var line in lines)
            {
                if (ParseEvent(line) is { } e)
                {
                    yield return e;
                }
            }
        }
    }

    /// <summary>One event line, or null (logged) when it is blank, malformed or not about a container.</summary>
    private ContainerEvent? ParseEvent(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            if (DockerWire.Event(document.RootElement) is { } e)
            {
                return e;
            }
        }
        catch (JsonException)
        {
        }

        // One bad line (a proxy's keep-alive text, a truncated write) must not end the stream.
        DockerLog.EventSkipped(logger, host, line.Length);
        return null;
    }

    private async Task<Stream?> OpenBodyAsync(CancellationToken token)
    {
        try
        {
            return await response.Content.ReadAsStreamAsync(token);
        }
        catch (Exception ex) when (IsDrop(ex))
        {
            token.ThrowIfCancellationRequested();
            DockerLog.StreamEnded(logger, host, "body", ex.Message);
            return null;
        }
    }

    /// <summary>Reads a chunk; 0 at the end of the stream or when the connection dropped.</summary>
    private async Task<int> ReadAsync(Stream body, byte[] buffer, string what, CancellationToken token)
    {
        try
        {
            return await body.ReadAsync(buffer, token);
        }
        catch (Exception ex) when (IsDrop(ex))
        {
            // A read cut short by our own cancellation (the registration disposes the response) is a cancellation.
            token.ThrowIfCancellationRequested();
            DockerLog.StreamEnded(logger, host, what, ex.Message);
            return 0;
        }
    }

    private static bool IsDrop(Exception exception) => exception is IOException or HttpRequestException or ObjectDisposedException;
}
