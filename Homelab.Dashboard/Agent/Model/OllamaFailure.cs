namespace Homelab.Dashboard.Agent.Model;

/// <summary>Why a call to Ollama did not produce an answer, in words the chat can show.</summary>
public enum OllamaFailureKind
{
    /// <summary>Nothing answers at the address (connection refused, unknown host).</summary>
    Unreachable,

    /// <summary>The server answered 404: the model is not pulled.</summary>
    ModelMissing,

    /// <summary>The server answered with an error status, or an error line in the middle of a stream.</summary>
    ServerError,

    /// <summary>No first byte within the first-byte timeout, or a stream went silent for longer than the idle timeout.</summary>
    Timeout,
}

/// <summary>
/// A failed call to Ollama, raised by <see cref="OllamaResponseGuard"/> below OllamaSharp so that nothing is swallowed
/// (OllamaSharp ends a stream quietly on an <c>{"error":…}</c> line).
/// </summary>
/// <param name="serverMessage">Ollama's own error text, if it sent one; upstream text, shown as data.</param>
public sealed class OllamaFailureException(OllamaFailureKind kind, string message, string? serverMessage = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    public OllamaFailureKind Kind { get; } = kind;

    public string? ServerMessage { get; } = serverMessage;
}
