using System.Globalization;
using Homelab.Dashboard.Simulator.State;

namespace Homelab.Dashboard.Simulator.Ollama;

/// <summary>
/// The names the scripted model knows, as a real model would learn them from its system prompt or an earlier tool
/// result: which words are containers and which are Proxmox guests (by name or VM id).
/// </summary>
internal sealed record ScriptedVocabulary(IReadOnlySet<string> Containers, IReadOnlySet<string> Guests)
{
    /// <summary>The seed homelab's containers and guests.</summary>
    public static ScriptedVocabulary Seed { get; } = new(
        SimulatorTopology.Containers.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase),
        SimulatorTopology.Guests.SelectMany(g => new[] { g.Name, g.VmId.ToString(CultureInfo.InvariantCulture) }).ToHashSet(StringComparer.OrdinalIgnoreCase));

    public bool IsContainer(string word) => Containers.Contains(word);

    public bool IsGuest(string word) => Guests.Contains(word);
}
