using System.Text.RegularExpressions;
using Homelab.Domain.Containers;

namespace Homelab.Dashboard.Model;

/// <summary>A log line as the drawer shows it; <see cref="Sequence"/> keys the row so trimming the top is cheap.</summary>
/// <param name="IsError">A line the dashboard wrote itself, e.g. "could not read the log: …".</param>
public sealed record LogEntry(long Sequence, LogStream Stream, string? Time, string Text, bool IsError = false)
{
    /// <summary>"out", "err", "sys", or "!" for the dashboard's own error lines; shown so colour is not the only signal.</summary>
    public string StreamWord => IsError ? "!" : Stream switch
    {
        LogStream.Stderr => "err",
        LogStream.System => "sys",
        _ => "out",
    };

    /// <summary>A class-safe word for styling: "out", "err", "sys" or "error".</summary>
    public string CssWord => IsError ? "error" : StreamWord;
}

/// <summary>
/// The last <see cref="Capacity"/> lines of a container log. Thread-safe: a reader task appends while the renderer
/// takes snapshots.
/// </summary>
public sealed class LogBuffer(int capacity = LogBuffer.DefaultCapacity)
{
    /// <summary>Lines kept while following; older ones drop off the top.</summary>
    public const int DefaultCapacity = 1_000;

    private readonly Queue<LogEntry> _lines = new();
    private readonly Lock _gate = new();
    private long _sequence;
    private int _version;

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    /// <summary>Changes on every append or clear, so a reader can tell whether to re-render.</summary>
    public int Version => Volatile.Read(ref _version);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _lines.Count;
            }
        }
    }

    /// <summary>Lines that dropped off the top since the last clear.</summary>
    public long Dropped { get; private set; }

    public void Add(LogLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        Append(line.Stream, line.Timestamp, line.Text, isError: false);
    }

    /// <summary>Adds a line of the dashboard's own, e.g. why the log could not be read.</summary>
    public void AddError(string message) => Append(LogStream.System, null, message, isError: true);

    public void Clear()
    {
        lock (_gate)
        {
            _lines.Clear();
            Dropped = 0;
            _version++;
        }
    }

    public IReadOnlyList<LogEntry> Snapshot()
    {
        lock (_gate)
        {
            return [.. _lines];
        }
    }

    private void Append(LogStream stream, DateTimeOffset? timestamp, string text, bool isError)
    {
        var time = timestamp?.ToUniversalTime().ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        lock (_gate)
        {
            _lines.Enqueue(new LogEntry(++_sequence, stream, time, LogText.Clean(text), isError));
            while (_lines.Count > Capacity)
            {
                _lines.Dequeue();
                Dropped++;
            }

            _version++;
        }
    }
}

/// <summary>Makes upstream log text fit for a plain-text view.</summary>
public static partial class LogText
{
    /// <summary>Drops ANSI colour and cursor sequences (many images colour their logs) and the trailing newline.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimEnd('\r', '\n');
        return trimmed.Contains('\u001b', StringComparison.Ordinal) ? AnsiSequence().Replace(trimmed, "") : trimmed;
    }

    [GeneratedRegex(@"\u001b\[[0-9;?]*[ -/]*[@-~]")]
    private static partial Regex AnsiSequence();
}
