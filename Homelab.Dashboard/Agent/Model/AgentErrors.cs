using Homelab.Domain.Agent.Tools;

namespace Homelab.Dashboard.Agent.Model;

/// <summary>Words a failed model call for the chat: what went wrong and what to do, never a stack trace.</summary>
internal static class AgentErrors
{
    public static string Describe(Exception exception, string model)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is OllamaFailureException failure)
            {
                return failure.Kind switch
                {
                    OllamaFailureKind.Unreachable => $"I can't reach the model right now: {failure.Message}.",
                    OllamaFailureKind.ModelMissing => $"The model {model} isn't available: {failure.Message}.",
                    OllamaFailureKind.Timeout => $"The model took too long to answer: {failure.Message}.",
                    _ => $"The model stopped with an error: {UntrustedText.Inline(failure.Message, 400)}.",
                };
            }
        }

        return exception switch
        {
            HttpRequestException http => $"I can't reach the model right now ({UntrustedText.Inline(http.Message, 200)}).",
            TimeoutException => "The model took too long to answer.",
            _ => $"Something went wrong while talking to the model ({exception.GetType().Name}: {UntrustedText.Inline(exception.Message, 300)}).",
        };
    }
}
