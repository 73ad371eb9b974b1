using Homelab.Tests.Shared;

namespace Homelab.Tests.Integration.Agent;

/// <summary>The demo host with the simulated model answering slowly enough to press Stop mid-answer.</summary>
public sealed class SlowModelAppFactory : HomelabAppFactory
{
    public SlowModelAppFactory() => Settings["Homelab:Simulator:OllamaTokenDelay"] = "00:00:00.020";
}

/// <summary>The demo host with Ollama configured at a loopback port where nothing listens.</summary>
public sealed class OllamaDownAppFactory : HomelabAppFactory
{
    public OllamaDownAppFactory() => Settings["Homelab:Ollama:Url"] = $"http://127.0.0.1:{FreePort.Next()}";
}

/// <summary>The demo host asking the simulated Ollama for a model it has not pulled.</summary>
public sealed class MissingModelAppFactory : HomelabAppFactory
{
    public MissingModelAppFactory() => Settings["Homelab:Ollama:ChatModel"] = "nope:1b";
}
