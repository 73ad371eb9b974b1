using Homelab.Dashboard.Agent.Chat;
using Homelab.Domain.Agent.Conversations;
using Microsoft.AspNetCore.Components;

namespace Homelab.Dashboard.Components.Pages;

/// <summary>
/// The chat page: stored conversations beside the open one. <c>/chat</c> is a new conversation that starts with the
/// first message; <c>/chat/{id}</c> opens one (and <c>#approval-{messageId}</c> lands on an approval card).
/// </summary>
public partial class ChatPage : ComponentBase
{
    /// <summary>How many conversations the list shows.</summary>
    public const int ListSize = 50;

    private IReadOnlyList<Conversation> _conversations = [];

    [Parameter]
    public Guid? ConversationId { get; set; }

    [Inject]
    public required IAgentChat Chat { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    protected override Task OnInitializedAsync() => RefreshListAsync();

    private async Task RefreshListAsync()
    {
        var list = await Chat.ListAsync(0, ListSize, CancellationToken.None);

        // The contract promises newest first; sorting again keeps the list right whatever a store returns.
        _conversations = [.. list.OrderByDescending(c => c.UpdatedAt)];
    }

    private async Task OnConversationStarted(Guid conversationId)
    {
        await RefreshListAsync();
        Navigation.NavigateTo($"/chat/{conversationId}");
    }

    private async Task OnTurnEndedAsync(TurnSummary summary) => await RefreshListAsync();

    private async Task DeleteAsync(Guid conversationId)
    {
        await Chat.DeleteAsync(conversationId, CancellationToken.None);
        await RefreshListAsync();
        if (conversationId == ConversationId)
        {
            Navigation.NavigateTo("/chat");
        }
    }
}
