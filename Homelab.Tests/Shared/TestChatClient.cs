using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Homelab.Tests.Shared;

/// <summary>
/// A scripted model: each call gets the messages and options it was sent and answers with <see cref="Reply"/>. Calls
/// are recorded; a streaming call yields the reply's contents as separate updates, text one word at a time.
/// </summary>
internal sealed class TestChatClient : IChatClient
{
    private readonly Lock _lock = new();

    /// <summary>The reply to the call with this index (0-based), given what it was sent.</summary>
    public Func<int, IReadOnlyList<ChatMessage>, ChatOptions?, CancellationToken, Task<ChatResponse>> Reply { get; set; } =
        (_, _, _, _) => Task.FromResult(Text("ok"));

    /// <summary>A pause between streamed updates (for stop tests).</summary>
    public TimeSpan UpdateDelay { get; set; }

    public List<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Calls { get; } = [];

    public static ChatResponse Text(string text, int promptTokens = 10, int completionTokens = 3) =>
        new(new ChatMessage(ChatRole.Assistant, text)) { Usage = new UsageDetails { InputTokenCount = promptTokens, OutputTokenCount = completionTokens }, ModelId = "test-model" };

    public static ChatResponse Call(string tool, IDictionary<string, object?>? arguments = null, string? callId = null) =>
        new(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent(callId ?? Guid.NewGuid().ToString("N")[..8], tool, arguments ?? new Dictionary<string, object?>())]))
        {
            Usage = new UsageDetails { InputTokenCount = 20, OutputTokenCount = 5 },
            ModelId = "test-model",
        };

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (index, list) = Record(messages, options);
        return await Reply(index, list, options, cancellationToken);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (index, list) = Record(messages, options);
        var response = await Reply(index, list, options, cancellationToken);
        var messageId = Guid.NewGuid().ToString("N");
        foreach (var content in response.Messages.SelectMany(m => m.Contents))
        {
            var pieces = content is TextContent text ? Words(text.Text).Select(w => (AIContent)new TextContent(w)) : [content];
            foreach (var piece in pieces)
            {
                if (UpdateDelay > TimeSpan.Zero)
                {
                    await Task.Delay(UpdateDelay, cancellationToken);
                }

                cancellationToken.ThrowIfCancellationRequested();
                yield return new ChatResponseUpdate(ChatRole.Assistant, [piece]) { MessageId = messageId, ModelId = response.ModelId };
            }
        }

        if (response.Usage is { } usage)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(usage)]) { MessageId = messageId, FinishReason = ChatFinishReason.Stop };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private (int Index, IReadOnlyList<ChatMessage> Messages) Record(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var list = messages.ToList();
        lock (_lock)
        {
            Calls.Add((list, options));
            return (Calls.Count - 1, list);
        }
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == ' ')
            {
                yield return text[start..i];
                start = i;
            }
        }
    }
}
