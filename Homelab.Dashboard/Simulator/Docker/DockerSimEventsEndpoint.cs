using System.Text.Json.Nodes;
using Homelab.Dashboard.Simulator.State;

namespace Homelab.Dashboard.Simulator.Docker;

/// <summary>
/// <c>GET /events</c>: the buffered events from <c>since</c> first, then live ones until <c>until</c> or until the
/// client disconnects; one JSON object per line, flushed per event.
/// </summary>
internal static class DockerSimEventsEndpoint
{
    private static readonly string[] s_filterKeys = ["config", "container", "daemon", "event", "image", "label", "network", "node", "plugin", "scope", "secret", "service", "type", "volume"];

    public static void Map(IEndpointRouteBuilder app, SimulatedHomelab homelab) =>
        app.MapGet("/events", context => EventsAsync(context, homelab));

    private static async Task EventsAsync(HttpContext context, SimulatedHomelab homelab)
    {
        var request = context.Request;
        var since = DockerSimQuery.Timestamp(request, "since", out var sinceValid);
        var until = DockerSimQuery.Timestamp(request, "until", out var untilValid);
        if (!sinceValid || !untilValid)
        {
            await DockerSimJson.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid value for since or until");
            return;
        }

        if (DockerSimQuery.Filters(request) is not { } filters)
        {
            await DockerSimJson.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid filter: the filters parameter is not valid JSON");
            return;
        }

        if (DockerSimQuery.UnknownFilter(filters, s_filterKeys) is { } unknown)
        {
            await DockerSimJson.ErrorAsync(context, StatusCodes.Status400BadRequest, $"invalid filter '{unknown}'");
            return;
        }

        var aborted = context.RequestAborted;
        using var streaming = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var now = homelab.Now;
        var goesLive = until is not { } end || end > now;

        // Subscribe before reading the buffer so nothing falls between the two.
        var live = goesLive ? homelab.SubscribeEvents(streaming.Token) : null;
        context.Response.ContentType = "application/json";

        // Headers go out at once, as the daemon sends them: a client waits for them before it waits for events.
        await context.Response.StartAsync(aborted);
        await context.Response.Body.FlushAsync(aborted);

        var lastNano = long.MinValue;
        try
        {
            if (since is { } from)
            {
                var fromNano = Nanos(from);
                var untilNano = until is { } to ? Nanos(to) : long.MaxValue;
                foreach (var e in homelab.ReadEvents(from, until).Where(e => e.TimeNano >= fromNano && e.TimeNano <= untilNano))
                {
                    lastNano = e.TimeNano;
                    await WriteIfMatchingAsync(context.Response.Body, e, filters, aborted);
                }

                await context.Response.Body.FlushAsync(aborted);
            }

            if (live is null)
            {
                return;
            }

            if (until is { } stop)
            {
                streaming.CancelAfter(stop - now);
            }

            await foreach (var e in live.ReadAllAsync(streaming.Token))
            {
                if (e.TimeNano <= lastNano)
                {
                    continue;
                }

                if (until is { } limit && e.TimeNano > Nanos(limit))
                {
                    break;
                }

                if (await WriteIfMatchingAsync(context.Response.Body, e, filters, aborted))
                {
                    await context.Response.Body.FlushAsync(aborted);
                }
            }
        }
        catch (OperationCanceledException) when (streaming.IsCancellationRequested)
        {
            // The client went away, or `until` came: the normal end of an event stream.
        }
        finally
        {
            await streaming.CancelAsync();
        }
    }

    private static async Task<bool> WriteIfMatchingAsync(Stream body, SimDockerEvent e, Dictionary<string, List<string>> filters, CancellationToken cancellationToken)
    {
        if (!Matches(e, filters))
        {
            return false;
        }

        await DockerSimJson.WriteLineAsync(body, Message(e), cancellationToken);
        return true;
    }

    /// <summary>The daemon's event message, with the legacy <c>status</c>/<c>id</c>/<c>from</c> keys older clients read.</summary>
    private static JsonObject Message(SimDockerEvent e) => new()
    {
        ["status"] = e.Action,
        ["id"] = e.ContainerId,
        ["from"] = e.Image,
        ["Type"] = "container",
        ["Action"] = e.Action,
        ["Actor"] = new JsonObject { ["ID"] = e.ContainerId, ["Attributes"] = DockerSimJson.StringMap(e.Attributes) },
        ["scope"] = "local",
        ["time"] = e.Time,
        ["timeNano"] = e.TimeNano,
    };

    private static bool Matches(SimDockerEvent e, Dictionary<string, List<string>> filters)
    {
        foreach (var (key, values) in filters)
        {
            if (values.Count == 0)
            {
                continue;
            }

            var match = key switch
            {
                "type" => values.Contains("container", StringComparer.Ordinal),
                "scope" => values.Contains("local", StringComparer.Ordinal),

                // "health_status" (no colon) matches "health_status: healthy", as the daemon's fuzzy event match does.
                "event" => values.Any(v => e.Action == v || (!v.Contains(':', StringComparison.Ordinal) && e.Action.StartsWith(v + ":", StringComparison.Ordinal))),
                "container" => values.Any(v => v == e.Name || e.ContainerId.StartsWith(v, StringComparison.Ordinal)),
                "image" => values.Contains(e.Image, StringComparer.Ordinal),
                "label" => values.All(v => DockerSimQuery.LabelMatches(v, e.Attributes)),

                // Only container events exist here; filters for other kinds select nothing.
                _ => false,
            };
            if (!match)
            {
                return false;
            }
        }

        return true;
    }

    private static long Nanos(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).Ticks * 100;
}
