using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Homelab.Domain.Common;
using Homelab.Domain.Containers;
using Homelab.Domain.Ports;
using Homelab.Domain.Sources;

namespace Homelab.Tests.Shared;

/// <summary>
/// A Docker host for the log drawer's tests: answers <see cref="OpenLogsAsync"/> with <see cref="Tail"/>, and when following, then
/// with every line the test writes to <see cref="Follow"/>. Other calls are not used by the UI and fail.
/// </summary>
internal sealed class TestLogSource(string host) : IContainerSource
{
    private readonly SemaphoreSlim _followStarted = new(0);
    private int _openStreams;

    public string Host { get; } = host;

    public List<LogLine> Tail { get; } = [];

    /// <summary>Lines for an open follow stream.</summary>
    public Channel<LogLine> Follow { get; } = Channel.CreateUnbounded<LogLine>();

    /// <summary>When set, opening the log fails with this error.</summary>
    public SourceError? OpenError { get; set; }

    public List<LogRequest> Requests { get; } = [];

    /// <summary>Waits until a follow stream has sent its tail and is waiting for new lines.</summary>
    public async Task WaitForFollowAsync()
    {
        if (!await _followStarted.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("No follow stream was opened.");
        }
    }

    /// <summary>Streams currently open (incremented on open, decremented when the reader stops).</summary>
    public int OpenStreams => Volatile.Read(ref _openStreams);

    /// <summary>Follow streams that ended because the reader cancelled them.</summary>
    public int CancelledStreams { get; private set; }

    public Task<SourceResult<IAsyncEnumerable<LogLine>>> OpenLogsAsync(string containerId, LogRequest request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(request);
        }

        if (OpenError is { } error)
        {
            return Task.FromResult(SourceResult<IAsyncEnumerable<LogLine>>.Fail(error));
        }

        Interlocked.Increment(ref _openStreams);
        return Task.FromResult(SourceResult<IAsyncEnumerable<LogLine>>.Ok(ReadAsync(request, cancellationToken)));
    }

    private async IAsyncEnumerable<LogLine> ReadAsync(LogRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            foreach (var line in request.Tail is { } tail ? Tail.TakeLast(tail) : Tail)
            {
                yield return line;
            }

            if (!request.Follow)
            {
                yield break;
            }

            _followStarted.Release();

            while (true)
            {
                LogLine next;
                try
                {
                    next = await Follow.Reader.ReadAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    CancelledStreams++;
                    throw;
                }

                yield return next;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _openStreams);
        }
    }

    public Task<SourceResult<EquatableArray<ContainerSummary>>> ListAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<SourceResult<ContainerDetails>> InspectAsync(string containerId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<SourceResult<ContainerStatsSample>> GetStatsAsync(string containerId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<SourceResult<ContainerCommandOutcome>> SendCommandAsync(string containerId, ContainerCommand command, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<SourceResult<IAsyncEnumerable<ContainerEvent>>> OpenEventsAsync(DateTimeOffset? since, CancellationToken cancellationToken) => throw new NotSupportedException();
}
