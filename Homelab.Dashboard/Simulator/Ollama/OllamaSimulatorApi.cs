using Homelab.Dashboard.Configuration;

namespace Homelab.Dashboard.Simulator.Ollama;

/// <summary>
/// The Ollama HTTP API on the simulated AIServer, with <see cref="ScriptedHomelabModel"/> behind the chat endpoint:
/// good enough for OllamaSharp, Microsoft.Extensions.AI and curl, unmodified.
/// </summary>
/// <remarks>
/// Routes: <c>GET /</c>, <c>GET /api/version</c>, <c>GET /api/tags</c>, <c>GET /api/ps</c>, <c>POST /api/show</c>,
/// <c>POST /api/chat</c> and <c>POST /api/embed</c>. Anything else gets gin's plain-text 404, and every failure
/// Ollama's <c>{"error":"..."}</c>. Unknown keys in a body (OllamaSharp's <c>CustomHeaders</c>, <c>think</c>,
/// <c>options</c>, <c>format</c>) are accepted and ignored.
/// </remarks>
internal static class OllamaSimulatorApi
{
    public static void Map(WebApplication app, SimulatorOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var runtime = new OllamaSimRuntime(time, options.OllamaTokenDelay, ScriptedHomelabModel.Seed);
        app.Use(HandleErrorsAsync);
        var routes = new Dictionary<(string Method, string Path), RequestDelegate>
        {
            [(HttpMethods.Get, "/")] = context => TextAsync(context, "Ollama is running"),
            [(HttpMethods.Head, "/")] = context => TextAsync(context, ""),
            [(HttpMethods.Get, "/api/version")] = OllamaSimModelEndpoints.VersionAsync,
            [(HttpMethods.Get, "/api/tags")] = OllamaSimModelEndpoints.TagsAsync,
            [(HttpMethods.Get, "/api/ps")] = context => OllamaSimModelEndpoints.RunningAsync(context, runtime),
            [(HttpMethods.Post, "/api/show")] = OllamaSimModelEndpoints.ShowAsync,
            [(HttpMethods.Post, "/api/chat")] = context => OllamaSimChatEndpoint.HandleAsync(context, runtime),
            [(HttpMethods.Post, "/api/embed")] = context => OllamaSimEmbedEndpoint.HandleAsync(context, runtime),
        };

        app.Run(context => routes.TryGetValue((context.Request.Method, context.Request.Path.Value ?? ""), out var handle)
            ? handle(context)
            : TextAsync(context, "404 page not found", StatusCodes.Status404NotFound));
    }

    private static Task TextAsync(HttpContext context, string text, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }

    private static async Task HandleErrorsAsync(HttpContext context, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client hung up mid-answer (a cancelled chat); the model stops generating.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            await OllamaSimWire.ErrorAsync(context, StatusCodes.Status500InternalServerError, ex.Message);
        }
    }
}
