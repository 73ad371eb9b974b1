using Homelab.Dashboard.Simulator.State;

namespace Homelab.Dashboard.Simulator.Docker;

/// <summary>
/// The Docker Engine API wire format, served from the simulated homelab the way a docker-socket-proxy exposes a
/// daemon over TCP: good enough for the real <c>docker</c> CLI and docker-py, unmodified.
/// </summary>
/// <remarks>
/// Every route also answers under a <c>/v1.NN/</c> prefix (1.24 to 1.52). While LXC 200, which runs Docker, is down,
/// every connection is dropped, as a dead host's would be.
/// </remarks>
internal static class DockerSimulatorApi
{
    public static void Map(WebApplication app, SimulatedHomelab homelab)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(homelab);
        app.Use(async (context, next) =>
        {
            if (!homelab.DockerHostUp)
            {
                context.Abort();
                return;
            }

            await next();
        });
        app.Use(HandleErrorsAsync);
        app.Use((context, next) =>
        {
            // The daemon stamps its version on every answer; clients read it from any response, not only /_ping.
            var headers = context.Response.Headers;
            headers["Api-Version"] = DockerSimVersion.ApiVersionText;
            headers["Docker-Experimental"] = "false";
            headers["Ostype"] = "linux";
            headers.Server = $"Docker/{DockerSimVersion.EngineVersion} (linux)";
            return next();
        });
        app.Use(DockerSimVersion.StripPrefixAsync);

        // Routing runs after the prefix is gone, so "/v1.52/containers/json" and "/containers/json" are one route.
        app.UseRouting();
        app.Use((context, next) => context.GetEndpoint() is null
            ? DockerSimJson.ErrorAsync(context, StatusCodes.Status404NotFound, "page not found")
            : next());

        DockerSimSystemEndpoints.Map(app, homelab);
        DockerSimContainerEndpoints.Map(app, homelab);
        DockerSimStatsEndpoint.Map(app, homelab);
        DockerSimLogsEndpoint.Map(app, homelab);
        DockerSimEventsEndpoint.Map(app, homelab);
    }

    private static async Task HandleErrorsAsync(HttpContext context, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client hung up mid-answer; nothing to tell it.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            await DockerSimJson.ErrorAsync(context, StatusCodes.Status500InternalServerError, ex.Message);
        }
    }
}
