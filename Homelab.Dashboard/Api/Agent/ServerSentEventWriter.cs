using System.Text;
using System.Text.Json;

namespace Homelab.Dashboard.Api.Agent;

/// <summary>
/// Writes server-sent events to a response and flushes each one, so a client sees it the moment it happens. Events and
/// heartbeat comments come from different tasks; one lock keeps their lines from interleaving.
/// </summary>
internal sealed class ServerSentEventWriter(Stream body) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private long _nextId;

    /// <summary><c>id:</c>, <c>event:</c> and one <c>data:</c> line of compact JSON.</summary>
    public Task WriteEventAsync(string name, object data, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(data, data.GetType(), AgentApiJson.Options);
        var id = Interlocked.Increment(ref _nextId);
        return WriteAsync($"id: {id}\nevent: {name}\ndata: {json}\n\n", cancellationToken);
    }

    /// <summary>A comment line, which clients ignore; it keeps an idle connection open.</summary>
    public Task WriteCommentAsync(string text, CancellationToken cancellationToken) =>
        WriteAsync($": {text}\n\n", cancellationToken);

    public void Dispose() => _lock.Dispose();

    private async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await _lock.WaitAsync(cancellationToken);
        try
        {
            await body.WriteAsync(bytes, cancellationToken);
            await body.FlushAsync(cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }
}
