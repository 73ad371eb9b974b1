using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Homelab.Dashboard.Simulator.State;

namespace Homelab.Dashboard.Simulator.Docker;

/// <summary>Listing, inspecting and starting/stopping/restarting containers.</summary>
internal static class DockerSimContainerEndpoints
{
    private static readonly string[] s_states = ["created", "restarting", "running", "removing", "paused", "exited", "dead"];

    public static void Map(IEndpointRouteBuilder app, SimulatedHomelab homelab)
    {
        app.MapGet("/containers/json", context => ListAsync(context, homelab));
        app.MapGet("/containers/{id}/json", context =>
        {
            var id = Id(context);
            return homelab.FindContainer(id) is { } container
                ? DockerSimJson.WriteAsync(context, DockerSimContainerJson.Inspect(container))
                : NoSuchContainer(context, id);
        });
        foreach (var command in (string[])["start", "stop", "restart"])
        {
            app.MapPost($"/containers/{{id}}/{command}", context => CommandAsync(context, homelab, command));
        }
    }

    public static string Id(HttpContext context) => context.Request.RouteValues["id"] as string ?? "";

    public static Task NoSuchContainer(HttpContext context, string id) =>
        DockerSimJson.ErrorAsync(context, StatusCodes.Status404NotFound, $"No such container: {id}");

    private static async Task ListAsync(HttpContext context, SimulatedHomelab homelab)
    {
        var request = context.Request;
        if (DockerSimQuery.Filters(request) is not { } filters)
        {
            await DockerSimJson.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid filter: the filters parameter is not valid JSON");
            return;
        }

        if (DockerSimQuery.UnknownFilter(filters, "id", "name", "status", "label", "health", "exited") is { } unknown)
        {
            await DockerSimJson.ErrorAsync(context, StatusCodes.Status400BadRequest, $"invalid filter '{unknown}'");
            return;
        }

        if (filters.GetValueOrDefault("status")?.FirstOrDefault(s => !s_states.Contains(s, StringComparer.Ordinal)) is { } badStatus)
        {
            await DockerSimJson.ErrorAsync(context, StatusCodes.Status400BadRequest, $"invalid filter 'status={badStatus}'");
            return;
        }

        var limit = DockerSimQuery.Int(request, "limit", out var limitValid);
        if (!limitValid)
        {
            await DockerSimJson.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid value for limit");
            return;
        }

        // A limit or a status filter shows stopped containers too, as with the daemon.
        var all = DockerSimQuery.Bool(request, "all") || limit > 0 || filters.ContainsKey("status");
        IEnumerable<SimContainerView> containers = homelab.ListContainers().OrderByDescending(c => c.Created);
        if (!all)
        {
            containers = containers.Where(c => c.Running || c.Paused || c.Restarting);
        }

        containers = containers.Where(c => Matches(c, filters));
        if (limit > 0)
        {
            containers = containers.Take(limit.Value);
        }

        var version = DockerSimVersion.Requested(context);
        await DockerSimJson.WriteAsync(context, new JsonArray([.. containers.Select(c => (JsonNode)DockerSimContainerJson.Summary(c, version))]));
    }

    /// <summary>Every filter key must match; within a key any value may (the daemon's semantics).</summary>
    private static bool Matches(SimContainerView c, Dictionary<string, List<string>> filters)
    {
        foreach (var (key, values) in filters)
        {
            if (values.Count == 0)
            {
                continue;
            }

            var match = key switch
            {
                "id" => values.Any(v => c.Id.StartsWith(v, StringComparison.Ordinal)),

                // The daemon matches a regular expression against the name with its slash ("^/sonarr$").
                "name" => values.Any(v => SafeRegexMatch(v, "/" + c.Name)),
                "status" => values.Contains(c.State, StringComparer.Ordinal),
                "label" => values.All(v => DockerSimQuery.LabelMatches(v, c.Labels)),
                "health" => values.Contains(c.Health ?? "none", StringComparer.Ordinal),
                "exited" => c.State == "exited" && values.Contains(c.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal),
                _ => true,
            };
            if (!match)
            {
                return false;
            }
        }

        return true;
    }

    private static bool SafeRegexMatch(string pattern, string value)
    {
        try
        {
            return Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task CommandAsync(HttpContext context, SimulatedHomelab homelab, string command)
    {
        var seconds = DockerSimQuery.Int(context.Request, "t", out var valid);
        if (!valid)
        {
            await DockerSimJson.ErrorAsync(context, StatusCodes.Status400BadRequest, $"invalid value for t: {context.Request.Query["t"]}");
            return;
        }

        // Like the daemon, the command runs to its end even if the client stops waiting; `signal` is accepted and ignored.
        var id = Id(context);
        var result = command switch
        {
            "start" => await homelab.StartContainerAsync(id, CancellationToken.None),
            "stop" => await homelab.StopContainerAsync(id, seconds, CancellationToken.None),
            _ => await homelab.RestartContainerAsync(id, seconds, CancellationToken.None),
        };
        if (result.StatusCode is StatusCodes.Status204NoContent or StatusCodes.Status304NotModified)
        {
            context.Response.StatusCode = result.StatusCode;
            return;
        }

        await DockerSimJson.ErrorAsync(context, result.StatusCode, result.Error ?? "command failed");
    }
}
