namespace Homelab.Dashboard.Simulator.Ollama;

/// <summary>What the simulated Ollama's endpoints share: its clock and pace, the loaded models and the scripted model.</summary>
internal sealed class OllamaSimRuntime(TimeProvider time, TimeSpan tokenDelay, ScriptedHomelabModel model)
{
    public TimeProvider Time => time;

    public ScriptedHomelabModel Model => model;

    public OllamaSimLoadedModels Loaded { get; } = new(time);

    /// <summary>What loading a model from disk is reported to take, and what a call to a loaded one costs.</summary>
    public static TimeSpan LoadDuration(bool cold) => cold ? TimeSpan.FromMilliseconds(1_850) : TimeSpan.FromMilliseconds(38);

    /// <summary>Prompt processing is far faster than generation: about 2,500 tokens a second.</summary>
    public static TimeSpan PromptEvalDuration(int promptTokens) => TimeSpan.FromMicroseconds(400.0 * promptTokens);

    /// <summary>Waits as long as generating <paramref name="tokens"/> tokens takes, on the simulator's clock.</summary>
    public Task GenerateAsync(int tokens, CancellationToken cancellationToken) =>
        tokenDelay <= TimeSpan.Zero || tokens <= 0 ? Task.CompletedTask : Task.Delay(tokenDelay * tokens, time, cancellationToken);
}
