using System.Text;
using System.Text.Json;
using Homelab.Dashboard.Adapters.Http;

namespace Homelab.Tests.Dashboard.Adapters.Http;

/// <summary>Response bodies read into pooled buffers, under a size cap.</summary>
public sealed class BoundedContentTests
{
    [Fact]
    public async Task ReadAsync_BodyLargerThanFirstBuffer_ReturnsEveryByte()
    {
        // Docker's container list is ~75 KB: several times the first buffer, so the buffer has to grow.
        var json = "[" + string.Join(',', Enumerable.Range(0, 20_000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        using var body = await BoundedContent.ReadAsync(content, CancellationToken.None);

        Assert.NotNull(body);
        Assert.Equal(json, body.Text());
        using var document = JsonDocument.Parse(body.Utf8);
        Assert.Equal(20_000, document.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task ReadAsync_ChunkedBodyOverTheCap_ReturnsNull()
    {
        // No Content-Length: the cap is enforced while reading.
        using var content = new StreamContent(new MemoryStream(new byte[40_000]));
        content.Headers.ContentLength = null;

        Assert.Null(await BoundedContent.ReadAsync(content, CancellationToken.None, maxBytes: 32_000));
    }

    [Fact]
    public async Task ReadAsync_DeclaredLengthOverTheCap_ReturnsNullWithoutReading()
    {
        var stream = new CountingStream(new byte[10]);
        using var content = new StreamContent(stream);
        content.Headers.ContentLength = 1_000_000;

        Assert.Null(await BoundedContent.ReadAsync(content, CancellationToken.None, maxBytes: 1_000));
        Assert.Equal(0, stream.Reads);
    }

    [Fact]
    public async Task ReadAsync_RequestStreamDeclaredOverTheCap_ReturnsNullWithoutReading()
    {
        // The simulators read request bodies through the same path, with the request's Content-Length.
        var stream = new CountingStream(new byte[10]);

        Assert.Null(await BoundedContent.ReadAsync(stream, declared: 1_000_000, maxBytes: 1_000, CancellationToken.None));
        Assert.Equal(0, stream.Reads);
    }

    [Fact]
    public async Task ReadAsync_BodyLongerThanItsContentLength_StillHitsTheCap()
    {
        // A server that under-declares must not slip a larger body past the cap.
        using var content = new StreamContent(new MemoryStream(new byte[5_000]));
        content.Headers.ContentLength = 10;

        Assert.Null(await BoundedContent.ReadAsync(content, CancellationToken.None, maxBytes: 1_000));
    }

    [Fact]
    public async Task ReadAsync_ExactlyTheCap_IsAccepted()
    {
        using var content = new StreamContent(new MemoryStream(new byte[1_000]));
        content.Headers.ContentLength = null;

        using var body = await BoundedContent.ReadAsync(content, CancellationToken.None, maxBytes: 1_000);

        Assert.Equal(1_000, body!.Utf8.Length);
    }

    [Fact]
    public async Task Utf8_BodyWithByteOrderMark_LeavesTheMarkOutSoJsonParses()
    {
        using var content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. "{\"a\":1}"u8.ToArray()]);

        using var body = await BoundedContent.ReadAsync(content, CancellationToken.None);
        using var document = JsonDocument.Parse(body!.Utf8);

        Assert.Equal(1, document.RootElement.GetProperty("a").GetInt32());
    }

    [Fact]
    public async Task Utf8_AfterDispose_Throws()
    {
        using var content = new StringContent("ok");
        var body = await BoundedContent.ReadAsync(content, CancellationToken.None);
        body!.Dispose();

        Assert.Throws<ObjectDisposedException>(() => body.Utf8);
        body.Dispose(); // a second dispose returns nothing twice to the pool
    }

    [Fact]
    public async Task ReadStringAsync_Utf8Text_DecodesIt()
    {
        using var content = new StringContent("Größe: 5 GiB");

        Assert.Equal("Größe: 5 GiB", await BoundedContent.ReadStringAsync(content, CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_StreamFailsMidway_Throws()
    {
        using var content = new StreamContent(new FailingStream());

        await Assert.ThrowsAsync<IOException>(() => BoundedContent.ReadAsync(content, CancellationToken.None));
    }

    private sealed class CountingStream(byte[] data) : MemoryStream(data)
    {
        public int Reads { get; private set; }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Reads++;
            return base.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Reads++;
            return base.ReadAsync(buffer, offset, count, cancellationToken);
        }
    }

    private sealed class FailingStream : MemoryStream
    {
        private int _reads;

        public FailingStream()
            : base(new byte[100_000])
        {
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ++_reads > 2 ? throw new IOException("connection reset") : base.ReadAsync(buffer[..Math.Min(buffer.Length, 4_000)], cancellationToken);
    }
}
