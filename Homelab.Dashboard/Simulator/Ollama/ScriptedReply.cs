namespace Homelab.Dashboard.Simulator.Ollama;

/// <summary>What the scripted model answers one chat request with.</summary>
internal abstract record ScriptedReply
{
    /// <summary>A text answer, streamed token by token.</summary>
    public sealed record Text(string Content) : ScriptedReply;

    /// <summary>One tool call (the model asks the client to run a tool and send back its result).</summary>
    public sealed record ToolCall(OllamaSimToolCall Call) : ScriptedReply;

    /// <summary>A few tokens of <paramref name="Partial"/>, then Ollama's mid-stream error line.</summary>
    public sealed record StreamError(string Partial, string Error) : ScriptedReply;
}
