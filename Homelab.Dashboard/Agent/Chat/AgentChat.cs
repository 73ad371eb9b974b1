using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Conversations;

namespace Homelab.Dashboard.Agent.Chat;

/// <summary>
/// The agent's conversations: turns run on the server on their own tasks, one per conversation at a time, and are
/// watched as the stored thread plus live events.
/// </summary>
internal sealed partial class AgentChat(AgentChatServices services) : IAgentChat
{
    /// <summary>The longest message the agent takes.</summary>
    public const int MaxMessageLength = 8_000;

    public const string DefaultTitle = "New conversation";

    /// <summary>Why a viewer's answer to an approval card is refused.</summary>
    public const string NeedsOperator = "Only an operator or admin can answer approval cards; your role is viewer. Ask an operator to approve it.";

    private readonly ConcurrentDictionary<Guid, ConversationLive> _live = new();

    public AgentModelInfo Model => services.Models.Model is { } model
        ? new AgentModelInfo(model.ModelName, model.Connection.Simulated, Available: true)
        : new AgentModelInfo("none", Simulated: false, Available: false);

    public async Task<Conversation> StartConversationAsync(ConversationSurface surface, CancellationToken cancellationToken)
    {
        var now = services.Time.GetUtcNow();
        return await services.Store.CreateAsync(new Conversation { Title = DefaultTitle, CreatedAt = now, UpdatedAt = now, Surface = surface }, cancellationToken);
    }

    public Task<IReadOnlyList<Conversation>> ListAsync(int skip, int take, CancellationToken cancellationToken) =>
        services.Store.ListAsync(skip, take, cancellationToken);

