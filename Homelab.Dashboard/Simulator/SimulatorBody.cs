using Homelab.Dashboard.Adapters.Http;

namespace Homelab.Dashboard.Simulator;

/// <summary>Request bodies for the simulated upstreams, read with a cap so a test or a stray client can't exhaust memory.</summary>
internal static class SimulatorBody
{
    /// <summary>The body as UTF-8 text, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<string?> ReadAsync(HttpRequest request, int maxBytes)
    {
        // The same capped, pooled read the adapters use for answers.
        using var body = await BoundedContent.ReadAsync(request.Body, request.ContentLength, maxBytes, request.HttpContext.RequestAborted);
        return body?.Text();
    }
}
