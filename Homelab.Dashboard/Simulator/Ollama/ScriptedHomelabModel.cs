using System.Text.Json.Nodes;

namespace Homelab.Dashboard.Simulator.Ollama;

/// <summary>
/// The simulated Ollama's model: it answers homelab requests deterministically from the conversation, so the agent
/// can be demonstrated and tested end to end without a GPU.
/// </summary>
/// <remarks>
/// <para>
/// A user message is matched against <see cref="ScriptedPhraseRules"/> and becomes one tool call, but only when the
/// request offers that tool; otherwise the model says it can't do that here. Tool results are summarised in text,
/// unless they carry an injected <c>call &lt;tool&gt; with {json}</c> instruction, which it obeys
/// (<see cref="ScriptedInjection"/>). Without any tools on offer it answers briefly, like a small chat model.
/// </para>
/// <para>
/// Test phrases: "loop test" calls <c>get_cluster_status</c> with the same arguments every round, "rounds test" a
/// different read-only tool every round, "simulate a stream error" breaks off mid-stream, "simulate a slow answer"
/// streams about 400 tokens.
/// </para>
/// </remarks>
internal sealed class ScriptedHomelabModel(ScriptedVocabulary vocabulary)
{
    public const string LoopTest = "loop test";
    public const string RoundsTest = "rounds test";
    public const string StreamErrorTest = "simulate a stream error";
    public const string SlowTest = "simulate a slow answer";

    /// <summary>Read-only tools without required parameters, in the order "rounds test" calls them.</summary>
    private static readonly string[] s_roundTools =
    [
        "get_homelab_summary", "get_cluster_status", "list_nodes", "list_guests", "list_storage", "list_containers",
        "list_problem_containers", "list_torrents", "get_transfer_info", "get_vpn_status", "list_sources", "get_attention",
        "list_recent_actions",
    ];

    public static ScriptedHomelabModel Seed { get; } = new(ScriptedVocabulary.Seed);

    public ScriptedReply Reply(OllamaSimChatRequest request)
    {
        var messages = request.Messages;
        var last = messages.Count == 0 ? null : messages[^1];
        var userIndex = LastIndex(messages, m => m.IsUser);
        var asked = userIndex < 0 ? "" : messages[userIndex].Content;
        if (last is null)
        {
            return new ScriptedReply.Text("");
        }

        if (last.IsUser && Says(asked, StreamErrorTest))
        {
            return new ScriptedReply.StreamError(ScriptedAnswers.StreamErrorPartial, ScriptedAnswers.StreamErrorMessage);
        }

        if (last.IsUser && Says(asked, SlowTest))
        {
            return new ScriptedReply.Text(ScriptedAnswers.Slow());
        }

        if (request.Tools.Count == 0)
        {
            return new ScriptedReply.Text(PlainChat(messages, asked));
        }

        if (Says(asked, LoopTest))
        {
            return Offered(request, OllamaSimToolCall.Create("get_cluster_status"));
        }

        if (Says(asked, RoundsTest))
        {
            var round = messages.Skip(userIndex + 1).Count(m => m.IsAssistant && m.ToolCalls.Count > 0);
            return RoundCall(request, round);
        }

        if (last.IsTool)
        {
            var results = ScriptedToolResult.Trailing(messages);
            return ScriptedInjection.Find(results, request.Offers) is { } injected
                ? new ScriptedReply.ToolCall(injected)
                : new ScriptedReply.Text(ScriptedSummary.Of(results));
        }

        return ScriptedPhraseRules.Match(last.Content, vocabulary) is { } matched
            ? Offered(request, matched.Call)
            : new ScriptedReply.Text(ScriptedAnswers.Help);
    }

    private static ScriptedReply Offered(OllamaSimChatRequest request, OllamaSimToolCall call) =>
        request.Offers(call.Name) ? new ScriptedReply.ToolCall(call) : new ScriptedReply.Text(ScriptedAnswers.CannotDo(call.Name));

    /// <summary>A different read-only call every round; past the list, <c>list_recent_actions</c> with a growing limit.</summary>
    private static ScriptedReply RoundCall(OllamaSimChatRequest request, int round)
    {
        var offered = s_roundTools.Where(request.Offers).ToList();
        if (offered.Count == 0)
        {
            return new ScriptedReply.Text(ScriptedAnswers.CannotDo(s_roundTools[0]));
        }

        if (round < offered.Count)
        {
            return new ScriptedReply.ToolCall(OllamaSimToolCall.Create(offered[round]));
        }

        return request.Offers("list_recent_actions")
            ? new ScriptedReply.ToolCall(OllamaSimToolCall.Create("list_recent_actions", new JsonObject { ["limit"] = round + 1 }))
            : new ScriptedReply.ToolCall(OllamaSimToolCall.Create(offered[round % offered.Count]));
    }

    /// <summary>No tools on offer: a summary of earlier tool results if there are any, a title if asked for one, a greeting otherwise.</summary>
    private static string PlainChat(IReadOnlyList<OllamaSimMessage> messages, string asked)
    {
        var results = ScriptedToolResult.Latest(messages);
        if (results.Count > 0)
        {
            return ScriptedSummary.Of(results);
        }

        return Says(asked, "title") ? ScriptedAnswers.Title(asked) : ScriptedAnswers.PlainChat;
    }

    private static bool Says(string text, string phrase) => text.Contains(phrase, StringComparison.OrdinalIgnoreCase);

    private static int LastIndex(IReadOnlyList<OllamaSimMessage> messages, Func<OllamaSimMessage, bool> predicate)
    {
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (predicate(messages[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
