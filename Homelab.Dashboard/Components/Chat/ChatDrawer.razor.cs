using Homelab.Dashboard.Agent.Chat;
using Microsoft.AspNetCore.Components;

namespace Homelab.Dashboard.Components.Chat;

/// <summary>
/// The chat drawer that the app bar opens on every page. It picks the most recently updated conversation each time it
/// opens, and watches it only while open.
/// </summary>
public partial class ChatDrawer : ComponentBase
{
    private Guid? _conversationId;
    private bool _ready;
    private bool _loadedForOpen;

    [Parameter]
    public bool Open { get; set; }

    [Parameter]
    public EventCallback<bool> OpenChanged { get; set; }

    [Inject]
    public required IAgentChat Chat { get; init; }

    protected override async Task OnParametersSetAsync()
    {
        if (!Open)
        {
            _loadedForOpen = false;
            _ready = false;
            return;
        }

        if (_loadedForOpen)
        {
            return;
        }

        _loadedForOpen = true;
        var recent = await Chat.ListAsync(0, 1, CancellationToken.None);
        _conversationId = recent.Count > 0 ? recent[0].Id : null;
        _ready = true;
    }

    private void NewConversation() => _conversationId = null;

    private async Task OnOpenChangedAsync(bool open)
    {
        if (!open)
        {
            await CloseAsync();
        }
    }

    private Task CloseAsync() => OpenChanged.InvokeAsync(false);
}
