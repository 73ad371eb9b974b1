using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Homelab.Dashboard.Simulator.State;

namespace Homelab.Dashboard.Simulator.Docker;

/// <summary>
/// <c>GET /containers/{id}/logs</c> in the multiplexed framing (the simulated containers have no TTY): each line is
/// one frame, an 8-byte header <c>[stream, 0, 0, 0, length]</c> and the payload, optionally prefixed with its
/// RFC 3339 time. With <c>follow</c>, new lines are streamed while the container runs, as the daemon does.
/// </summary>
internal static class DockerSimLogsEndpoint
{
    public const string MultiplexedStream = "application/vnd.docker.multiplexed-stream";
    public const string RawStream = "application/vnd.docker.raw-stream";

    /// <summary>Before API 1.42 the daemon labelled every log stream raw, even a multiplexed one.</summary>
    private static readonly Version s_framingInContentType = new(1, 42);

    public static void Map(IEndpointRouteBuilder app, SimulatedHomelab homelab) =>
        app.MapGet("/containers/{id}/logs", context => LogsAsync(context, homelab));

    private static async Task LogsAsync(HttpContext context, SimulatedHomelab homelab)
    {
        var request = context.Request;
        var id = DockerSimContainerEndpoints.Id(context);
        var stdout = DockerSimQuery.Bool(request, "stdout");
        var stderr = DockerSimQuery.Bool(request, "stderr");
        if (!stdout && !stderr)
        {
            await DockerSimJson.ErrorAsync(context, StatusCodes.Status400BadRequest, "Bad parameters: you must choose at least one stream");
            return;
        }

        var since = DockerSimQuery.Timestamp(request, "since", out var sinceValid);
        var until = DockerSimQuery.Timestamp(request, "until", out var untilValid);
        if (!sinceValid || !untilValid)
        {
            await DockerSimJson.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid value for since or until");
            return;
        }

        if (homelab.FindContainer(id) is not { } container)
        {
            await DockerSimContainerEndpoints.NoSuchContainer(context, id);
            return;
        }

        // The daemon only follows a running container, and stops when it stops.
        var follow = DockerSimQuery.Bool(request, "follow") && (container.Running || container.Restarting) && (until is null || until > homelab.Now);
        var timestamps = DockerSimQuery.Bool(request, "timestamps");
        var aborted = context.RequestAborted;
        using var following = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var live = follow ? homelab.FollowLogs(id, following.Token) : null;
        var events = follow ? homelab.SubscribeEvents(following.Token) : null;

        context.Response.ContentType = DockerSimVersion.Requested(context) >= s_framingInContentType ? MultiplexedStream : RawStream;
        await context.Response.StartAsync(aborted);

        // Unix 0 (docker-py's default) means "from the start".
        var from = since is { } s && s > DateTimeOffset.UnixEpoch ? s : (DateTimeOffset?)null;
        var backlog = homelab.ReadLogs(id, from, until, Tail(request)) ?? [];
        var writer = new FrameWriter(context.Response.Body, stdout, stderr, timestamps);
        foreach (var entry in backlog)
        {
            await writer.WriteAsync(entry, aborted);
        }

        await context.Response.Body.FlushAsync(aborted);
        if (live is null || events is null)
        {
            return;
        }

        try
        {
            // A line written between subscribing and reading the backlog arrives twice; the backlog copy counts.
            var sent = new HashSet<SimLogEntry>(backlog, ReferenceEqualityComparer.Instance);
            await FollowAsync(writer, context.Response.Body, live, events, container.Id, sent, until, homelab, following, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private static async Task FollowAsync(
        FrameWriter writer,
        Stream body,
        ChannelReader<SimLogEntry> live,
        ChannelReader<SimDockerEvent> events,
        string containerId,
        HashSet<SimLogEntry> sent,
        DateTimeOffset? until,
        SimulatedHomelab homelab,
        CancellationTokenSource following,
        CancellationToken aborted)
    {
        // The container stopping (or `until` passing) ends the follow; lines already written still go out.
        using var stopped = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        if (until is { } end)
        {
            stopped.CancelAfter(end - homelab.Now is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }

        var watcher = WatchForStopAsync(events, containerId, stopped);
        try
        {
            while (await live.WaitToReadAsync(stopped.Token))
            {
                await DrainAsync(writer, live, sent, until, aborted);
                await body.FlushAsync(aborted);
            }
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            await DrainAsync(writer, live, sent, until, aborted);
            await body.FlushAsync(aborted);
        }
        finally
        {
            await following.CancelAsync();
            await watcher;
        }
    }

    private static async Task DrainAsync(FrameWriter writer, ChannelReader<SimLogEntry> live, HashSet<SimLogEntry> sent, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        while (live.TryRead(out var entry))
        {
            if (sent.Contains(entry) || (until is { } end && entry.Time > end))
            {
                continue;
            }

            await writer.WriteAsync(entry, cancellationToken);
        }
    }

    private static async Task WatchForStopAsync(ChannelReader<SimDockerEvent> events, string containerId, CancellationTokenSource stopped)
    {
        try
        {
            await foreach (var e in events.ReadAllAsync(stopped.Token))
            {
                if (e.ContainerId == containerId && e.Action == "die")
                {
                    await stopped.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary><c>tail</c>: a line count, or <c>all</c>; anything unreadable means all, as in the daemon.</summary>
    private static int? Tail(HttpRequest request) =>
        int.TryParse(request.Query["tail"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var tail) ? tail : null;

    /// <summary>Writes log entries as frames, leaving out the streams the client did not ask for.</summary>
    private sealed class FrameWriter(Stream body, bool stdout, bool stderr, bool timestamps)
    {
        public async Task WriteAsync(SimLogEntry entry, CancellationToken cancellationToken)
        {
            if ((entry.Stream == 2 && !stderr) || (entry.Stream != 2 && !stdout))
            {
                return;
            }

            var text = timestamps ? $"{DockerSimJson.Time(entry.Time)} {entry.Text}\n" : entry.Text + "\n";
            var payload = Encoding.UTF8.GetBytes(text);
            var frame = new byte[8 + payload.Length];
            frame[0] = (byte)(entry.Stream == 2 ? 2 : 1);
            BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)payload.Length);
            payload.CopyTo(frame, 8);
            await body.WriteAsync(frame, cancellationToken);
        }
    }
}
