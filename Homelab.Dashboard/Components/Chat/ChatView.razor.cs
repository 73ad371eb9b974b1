using Homelab.Dashboard.Actions;
using Homelab.Dashboard.Agent.Chat;
using Homelab.Dashboard.Model.Chat;
using Homelab.Domain.Agent.Conversations;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Homelab.Dashboard.Components.Chat;

/// <summary>
/// A conversation with the agent, live: watches it (stored thread, then events), sends messages, stops turns.
/// Used by the chat page and the chat drawer.
/// </summary>
/// <remarks>
/// Turns run on the server, so this component only watches: when it goes away mid-answer the turn goes on, and a new
/// watch (a reconnect, coming back to the page, reopening the drawer) starts from the stored thread, complete or not.
/// Events are applied on a background loop into an immutable <see cref="ChatThreadModel"/>; renders are coalesced so
/// a burst of tokens costs one render, and only the messages that changed re-render.
/// Without a <see cref="ConversationId"/> it is a draft: the first message starts a conversation.
/// </remarks>
public partial class ChatView : ComponentBase, IAsyncDisposable
{
    // Guards _openVersion and _thread: the watch loop publishes a thread only while its open is still the current one.
    private readonly Lock _gate = new();
    private int _openVersion;
    private ChatThreadModel? _thread;

    private CancellationTokenSource? _watchCts;
    private Task? _watchLoop;
    private Guid? _conversationId;
    private Guid? _parameterId;
    private bool _parameterSeen;
    private string _draft = "";
    private string? _refusal;
    private string? _loadError;
    private bool _sending;
    private bool _watchLost;
    private bool _disposed;
    private bool _scrollPending;
    private bool _revealHashPending;
    private int _renderQueued;
    private ElementReference _scrollElement;

    /// <summary>The conversation to show; null for a new one that starts with the first message.</summary>
    [Parameter]
    public Guid? ConversationId { get; set; }

    /// <summary>A draft became a conversation (its first message is being sent).</summary>
    [Parameter]
    public EventCallback<Guid> OnConversationStarted { get; set; }

    /// <summary>A turn ended (titles and the list's order may have changed).</summary>
    [Parameter]
    public EventCallback<TurnSummary> OnTurnEnded { get; set; }

    /// <summary>The narrow layout of the drawer.</summary>
    [Parameter]
    public bool Compact { get; set; }

    [Inject]
    public required IAgentChat Chat { get; init; }

    [Inject]
    internal ICurrentActor CurrentActor { get; init; } = null!;

    [Inject]
    public required IJSRuntime JS { get; init; }

    private bool Running => _sending || _thread?.TurnRunning == true;

    private bool InputDisabled => Running || !Chat.Model.Available || _loadError is not null;

    protected override async Task OnParametersSetAsync()
    {
        // React to the parameter changing, not to it differing from what is shown: a draft that started a
        // conversation already shows it when the parent catches up.
        if (_parameterSeen && _parameterId == ConversationId)
        {
            return;
        }

        _parameterSeen = true;
        _parameterId = ConversationId;
        if (ConversationId != _conversationId)
        {
            await OpenAsync(ConversationId);
        }
    }

    /// <summary>Shows <paramref name="conversationId"/> (or a draft) at once, then ends the old watch and starts its own.</summary>
    private async Task OpenAsync(Guid? conversationId)
    {
        int version;
        lock (_gate)
        {
            // Opens can overlap (parameters change while a watch is still starting); the latest one wins.
            version = ++_openVersion;
            _thread = null;
        }

        _conversationId = conversationId;
        _refusal = null;
        _loadError = null;
        _watchLost = false;
        await StopWatchAsync();
        if (conversationId is { } id && IsCurrent(version))
        {
            _revealHashPending = true;
            await StartWatchAsync(id, version);
        }
    }

    private bool IsCurrent(int version)
    {
        lock (_gate)
        {
            return version == _openVersion;
        }
    }

    /// <summary>Publishes a thread if its open is still current; false tells a stale loop to stop.</summary>
    private bool Publish(ChatThreadModel thread, int version)
    {
        lock (_gate)
        {
            if (version != _openVersion)
            {
                return false;
            }

            _thread = thread;
            return true;
        }
    }

