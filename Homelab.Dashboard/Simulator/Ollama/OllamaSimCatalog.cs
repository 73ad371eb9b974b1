using System.Security.Cryptography;
using System.Text;

namespace Homelab.Dashboard.Simulator.Ollama;

/// <summary>One model the simulated Ollama has pulled.</summary>
/// <param name="Size">Bytes on disk, as <c>/api/tags</c> reports them.</param>
/// <param name="SizeVram">Bytes in GPU memory once loaded (weights plus the KV cache), as <c>/api/ps</c> reports them.</param>
/// <param name="EmbeddingLength">Length of the vectors <c>/api/embed</c> returns.</param>
internal sealed record OllamaSimModel(
    string Name,
    string Family,
    string ParameterSize,
    string QuantizationLevel,
    long Size,
    long SizeVram,
    int ContextLength,
    int EmbeddingLength,
    IReadOnlyList<string> Capabilities,
    string ModifiedAt)
{
    /// <summary>A stable sha256 digest, the way Ollama names a manifest.</summary>
    public string Digest => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Name)));

    public bool Can(string capability) => Capabilities.Contains(capability, StringComparer.Ordinal);
}

/// <summary>The models the simulated AIServer has pulled: the seed homelab's agent, fast and embedding models.</summary>
internal static class OllamaSimCatalog
{
    public const string ChatModel = "qwen3.5:35b-a3b";
    public const string FastModel = "qwen3.5:4b";
    public const string EmbeddingModel = "nomic-embed-text:latest";

    /// <summary>The version the simulator plays: the seed pins 0.20.x, where tool calling with <c>think:false</c> works.</summary>
    public const string Version = "0.20.7";

    public static IReadOnlyList<OllamaSimModel> Models { get; } =
    [
        new(ChatModel, "qwen35moe", "35.1B", "Q8_0", 34_541_870_688, 38_112_460_800, 262_144, 2_048, ["completion", "tools", "thinking"], "2026-04-18T21:14:07.512043291Z"),
        new(FastModel, "qwen35", "4.7B", "Q4_K_M", 3_390_412_288, 4_823_449_600, 262_144, 2_560, ["completion", "tools", "thinking"], "2026-04-18T20:51:44.201987113Z"),
        new(EmbeddingModel, "nomic-bert", "137M", "F16", 274_302_450, 577_765_376, 2_048, 768, ["embedding"], "2026-02-02T09:30:12.934818521Z"),
    ];

    /// <summary>Finds a model the way Ollama does: a name without a tag means <c>:latest</c>.</summary>
    public static OllamaSimModel? Find(string name)
    {
        var full = name.Contains(':', StringComparison.Ordinal) ? name : name + ":latest";
        return Models.FirstOrDefault(m => string.Equals(m.Name, full, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Ollama's answer for a model that has not been pulled (404).</summary>
    public static string NotFound(string name) => $"model \"{name}\" not found, try pulling it first";
}
