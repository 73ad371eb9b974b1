using System.Text.Json;
using System.Text.Json.Nodes;

namespace Homelab.Dashboard.Simulator.Ollama;

/// <summary><c>POST /api/embed</c>: <c>input</c> is a string or an array of strings; one vector per input.</summary>
internal static class OllamaSimEmbedEndpoint
{
    public static async Task HandleAsync(HttpContext context, OllamaSimRuntime runtime)
    {
        var body = await OllamaSimWire.ReadBodyAsync(context.Request);
        if (string.IsNullOrWhiteSpace(body))
        {
            await OllamaSimWire.ErrorAsync(context, StatusCodes.Status400BadRequest, body is null ? "http: request body too large" : "missing request body");
            return;
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            await OllamaSimWire.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid character in request body: " + ex.Message);
            return;
        }

        var name = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? "" : "";
        if (name.Length == 0)
        {
            await OllamaSimWire.ErrorAsync(context, StatusCodes.Status400BadRequest, "model is required");
            return;
        }

        if (OllamaSimCatalog.Find(name) is not { } model)
        {
            await OllamaSimWire.ErrorAsync(context, StatusCodes.Status404NotFound, OllamaSimCatalog.NotFound(name));
            return;
        }

        if (Inputs(root) is not { } inputs)
        {
            await OllamaSimWire.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid input type");
            return;
        }

        var dimensions = root.TryGetProperty("dimensions", out var d) && d.TryGetInt32(out var wanted) ? wanted : 0;
        var keepAlive = root.TryGetProperty("keep_alive", out var k) ? OllamaSimDuration.Parse(k) : null;
        var cold = runtime.Loaded.Touch(model, keepAlive);
        var embeddings = new JsonArray();
        foreach (var input in inputs)
        {
            var vector = OllamaSimEmbeddings.Truncate(OllamaSimEmbeddings.Embed(input, model.EmbeddingLength), dimensions);
            embeddings.Add(new JsonArray([.. vector.Select(v => (JsonNode?)JsonValue.Create(v))]));
        }

        var promptTokens = inputs.Sum(i => ScriptedTokens.Estimate(i.Length));
        var load = OllamaSimRuntime.LoadDuration(cold);
        var work = OllamaSimRuntime.PromptEvalDuration(promptTokens);
        await OllamaSimWire.JsonAsync(context, new JsonObject
        {
            ["model"] = name,
            ["embeddings"] = embeddings,
            ["total_duration"] = OllamaSimWire.Nanoseconds(load + work),
            ["load_duration"] = OllamaSimWire.Nanoseconds(load),
            ["prompt_eval_count"] = promptTokens,
        });
    }

    /// <summary>The texts to embed; null when <c>input</c> is neither a string nor an array of strings.</summary>
    private static List<string>? Inputs(JsonElement root)
    {
        if (!root.TryGetProperty("input", out var input) || input.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (input.ValueKind == JsonValueKind.String)
        {
            return [input.GetString()!];
        }

        if (input.ValueKind != JsonValueKind.Array || input.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            return null;
        }

        return [.. input.EnumerateArray().Select(e => e.GetString()!)];
    }
}