    private async Task StartWatchAsync(Guid conversationId, int version)
    {
        if (!RendererInfo.IsInteractive)
        {
            // Prerendering: the stored thread only, so a link to an approval card lands on it before the circuit starts.
            await LoadStoredAsync(conversationId, version);
            return;
        }

        var cts = new CancellationTokenSource();
        ConversationWatch watch;
        try
        {
            watch = await Chat.WatchAsync(conversationId, cts.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            cts.Dispose();
            if (IsCurrent(version))
            {
                _loadError = $"This conversation could not be opened: {ex.Message}";
            }

            return;
        }

        var thread = ChatThreadModel.From(watch);
        if (!Publish(thread, version))
        {
            // A newer open started meanwhile, or the component went away: end this watch without showing it.
            await AbandonAsync(watch.Events, cts);
            return;
        }

        _watchCts = cts;
        _scrollPending = true;
        _watchLoop = Task.Run(() => ReadEventsAsync(thread, watch.Events, version, cts.Token));
    }

    /// <summary>
    /// Ends a watch that will not be read. The stream is started once with its token cancelled, because a watch
    /// typically unsubscribes in the stream's <c>finally</c>, which only runs once the stream has started.
    /// </summary>
    private static async Task AbandonAsync(IAsyncEnumerable<ChatEvent> events, CancellationTokenSource cts)
    {
        await cts.CancelAsync();
        try
        {
            await using var enumerator = events.GetAsyncEnumerator(cts.Token);
            await enumerator.MoveNextAsync();
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            cts.Dispose();
        }
    }

    private async Task LoadStoredAsync(Guid conversationId, int version)
    {
        var stored = await Chat.GetAsync(conversationId, CancellationToken.None);
        if (stored is null)
        {
            _loadError = "This conversation does not exist; it may have been deleted.";
            return;
        }

        Publish(ChatThreadModel.From(stored, turnRunning: false), version);
    }

    private async Task ReadEventsAsync(ChatThreadModel thread, IAsyncEnumerable<ChatEvent> events, int version, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var chatEvent in events.WithCancellation(cancellationToken))
            {
                thread = thread.Apply(chatEvent);
                if (!Publish(thread, version))
                {
                    return;
                }

                if (chatEvent is TurnEnded ended)
                {
                    await InvokeAsync(async () =>
                    {
                        ShowLatest();
                        await OnTurnEnded.InvokeAsync(ended.Summary);
                    });
                }
                else
                {
                    QueueRender();
                }
            }

            // The stream ended without being cancelled (the conversation was deleted, or the server is stopping).
            await ShowWatchLostAsync(version);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException) when (_disposed)
        {
        }
        catch (Exception)
        {
            // Keep what arrived and offer a fresh watch: it starts from the stored thread, so nothing is missed.
            await ShowWatchLostAsync(version);
        }
    }

    private async Task ShowWatchLostAsync(int version)
    {
        if (_disposed || !IsCurrent(version))
        {
            return;
        }

        await InvokeAsync(() =>
        {
            _watchLost = true;
            ShowLatest();
        });
    }

    /// <summary>Coalesces a burst of events into one render: tokens that arrive while a render waits join it.</summary>
    private void QueueRender()
    {
        if (Interlocked.Exchange(ref _renderQueued, 1) == 1)
        {
            return;
        }

        _ = RenderQueuedAsync();
    }

    private async Task RenderQueuedAsync()
    {
        try
        {
            await InvokeAsync(ShowLatest);
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away while the render waited.
        }
    }

    private void ShowLatest()
    {
        Volatile.Write(ref _renderQueued, 0);
        if (_disposed)
        {
            return;
        }

        _scrollPending = true;
        StateHasChanged();
    }

    private async Task SendAsync()
    {
        var text = _draft.Trim();
        if (text.Length == 0 || InputDisabled)
        {
            return;
        }

        _sending = true;
        _refusal = null;
        try
        {
            var conversationId = _conversationId ?? await StartConversationAsync();
            var start = await Chat.SendAsync(conversationId, text, CurrentActor.Actor, CancellationToken.None);
            if (start.Started)
            {
                _draft = "";
                _scrollPending = true;
            }
            else
            {
                _refusal = start.Refusal ?? "The message was not sent.";
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _refusal = $"The message was not sent: {ex.Message}";
        }
        finally
        {
            _sending = false;
        }
    }

    private async Task<Guid> StartConversationAsync()
    {
        var conversation = await Chat.StartConversationAsync(ConversationSurface.Web, CancellationToken.None);

        // Watch before sending, so the user's message and the turn arrive as events.
        await OpenAsync(conversation.Id);
        await OnConversationStarted.InvokeAsync(conversation.Id);
        return conversation.Id;
    }

    private void Stop()
    {
        if (_conversationId is { } id)
        {
            Chat.StopTurn(id);
        }
    }

    private async Task RewatchAsync()
    {
        if (_conversationId is { } id)
        {
            await OpenAsync(id);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_scrollPending && !_revealHashPending)
        {
            return;
        }

        try
        {
            if (_revealHashPending && _thread is not null)
            {
                // A link to /chat/{id}#approval-{messageId} lands on the card once the thread is drawn.
                _revealHashPending = false;
                _scrollPending = false;
                if (await JS.InvokeAsync<bool>("homelab.revealHash"))
                {
                    return;
                }
            }

            if (_scrollPending)
            {
                _scrollPending = false;
                await JS.InvokeVoidAsync("homelab.scrollToEnd", _scrollElement);
            }
        }
        catch (JSDisconnectedException)
        {
        }
        catch (JSException)
        {
            // Scrolling is a nicety; a missing script must not break the chat.
        }
    }

    /// <summary>Cancels the current watch and waits for its loop; the fields are cleared first, so a new watch can start.</summary>
    private async Task StopWatchAsync()
    {
        var cts = _watchCts;
        var loop = _watchLoop;
        _watchCts = null;
        _watchLoop = null;
        if (cts is null)
        {
            return;
        }

        await cts.CancelAsync();
        if (loop is not null)
        {
            try
            {
                await loop;
            }
            catch (OperationCanceledException)
            {
            }
        }

        cts.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        lock (_gate)
        {
            // A watch still starting sees this and ends itself.
            _openVersion++;
        }

        await StopWatchAsync();
        GC.SuppressFinalize(this);
    }
}