    public async Task<ConversationThread?> GetAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        var stored = await services.Store.GetAsync(conversationId, cancellationToken);
        return stored is not null && _live.TryGetValue(conversationId, out var live) ? live.Overlay(stored) : stored;
    }

    public async Task<bool> DeleteAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        if (_live.TryGetValue(conversationId, out var live) && live.Turn is { } turn)
        {
            turn.Stop();
            await turn.Completion.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        services.Approvals.Forget(conversationId);
        var deleted = await services.Store.DeleteAsync(conversationId, cancellationToken);
        if (_live.TryRemove(conversationId, out var removed))
        {
            removed.Close();
        }

        return deleted;
    }

    public async Task<TurnStart> SendAsync(Guid conversationId, string message, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!HomelabRoles.Satisfies(actor.Roles, HomelabRoles.Viewer))
        {
            // The agent reads the whole homelab; a page whose sign-in ended (LocalSessionState) is nobody.
            return Refused(conversationId, "You are signed out: sign in again to talk to the agent.");
        }

        if (string.IsNullOrWhiteSpace(message))
        {
            return Refused(conversationId, "The message is empty.");
        }

        if (message.Length > MaxMessageLength)
        {
            return Refused(conversationId, $"The message is {message.Length:N0} characters long; the limit is {MaxMessageLength:N0}.");
        }

        if (services.Models.Model is not { } model)
        {
            return Refused(conversationId, "No model is configured: set Homelab:Ollama:Url, or run in demo mode for the simulated one.");
        }

        var thread = await services.Store.GetAsync(conversationId, cancellationToken);
        if (thread is null)
        {
            return Refused(conversationId, "There is no such conversation.");
        }

        var live = LiveOf(conversationId);
        var running = new RunningTurn(services.Stopping);
        if (!live.TryBegin(running))
        {
            running.Dispose();
            return Refused(conversationId, "The agent is still answering in this conversation; wait for it or stop it first.");
        }

        try
        {
            live.Publish(new TurnStarted(conversationId));
            var user = await services.Store.AppendAsync(new ConversationMessage
            {
                ConversationId = conversationId,
                Role = MessageRole.User,
                Text = message,
                CreatedAt = services.Time.GetUtcNow(),
            }, CancellationToken.None);
            live.Publish(new MessageAdded(conversationId, user));
            if (thread.Conversation.Title == DefaultTitle && !thread.Messages.Any(m => m.Role == MessageRole.User))
            {
                await services.Store.RenameAsync(conversationId, AgentPrompt.Title(message), CancellationToken.None);
            }

            var turn = new AgentTurn(services, live, thread.Conversation, actor, running, model);
            _ = Task.Run(() => RunAsync(turn, running, thread.Messages, message), CancellationToken.None);
            return new TurnStart(true, null, running.Completion.Task);
        }
        catch (Exception ex)
        {
            // Nothing runs: release the conversation and tell the watchers the turn is over.
            var summary = new TurnSummary(conversationId, TurnOutcome.Failed, "", [], 0, $"The message could not be stored ({ex.GetType().Name}).", []);
            live.End(running, new TurnEnded(conversationId, summary));
            running.Completion.TrySetResult(summary);
            running.Dispose();
            throw;
        }
    }

    public async Task<ConversationWatch> WatchAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        var stored = await services.Store.GetAsync(conversationId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no conversation {conversationId}.");
        var live = LiveOf(conversationId);
        var (thread, running, channel) = live.Watch(stored);
        var registration = cancellationToken.Register(() => live.Unwatch(channel));
        return new ConversationWatch(thread, running, ReadAsync(live, channel, registration, cancellationToken));
    }

    public bool StopTurn(Guid conversationId)
    {
        if (_live.TryGetValue(conversationId, out var live) && live.Turn is { } turn)
        {
            turn.Stop();
            return true;
        }

        return false;
    }

    public async Task<ApprovalDecisionResult> DecideAsync(Guid conversationId, Guid approvalMessageId, ApprovalDecision decision, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);

        // Checked here, where every answer arrives, not only by the card hiding its buttons: the card stays pending.
        if (!HomelabRoles.CanOperate(actor.Roles))
        {
            return new ApprovalDecisionResult(false, NeedsOperator);
        }

        if (!services.Approvals.TryResolve(conversationId, approvalMessageId, new HumanDecision(decision, actor), out var detached))
        {
            return new ApprovalDecisionResult(false, "This approval is no longer pending: it was already decided, or the dashboard restarted since it was asked.");
        }

        if (detached is null)
        {
            // The turn waits on this card and carries the decision out itself.
            return new ApprovalDecisionResult(true, decision == ApprovalDecision.Deny ? "Denied." : "Approved; running it now.");
        }

        return await DetachedDecision.CarryOutAsync(services, LiveOf(conversationId), detached, decision, actor, cancellationToken);
    }

    private static TurnStart Refused(Guid conversationId, string reason) =>
        new(false, reason, Task.FromResult(new TurnSummary(conversationId, TurnOutcome.Failed, "", [], 0, reason, [])));

    private ConversationLive LiveOf(Guid conversationId) => _live.GetOrAdd(conversationId, id => new ConversationLive(id));

    private async Task RunAsync(AgentTurn turn, RunningTurn running, IReadOnlyList<ConversationMessage> earlier, string message)
    {
        try
        {
            var summary = await turn.RunAsync(earlier, message);
            running.Completion.TrySetResult(summary);
        }
        catch (Exception ex)
        {
            // RunAsync handles its own failures; this only guards the completion.
            LogTurnCrashed(services.Logger, ex, turn.GetHashCode());
            running.Completion.TrySetException(ex);
        }
        finally
        {
            running.Dispose();
        }
    }

    private static async IAsyncEnumerable<ChatEvent> ReadAsync(ConversationLive live, Channel<ChatEvent> channel, CancellationTokenRegistration registration, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return change;
            }
        }
        finally
        {
            await registration.DisposeAsync();
            live.Unwatch(channel);
        }
    }

    [LoggerMessage(10012, LogLevel.Error, "An agent turn ({Turn}) crashed outside its own error handling.")]
    private static partial void LogTurnCrashed(ILogger logger, Exception exception, int turn);
}
