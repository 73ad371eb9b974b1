using System.Text.Json;

namespace Homelab.Dashboard.Agent.Model;

/// <summary>
/// Passes an NDJSON body through line by line, checking each complete line before the reader sees it: a line that is
/// just <c>{"error":"…"}</c> becomes an <see cref="OllamaFailureException"/>, and a read that waits longer than the
/// idle timeout ends the call as a timeout.
/// </summary>
/// <remarks>
/// Only whole lines are handed on, so the reader above never sees half of an error line. A body without line breaks
/// (a <c>stream:false</c> answer) is checked once at its end.
/// </remarks>
internal sealed class OllamaLineGuardStream(Stream inner, TimeSpan idleTimeout, TimeProvider timeProvider, string origin) : Stream
{
    private static readonly byte[] s_errorKey = "\"error\""u8.ToArray();

    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _checked;
    private int _end;
    private bool _eof;
    private OllamaFailureException? _failure;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        while (_checked == _start)
        {
            if (_failure is not null)
            {
                // The lines before the error have been read; now the reader hears of it.
                throw _failure;
            }

            if (_eof)
            {
                return 0;
            }

            await FillAsync(cancellationToken);
        }

        var count = Math.Min(destination.Length, _checked - _start);
        _buffer.AsSpan(_start, count).CopyTo(destination.Span);
        _start += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>The text of an <c>{"error":"…"}</c> object (a whole line or a whole body); null for anything else.</summary>
    public static string? ErrorOf(ReadOnlySpan<byte> line)
    {
        // Cheap test first: nearly every line is a token and never mentions the key.
        if (line.IndexOf(s_errorKey) < 0)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(line);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("message", out _)
                && root.TryGetProperty("error", out var error)
                ? error.ValueKind == JsonValueKind.String ? error.GetString() : error.GetRawText()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            // Keep the unread bytes at the front so the buffer only grows for one very long line.
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _checked -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        int read;
        using (var idle = new CancellationTokenSource(idleTimeout, timeProvider))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token))
        {
            try
            {
                read = await inner.ReadAsync(_buffer.AsMemory(_end), linked.Token);
            }
            catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new OllamaFailureException(OllamaFailureKind.Timeout, $"Ollama at {origin} went silent for {idleTimeout.TotalSeconds:0.#} s in the middle of an answer");
            }
        }

        if (read == 0)
        {
            _eof = true;
            _checked = Check(_checked, _end);
            return;
        }

        var scanFrom = _end;
        _end += read;
        var lastBreak = _buffer.AsSpan(scanFrom, read).LastIndexOf((byte)'\n');
        if (lastBreak >= 0)
        {
            _checked = Check(_checked, scanFrom + lastBreak + 1);
        }
    }

    /// <summary>Checks the lines in [from, to); returns where the readable part ends: before an error line, if there is one.</summary>
    private int Check(int from, int to)
    {
        var position = from;
        while (position < to)
        {
            var span = _buffer.AsSpan(position, to - position);
            var lineBreak = span.IndexOf((byte)'\n');
            var line = lineBreak < 0 ? span : span[..lineBreak];
            if (ErrorOf(line) is { } error)
            {
                _failure = new OllamaFailureException(OllamaFailureKind.ServerError, $"Ollama at {origin} broke off the answer: {error}", error);
                _eof = true;
                return position;
            }

            position += lineBreak < 0 ? span.Length : lineBreak + 1;
        }

        return position;
    }
}
