using Homelab.Dashboard.Agent.Chat;
using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace Homelab.Tests.Integration.Agent;

/// <summary>Drives one conversation of the real host's agent: sends, watches the events, and waits for them.</summary>
internal sealed class AgentChatDriver : IAsyncDisposable
{
    public static readonly Actor Tester = new("agent-tester", ActionVia.Ui, [HomelabRoles.Operator]);

    private readonly CancellationTokenSource _watching = new();
    private readonly List<ChatEvent> _events = [];
    private Task? _reader;

    private AgentChatDriver(IAgentChat chat, Conversation conversation)
    {
        Chat = chat;
        Conversation = conversation;
    }

    public IAgentChat Chat { get; }

    public Conversation Conversation { get; }

    public Guid Id => Conversation.Id;

    public static async Task<AgentChatDriver> StartAsync(IServiceProvider services, ConversationSurface surface = ConversationSurface.Web)
    {
        var chat = services.GetRequiredService<IAgentChat>();
        var driver = new AgentChatDriver(chat, await chat.StartConversationAsync(surface, CancellationToken.None));
        var watch = await chat.WatchAsync(driver.Id, driver._watching.Token);
        driver._reader = Task.Run(async () =>
        {
            try
            {
                await foreach (var change in watch.Events)
                {
                    lock (driver._events)
                    {
                        driver._events.Add(change);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        return driver;
    }

    public List<ChatEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public async Task<TurnStart> SendAsync(string message)
    {
        var start = await Chat.SendAsync(Id, message, Tester, CancellationToken.None);
        Assert.True(start.Started, start.Refusal);
        return start;
    }

    public async Task<T> WaitForAsync<T>(Func<T, bool> match, string what, double seconds = 20)
        where T : ChatEvent
    {
        T? found = null;
        await HomelabAppFactory.WaitForAsync(() => (found = Events.OfType<T>().FirstOrDefault(match)) is not null, TimeSpan.FromSeconds(seconds), what);
        return found!;
    }

    public Task<MessageAdded> PendingApprovalAsync() =>
        WaitForAsync<MessageAdded>(e => e.Message is { Role: MessageRole.Approval, Approval: ApprovalState.Pending }, "a pending approval card");

    public static async Task<TurnSummary> EndAsync(TurnStart start, double seconds = 60) =>
        await start.Completion.WaitAsync(TimeSpan.FromSeconds(seconds));

    public async ValueTask DisposeAsync()
    {
        await _watching.CancelAsync();
        if (_reader is not null)
        {
            await _reader;
        }

        _watching.Dispose();
    }
}
