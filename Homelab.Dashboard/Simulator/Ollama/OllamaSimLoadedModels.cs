namespace Homelab.Dashboard.Simulator.Ollama;

/// <summary>A model in memory and when it will be unloaded (null: never).</summary>
internal sealed record OllamaSimLoadedModel(OllamaSimModel Model, DateTimeOffset? ExpiresAt);

/// <summary>
/// Which models the simulated Ollama holds in memory, for <c>/api/ps</c>: every call loads its model and pushes its
/// expiry out by the request's <c>keep_alive</c> (5 minutes by default, 0 unloads, negative keeps it for ever).
/// </summary>
/// <remarks>Thread-safe; expiry is read from the simulator's clock.</remarks>
internal sealed class OllamaSimLoadedModels(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, OllamaSimLoadedModel> _loaded = new(StringComparer.Ordinal);

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Notes a call to <paramref name="model"/>; true when the model had to be loaded first.</summary>
    public bool Touch(OllamaSimModel model, TimeSpan? keepAlive)
    {
        var now = time.GetUtcNow();
        var alive = keepAlive ?? OllamaSimDuration.Default;
        lock (_gate)
        {
            var wasLoaded = _loaded.TryGetValue(model.Name, out var current) && (current.ExpiresAt is null || current.ExpiresAt > now);
            if (alive == TimeSpan.Zero)
            {
                _loaded.Remove(model.Name);
            }
            else
            {
                _loaded[model.Name] = new OllamaSimLoadedModel(model, alive < TimeSpan.Zero ? null : now + alive);
            }

            return !wasLoaded;
        }
    }

    public IReadOnlyList<OllamaSimLoadedModel> Current()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            return [.. _loaded.Values.Where(m => m.ExpiresAt is null || m.ExpiresAt > now).OrderBy(m => m.Model.Name, StringComparer.Ordinal)];
        }
    }
}
