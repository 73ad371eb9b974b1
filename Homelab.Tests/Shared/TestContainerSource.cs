using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Homelab.Domain.Common;
using Homelab.Domain.Containers;
using Homelab.Domain.Ports;
using Homelab.Domain.Sources;

namespace Homelab.Tests.Shared;

/// <summary>A Docker host whose containers, stats, logs and events the test controls.</summary>
/// <remarks>
/// Logs: <see cref="OpenLogsAsync"/> answers with <see cref="Tail"/>, and when following, then with every line the test
/// writes to <see cref="Follow"/>.
/// </remarks>
internal sealed class TestContainerSource(string host = "docker-server") : IContainerSource
{
    private readonly SemaphoreSlim _followStarted = new(0);
    private int _openStreams;

    public string Host { get; } = host;

    /// <summary>Current containers; the list and inspect answers are derived from these.</summary>
    public List<ContainerDetails> Containers { get; } = [];

    public Func<SourceResult<EquatableArray<ContainerSummary>>>? ListOverride { get; set; }

    public Func<string, ContainerStatsSample>? Stats { get; set; }

    public Func<string, ContainerCommand, SourceResult<ContainerCommandOutcome>>? Command { get; set; }

    /// <summary>The lines already written, served as the log's tail.</summary>
    public List<LogLine> Tail { get; } = [];

    /// <summary>Lines for an open follow stream.</summary>
    public Channel<LogLine> Follow { get; } = Channel.CreateUnbounded<LogLine>();

    /// <summary>When set, opening the log fails with this error.</summary>
    public SourceError? OpenError { get; set; }

    /// <summary>Every log request, in order.</summary>
    public List<LogRequest> Requests { get; } = [];

    /// <summary>Log streams currently open (incremented on open, decremented when the reader stops).</summary>
    public int OpenStreams => Volatile.Read(ref _openStreams);

    /// <summary>Follow streams that ended because the reader cancelled them.</summary>
    public int CancelledStreams { get; private set; }

    public Channel<ContainerEvent> Events { get; } = Channel.CreateUnbounded<ContainerEvent>();

    public int ListCalls;

    public int InspectCalls;

    public int StatsCalls;

    public List<(string Id, ContainerCommand Command)> Commands { get; } = [];

    public ContainerDetails Add(string name, ContainerState state = ContainerState.Running, ContainerHealth health = ContainerHealth.None)
    {
        var details = new ContainerDetails
        {
            Id = $"{name}-id",
            Name = name,
            State = state,
            Health = health,
            StartedAt = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero),
            RestartCount = 0,
            Image = $"example/{name}",
        };
        lock (Containers)
        {
            Containers.Add(details);
        }

        return details;
    }

    public void Update(string id, Func<ContainerDetails, ContainerDetails> change)
    {
        lock (Containers)
        {
            var index = Containers.FindIndex(c => c.Id == id);
            Containers[index] = change(Containers[index]);
        }
    }

    public Task<SourceResult<EquatableArray<ContainerSummary>>> ListAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref ListCalls);
        if (ListOverride is not null)
        {
            return Task.FromResult(ListOverride());
        }

        lock (Containers)
        {
            var list = Containers.Select(c => new ContainerSummary
            {
                Id = c.Id,
                Name = c.Name,
                Image = c.Image,
                State = c.State,
                StatusText = $"{c.State} {c.StartedAt:O}",
                Health = c.Health,
            }).ToEquatableArray();
            return Task.FromResult(SourceResult<EquatableArray<ContainerSummary>>.Ok(list));
        }
    }

    public Task<SourceResult<ContainerDetails>> InspectAsync(string containerId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref InspectCalls);
        lock (Containers)
        {
            var found = Containers.FirstOrDefault(c => c.Id == containerId || c.Name == containerId);
            return Task.FromResult(found is null
                ? SourceResult<ContainerDetails>.Fail(SourceErrorKind.NotFound, $"No such container: {containerId}", 404)
                : SourceResult<ContainerDetails>.Ok(found));
        }
    }

    public Task<SourceResult<ContainerStatsSample>> GetStatsAsync(string containerId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref StatsCalls);
        return Task.FromResult(Stats is null
            ? SourceResult<ContainerStatsSample>.Fail(SourceErrorKind.NotFound, "no stats")
            : SourceResult<ContainerStatsSample>.Ok(Stats(containerId)));
    }

    public Task<SourceResult<ContainerCommandOutcome>> SendCommandAsync(string containerId, ContainerCommand command, CancellationToken cancellationToken)
    {
        lock (Commands)
        {
            Commands.Add((containerId, command));
        }

        return Task.FromResult(Command?.Invoke(containerId, command) ?? SourceResult<ContainerCommandOutcome>.Ok(ContainerCommandOutcome.Done));
    }

    /// <summary>Waits until a follow stream has sent its tail and is waiting for new lines.</summary>
    public async Task WaitForFollowAsync()
    {
        if (!await _followStarted.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("No follow stream was opened.");
        }
    }

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
        return Task.FromResult(SourceResult<IAsyncEnumerable<LogLine>>.Ok(ReadLogsAsync(request, cancellationToken)));
    }

    public Task<SourceResult<IAsyncEnumerable<ContainerEvent>>> OpenEventsAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
        Task.FromResult(SourceResult<IAsyncEnumerable<ContainerEvent>>.Ok(Events.Reader.ReadAllAsync(cancellationToken)));

    private async IAsyncEnumerable<LogLine> ReadLogsAsync(LogRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
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
}
