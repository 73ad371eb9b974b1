using System.Text;
using Homelab.Dashboard.Adapters.Docker;
using Homelab.Domain.Containers;
using static Homelab.Tests.Dashboard.Adapters.Docker.DockerTestClients;

namespace Homelab.Tests.Dashboard.Adapters.Docker;

public sealed class DockerLogDecoderTests
{
    private static readonly DateTimeOffset s_ten = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Three frames: a stdout line, a stderr line cut in two frames with a stdout frame between them, and a
    /// stdout line whose frame also starts the next line. Multi-byte UTF-8 included.
    /// </summary>
    private static byte[] Sample() =>
    [
        .. Frame(1, "2026-11-26T10:00:00Z Starting jellyfin — 10.11.2\n"),
        .. Frame(2, "2026-11-26T10:00:01Z [ERR] disk "),
        .. Frame(1, "2026-11-26T10:00:02Z ok\n2026-11-26T10:00:03Z né "),
        .. Frame(2, "full\n"),
        .. Frame(1, "split\n"),
    ];

    private static readonly LogLine[] s_expected =
    [
        new(LogStream.Stdout, s_ten, "Starting jellyfin — 10.11.2"),
        new(LogStream.Stdout, s_ten.AddSeconds(2), "ok"),
        new(LogStream.Stderr, s_ten.AddSeconds(1), "[ERR] disk full"),
        new(LogStream.Stdout, s_ten.AddSeconds(3), "né split"),
    ];

    [Fact]
    public void Feed_WholeStreamAtOnce_DemultiplexesPerStream()
    {
        Assert.Equal(s_expected, Decode(Sample(), [Sample().Length]));
    }

    [Fact]
    public void Feed_SplitAtEveryByteBoundary_GivesTheSameLines()
    {
        var bytes = Sample();
        for (var split = 1; split < bytes.Length; split++)
        {
            Assert.Equal(s_expected, Decode(bytes, [split, bytes.Length - split]));
        }
    }

    [Fact]
    public void Feed_OneByteAtATime_GivesTheSameLines()
    {
        var bytes = Sample();
        Assert.Equal(s_expected, Decode(bytes, [.. Enumerable.Repeat(1, bytes.Length)]));
    }

    [Fact]
    public void Feed_StdinAndSystemStreams_AreStdoutAndSystem()
    {
        var lines = Decode([.. Frame(0, "echoed\n"), .. Frame(3, "Error grabbing logs: invalid character\n")], null);

        Assert.Equal([new LogLine(LogStream.Stdout, null, "echoed"), new LogLine(LogStream.System, null, "Error grabbing logs: invalid character")], lines);
    }

    [Fact]
    public void Feed_RawTtyStream_IsAllStdoutWithoutCarriageReturns()
    {
        var bytes = Encoding.UTF8.GetBytes("2026-11-26T10:00:00Z top - 10:00:00 up 3 days\r\n\r\nlast line without newline");

        var lines = Decode(bytes, [5, 20, bytes.Length - 25], multiplexed: false);

        Assert.Equal(
            [new LogLine(LogStream.Stdout, s_ten, "top - 10:00:00 up 3 days"), new LogLine(LogStream.Stdout, null, ""), new LogLine(LogStream.Stdout, null, "last line without newline")],
            lines);
    }

    [Fact]
    public void Feed_FirstHeaderIsNotAHeader_ReadsTheStreamAsRaw()
    {
        // Expected multiplexed (inspect said no TTY) but the bytes are plain text: the first "header" gives it away.
        var lines = Decode(Encoding.UTF8.GetBytes("2026-11-26T10:00:00Z plain text after all\n"), [3, 100]);

        Assert.Equal([new LogLine(LogStream.Stdout, s_ten, "plain text after all")], lines);
    }

    [Fact]
    public void Feed_OversizedFrame_AbandonsTheStreamWithASystemLine()
    {
        var decoder = new DockerLogDecoder(multiplexed: true);
        var header = new byte[] { 1, 0, 0, 0, 0x7f, 0xff, 0xff, 0xff };

        var lines = decoder.Feed([.. Frame(1, "before\n"), .. header, .. new byte[64]]);

        Assert.True(decoder.Abandoned);
        Assert.Equal("before", lines[0].Text);
        Assert.Equal(LogStream.System, lines[1].Stream);
        Assert.Contains("2147483647 bytes", lines[1].Text, StringComparison.Ordinal);
        Assert.Empty(decoder.Feed(Frame(1, "ignored\n")));
        Assert.Empty(decoder.Complete());
    }

    [Fact]
    public void Feed_BadHeaderAfterGoodFrames_AbandonsTheStream()
    {
        var decoder = new DockerLogDecoder(multiplexed: true);

        var lines = decoder.Feed([.. Frame(1, "fine\n"), .. new byte[] { 9, 1, 2, 3, 0, 0, 0, 1, 0 }]);

        Assert.Equal(["fine", "The log stream could not be read further: a frame header with stream byte 9 is not valid."], lines.Select(l => l.Text));
        Assert.True(decoder.Abandoned);
    }

    [Fact]
    public void Feed_LineLongerThanTheCap_IsHandedOutInPieces()
    {
        var text = new string('x', DockerLogDecoder.MaxLineBytes + 10);
        var decoder = new DockerLogDecoder(multiplexed: false);

        var lines = decoder.Feed(Encoding.ASCII.GetBytes(text + "\n"));

        Assert.Equal([DockerLogDecoder.MaxLineBytes, 10], lines.Select(l => l.Text.Length));
    }

    [Fact]
    public void Complete_LinesWithoutFinalNewline_AreReturnedPerStream()
    {
        var lines = Decode([.. Frame(1, "out tail"), .. Frame(2, "err tail")], null);

        Assert.Equal([new LogLine(LogStream.Stdout, null, "out tail"), new LogLine(LogStream.Stderr, null, "err tail")], lines);
    }

    [Theory]
    [InlineData("2026-11-26T10:00:00.123456789Z hello", "hello", 1_234_567L)]
    [InlineData("2026-11-26T10:00:00Z  two spaces", " two spaces", 0L)]
    [InlineData("2026-11-26T11:00:00+01:00 offset", "offset", 0L)]
    public void ToLogLine_TimestampPrefix_IsParsedAndStripped(string line, string text, long ticks)
    {
        var parsed = DockerLogDecoder.ToLogLine(LogStream.Stdout, line);

        Assert.Equal(text, parsed.Text);
        Assert.Equal(s_ten.AddTicks(ticks), parsed.Timestamp);
    }

    [Theory]
    [InlineData("no timestamp here at all")]
    [InlineData("2026-11-26 10:00:00 not rfc3339")]
    [InlineData("2026-13-45T10:00:00Z impossible date")]
    public void ToLogLine_NoTimestamp_KeepsTheWholeLine(string line)
    {
        var parsed = DockerLogDecoder.ToLogLine(LogStream.Stderr, line);

        Assert.Null(parsed.Timestamp);
        Assert.Equal(line, parsed.Text);
    }

    private static List<LogLine> Decode(byte[] bytes, int[]? chunkSizes, bool multiplexed = true)
    {
        var decoder = new DockerLogDecoder(multiplexed);
        var lines = new List<LogLine>();
        var offset = 0;
        foreach (var size in chunkSizes ?? [bytes.Length])
        {
            var take = Math.Min(size, bytes.Length - offset);
            lines.AddRange(decoder.Feed(bytes.AsSpan(offset, take)));
            offset += take;
        }

        lines.AddRange(decoder.Complete());
        return lines;
    }
}
