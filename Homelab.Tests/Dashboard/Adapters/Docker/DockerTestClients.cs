using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Homelab.Dashboard.Adapters.Docker;
using Homelab.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace Homelab.Tests.Dashboard.Adapters.Docker;

/// <summary>A <see cref="DockerClient"/> over <see cref="TestHttpMessageHandler"/>, with a daemon that answers /_ping.</summary>
internal static class DockerTestClients
{
    public const string Host = "docker-server";

    /// <param name="route">Answers everything but /_ping.</param>
    /// <param name="apiVersion">What /_ping puts in Api-Version; null for a ping without it.</param>
    public static (DockerClient Client, TestHttpMessageHandler Handler) Create(
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> route,
        string? apiVersion = "1.52",
        TimeSpan? requestTimeout = null)
    {
        var handler = new TestHttpMessageHandler((request, cancellationToken) =>
            request.RequestUri!.AbsolutePath == "/_ping" ? Task.FromResult(Ping(apiVersion)) : route(request, cancellationToken));
        return (Over(handler, requestTimeout), handler);
    }

    public static (DockerClient Client, TestHttpMessageHandler Handler) Create(Func<HttpRequestMessage, HttpResponseMessage> route, string? apiVersion = "1.52", TimeSpan? requestTimeout = null) =>
        Create((request, _) => Task.FromResult(route(request)), apiVersion, requestTimeout);

    public static DockerClient Over(HttpMessageHandler handler, TimeSpan? requestTimeout = null) =>
        new(new HttpClient(handler) { BaseAddress = new Uri("http://docker"), Timeout = Timeout.InfiniteTimeSpan }, Host, requestTimeout ?? TimeSpan.FromSeconds(10), NullLogger.Instance, TimeProvider.System);

    public static HttpResponseMessage Ping(string? apiVersion)
    {
        var response = TestHttpMessageHandler.Text("OK");
        if (apiVersion is not null)
        {
            response.Headers.Add("Api-Version", apiVersion);
        }

        return response;
    }

    /// <summary>A byte-stream response (logs, events) with the given media type.</summary>
    public static HttpResponseMessage Stream(Stream body, string? mediaType)
    {
        var content = new StreamContent(body);
        if (mediaType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    /// <summary>One multiplexed log frame: <c>[stream, 0, 0, 0, length BE]</c> and the payload.</summary>
    public static byte[] Frame(byte stream, string payload)
    {
        var bytes = Encoding.UTF8.GetBytes(payload);
        var frame = new byte[8 + bytes.Length];
        frame[0] = stream;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)bytes.Length);
        bytes.CopyTo(frame, 8);
        return frame;
    }

    /// <summary>Reads a stream to its end (or until the test is cancelled).</summary>
    public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items.WithCancellation(TestContext.Current.CancellationToken))
        {
            list.Add(item);
        }

        return list;
    }
}

/// <summary>
/// A response body that hands out prepared chunks one read at a time, then ends, fails like a dropped connection,
/// or waits (like a follow stream with nothing new) until the read is cancelled.
/// </summary>
internal sealed class TestChunkedStream(IEnumerable<byte[]> chunks, TestChunkedStream.Ending ending = TestChunkedStream.Ending.End) : Stream
{
    private readonly Queue<byte[]> _chunks = new(chunks);

    public enum Ending
    {
        End,
        Drop,
        Hang,
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_chunks.TryDequeue(out var chunk))
        {
            // Chunks larger than the reader's buffer are handed out over several reads.
            var take = Math.Min(chunk.Length, buffer.Length);
            chunk.AsSpan(0, take).CopyTo(buffer.Span);
            if (take < chunk.Length)
            {
                var rest = new Queue<byte[]>([chunk[take..], .. _chunks]);
                _chunks.Clear();
                foreach (var c in rest)
                {
                    _chunks.Enqueue(c);
                }
            }

            return take;
        }

        switch (ending)
        {
            case Ending.Drop:
                throw new IOException("The response ended prematurely.");
            case Ending.Hang:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return 0;
            default:
                return 0;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
