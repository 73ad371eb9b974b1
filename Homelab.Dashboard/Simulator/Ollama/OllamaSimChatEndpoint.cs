using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Homelab.Dashboard.Simulator.Ollama;

/// <summary>
/// <c>POST /api/chat</c>: <c>stream:true</c> (the default) answers NDJSON, one flushed line per token and a final
/// <c>done:true</c> line with the metrics; <c>stream:false</c> answers that final object alone, with the whole message.
/// </summary>
internal static class OllamaSimChatEndpoint
{
    public static async Task HandleAsync(HttpContext context, OllamaSimRuntime runtime)
    {
        var body = await OllamaSimWire.ReadBodyAsync(context.Request);
        var (request, error) = body is null ? (null, "http: request body too large") : OllamaSimChatRequest.Parse(body);
        if (request is null)
        {
            await OllamaSimWire.ErrorAsync(context, StatusCodes.Status400BadRequest, error ?? "invalid request");
            return;
        }

        if (OllamaSimCatalog.Find(request.Model) is not { } model)
        {
            await OllamaSimWire.ErrorAsync(context, StatusCodes.Status404NotFound, OllamaSimCatalog.NotFound(request.Model));
            return;
        }

        if (!model.Can("completion"))
        {
            await OllamaSimWire.ErrorAsync(context, StatusCodes.Status400BadRequest, $"\"{request.Model}\" does not support chat");
            return;
        }

        var cold = runtime.Loaded.Touch(model, request.KeepAlive);
        if (request.Messages.Count == 0)
        {
            // An empty conversation only loads (or, with keep_alive 0, unloads) the model; Ollama answers at once.
            var done = Chunk(request.Model, runtime.Time.GetUtcNow(), Message(""));
            done["done_reason"] = request.KeepAlive == TimeSpan.Zero ? "unload" : "load";
            done["done"] = true;
            await OllamaSimWire.JsonAsync(context, done);
            return;
        }

        var reply = runtime.Model.Reply(request);
        var answer = new Answer(request, runtime, cold, runtime.Time.GetTimestamp());
        if (request.Stream)
        {
            await StreamAsync(context, answer, reply);
        }
        else
        {
            await WholeAsync(context, answer, reply);
        }
    }

    private static async Task StreamAsync(HttpContext context, Answer answer, ScriptedReply reply)
    {
        var aborted = context.RequestAborted;
        context.Response.ContentType = OllamaSimWire.NdjsonContentType;
        await context.Response.StartAsync(aborted);
        switch (reply)
        {
            case ScriptedReply.Text text:
                var pieces = ScriptedTokens.Split(text.Content);
                foreach (var piece in pieces)
                {
                    await answer.Runtime.GenerateAsync(1, aborted);
                    await OllamaSimWire.LineAsync(context, answer.Chunk(Message(piece), done: false));
                }

                await OllamaSimWire.LineAsync(context, answer.Final(Message(""), pieces.Count));
                break;
            case ScriptedReply.ToolCall call:
                var tokens = CallTokens(call.Call);
                await answer.Runtime.GenerateAsync(tokens, aborted);
                await OllamaSimWire.LineAsync(context, answer.Chunk(Message("", call.Call), done: false));
                await OllamaSimWire.LineAsync(context, answer.Final(Message(""), tokens));
                break;
            case ScriptedReply.StreamError failure:
                foreach (var piece in ScriptedTokens.Split(failure.Partial))
                {
                    await answer.Runtime.GenerateAsync(1, aborted);
                    await OllamaSimWire.LineAsync(context, answer.Chunk(Message(piece), done: false));
                }

                // After a 200 header the only way left to report a failure is a line of its own.
                await OllamaSimWire.LineAsync(context, new JsonObject { ["error"] = failure.Error });
                break;
        }
    }

    private static async Task WholeAsync(HttpContext context, Answer answer, ScriptedReply reply)
    {
        var aborted = context.RequestAborted;
        switch (reply)
        {
            case ScriptedReply.Text text:
                var tokens = ScriptedTokens.Split(text.Content).Count;
                await answer.Runtime.GenerateAsync(tokens, aborted);
                await OllamaSimWire.JsonAsync(context, answer.Final(Message(text.Content), tokens));
                break;
            case ScriptedReply.ToolCall call:
                var callTokens = CallTokens(call.Call);
                await answer.Runtime.GenerateAsync(callTokens, aborted);
                await OllamaSimWire.JsonAsync(context, answer.Final(Message("", call.Call), callTokens));
                break;
            case ScriptedReply.StreamError failure:
                await answer.Runtime.GenerateAsync(ScriptedTokens.Split(failure.Partial).Count, aborted);
                await OllamaSimWire.ErrorAsync(context, StatusCodes.Status500InternalServerError, failure.Error);
                break;
        }
    }

    /// <summary>A tool call costs its name and arguments in tokens, plus the template's call markers.</summary>
    private static int CallTokens(OllamaSimToolCall call) => ScriptedTokens.Estimate(call.Name.Length + call.ArgumentsJson.Length) + 6;

    private static JsonObject Message(string content, OllamaSimToolCall? call = null)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = content };
        if (call is not null)
        {
            message["tool_calls"] = new JsonArray(new JsonObject
            {
                // Ollama's own clients ignore the id (OllamaSharp makes up its own); it is sent as current Ollama does.
                ["id"] = "call_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)),
                ["function"] = new JsonObject { ["index"] = 0, ["name"] = call.Name, ["arguments"] = call.Arguments },
            });
        }

        return message;
    }

    private static JsonObject Chunk(string model, DateTimeOffset now, JsonObject message) => new()
    {
        ["model"] = model,
        ["created_at"] = OllamaSimWire.Time(now),
        ["message"] = message,
    };

    /// <summary>One answer in progress: when it began, so the final line can report how long it took.</summary>
    private sealed class Answer(OllamaSimChatRequest request, OllamaSimRuntime runtime, bool cold, long started)
    {
        public OllamaSimRuntime Runtime => runtime;

        public JsonObject Chunk(JsonObject message, bool done)
        {
            var chunk = OllamaSimChatEndpoint.Chunk(request.Model, runtime.Time.GetUtcNow(), message);
            chunk["done"] = done;
            return chunk;
        }

        public JsonObject Final(JsonObject message, int evalCount)
        {
            var promptTokens = ScriptedTokens.Estimate(request.PromptChars);
            var load = OllamaSimRuntime.LoadDuration(cold);
            var promptEval = OllamaSimRuntime.PromptEvalDuration(promptTokens);

            // Generation takes what it took on the simulator's clock, but never reads as infinitely fast.
            var eval = TimeSpan.FromTicks(Math.Max(runtime.Time.GetElapsedTime(started).Ticks, evalCount * TimeSpan.TicksPerMillisecond / 10));
            var chunk = OllamaSimChatEndpoint.Chunk(request.Model, runtime.Time.GetUtcNow(), message);
            chunk["done_reason"] = "stop";
            chunk["done"] = true;
            chunk["total_duration"] = OllamaSimWire.Nanoseconds(load + promptEval + eval);
            chunk["load_duration"] = OllamaSimWire.Nanoseconds(load);
            chunk["prompt_eval_count"] = promptTokens;
            chunk["prompt_eval_duration"] = OllamaSimWire.Nanoseconds(promptEval);
            chunk["eval_count"] = Math.Max(1, evalCount);
            chunk["eval_duration"] = OllamaSimWire.Nanoseconds(eval);
            return chunk;
        }
    }
}
