using System.Buffers.Binary;
using Homelab.Domain.Containers;

namespace Homelab.Dashboard.Adapters.Docker;

/// <summary>
/// Turns the bytes of <c>GET /containers/{id}/logs</c> into lines. Without a TTY the daemon multiplexes stdout and
/// stderr into frames, each an 8-byte header <c>[stream, 0, 0, 0, length (uint32 big-endian)]</c> and the payload;
/// with a TTY the bytes come raw. Frames and lines are independent: a read can end inside a header, and a line can
/// run across frames, so bytes are kept per stream until their line ends.
/// </summary>
/// <remarks>Not thread-safe; one decoder per response.</remarks>
internal sealed class DockerLogDecoder
{
    /// <summary>Docker's own loggers cut messages at 16 KiB; a frame far above that means the framing is wrong.</summary>
    public const int MaxFrameBytes = 1 << 20;

    /// <summary>Longer lines are handed out in pieces of this size.</summary>
    public const int MaxLineBytes = 64 * 1024;

    private const int HeaderLength = 8;

    private readonly LineSplitter _stdout = new(MaxLineBytes);
    private readonly LineSplitter _stderr = new(MaxLineBytes);
    private readonly LineSplitter _system = new(MaxLineBytes);
    private readonly byte[] _header = new byte[HeaderLength];
    private readonly List<LogLine> _output = [];
    private bool _multiplexed;
    private bool _sawFirstHeader;
    private int _headerFilled;
    private long _frameRemaining;
    private LogStream _frameStream;

    public DockerLogDecoder(bool multiplexed) => _multiplexed = multiplexed;

    /// <summary>True once the stream proved unreadable; the rest of it is ignored.</summary>
    public bool Abandoned { get; private set; }

    /// <summary>Why the stream was abandoned, for the log.</summary>
    public string? AbandonReason { get; private set; }

    /// <summary>Decodes one chunk of the response and returns the lines it completed.</summary>
    public IReadOnlyList<LogLine> Feed(ReadOnlySpan<byte> data)
    {
        _output.Clear();
        if (Abandoned)
        {
            return _output;
        }

        if (!_multiplexed)
        {
            _stdout.Feed(data, AddStdout);
            return [.. _output];
        }

        while (!data.IsEmpty && !Abandoned)
        {
            if (_frameRemaining > 0)
            {
                var take = (int)Math.Min(_frameRemaining, data.Length);
                SplitterFor(_frameStream).Feed(data[..take], LineAdder(_frameStream));
                _frameRemaining -= take;
                data = data[take..];
                continue;
            }

            var copy = Math.Min(HeaderLength - _headerFilled, data.Length);
            data[..copy].CopyTo(_header.AsSpan(_headerFilled));
            _headerFilled += copy;
            data = data[copy..];
            if (_headerFilled == HeaderLength)
            {
                _headerFilled = 0;
                StartFrame(ref data);
            }
        }

        return [.. _output];
    }

    /// <summary>Ends the stream: lines still waiting for a newline are returned as they are.</summary>
    public IReadOnlyList<LogLine> Complete()
    {
        _output.Clear();
        if (!Abandoned)
        {
            _stdout.Complete(AddStdout);
            _stderr.Complete(AddStderr);
            _system.Complete(AddSystem);
        }

        return [.. _output];
    }

    private void StartFrame(ref ReadOnlySpan<byte> rest)
    {
        var valid = _header[0] <= 3 && _header[1] == 0 && _header[2] == 0 && _header[3] == 0;
        if (!valid)
        {
            if (!_sawFirstHeader)
            {
                // The very first "header" is not one: the container has a TTY after all and the bytes are raw.
                // Replay them (and the rest of this chunk) as plain output.
                _multiplexed = false;
                _stdout.Feed(_header, AddStdout);
                _stdout.Feed(rest, AddStdout);
                rest = [];
                return;
            }

            Abandon($"a frame header with stream byte {_header[0]} is not valid");
            return;
        }

        _sawFirstHeader = true;
        var length = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(4));
        if (length > MaxFrameBytes)
        {
            Abandon($"a frame of {length} bytes is larger than the {MaxFrameBytes / 1024} KiB limit");
            return;
        }

        _frameStream = _header[0] switch
        {
            2 => LogStream.Stderr,
            3 => LogStream.System,

            // Stream 0 (stdin) only appears when stdin is echoed; it is output as far as a reader is concerned.
            _ => LogStream.Stdout,
        };
        _frameRemaining = length;
    }

    private void Abandon(string reason)
    {
        Abandoned = true;
        AbandonReason = reason;
        _output.Add(new LogLine(LogStream.System, null, $"The log stream could not be read further: {reason}."));
    }

    private LineSplitter SplitterFor(LogStream stream) => stream switch
    {
        LogStream.Stderr => _stderr,
        LogStream.System => _system,
        _ => _stdout,
    };

    private Action<string> LineAdder(LogStream stream) => stream switch
    {
        LogStream.Stderr => AddStderr,
        LogStream.System => AddSystem,
        _ => AddStdout,
    };

    private void AddStdout(string line) => _output.Add(ToLogLine(LogStream.Stdout, line));

    private void AddStderr(string line) => _output.Add(ToLogLine(LogStream.Stderr, line));

    private void AddSystem(string line) => _output.Add(ToLogLine(LogStream.System, line));

    /// <summary>With <c>timestamps=1</c> each line starts with an RFC 3339 time and a space.</summary>
    internal static LogLine ToLogLine(LogStream stream, string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (space >= 20 && DockerTime.ParseRfc3339(line.AsSpan(0, space)) is { } timestamp)
        {
            return new LogLine(stream, timestamp, line[(space + 1)..]);
        }

        return new LogLine(stream, null, line);
    }
}
