using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Homelab.Tests.Dashboard.Adapters.Proxmox;

/// <summary>Keeps every log entry (formatted message plus exception) so tests can check what was, and was not, logged.</summary>
internal sealed class TestLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public IReadOnlyList<string> Messages => [.. _entries.Select(e => e.Text)];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public ILogger<T> CreateLogger<T>() => new Logger<T>(this);

    /// <summary>A factory that sends everything, down to Trace, here.</summary>
    public ILoggerFactory CreateFactory() => LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    public void Dispose()
    {
    }

    internal sealed record LogEntry(LogLevel Level, EventId EventId, string Text);

    private class Logger(TestLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue(new LogEntry(logLevel, eventId, formatter(state, exception) + (exception is null ? "" : Environment.NewLine + exception)));
    }

    private sealed class Logger<T>(TestLoggerProvider owner) : Logger(owner), ILogger<T>;
}
